// ISOLATED world (content script): checks what the page side sent. Anything from the page is
// untrusted: bounded before parsing, validated by the protocol guard, and copied field by field
// so nothing but CapturedFrame fields travels on.
import type { CapturedFrame } from '../protocol/captured-frame.ts';
import { isPageBatch, type PageBatch, parseDetail } from '../protocol/page-messages.ts';

/** Largest event detail the relay parses: a batch is ~1 MB, one frame escaped at most ~1.6 MB. */
export const MAX_DETAIL_CHARS = 8 * 1024 * 1024;

// One fixed object shape (fast in the hot path); absent fields stay undefined, which the port's
// serialization drops in Chromium and every guard accepts.
function copyFrame(f: CapturedFrame): CapturedFrame {
  return {
    seq: f.seq,
    time: f.time,
    socket: f.socket,
    url: f.url,
    kind: f.kind,
    text: f.text,
    binary: f.binary,
    size: f.size,
    truncated: f.truncated,
    code: f.code,
    reason: f.reason,
    wasClean: f.wasClean,
    protocol: f.protocol,
    refused: f.refused,
  };
}

/** The PageBatch in an event detail, or undefined for anything invalid. */
export function readPageBatch(detail: unknown): PageBatch | undefined {
  if (typeof detail !== 'string' || detail.length > MAX_DETAIL_CHARS) return undefined;
  const value = parseDetail(detail);
  if (!isPageBatch(value)) return undefined;
  return { ...value, frames: value.frames.map(copyFrame) };
}

/**
 * Sequence numbers as the wrapper makes them: increasing within a batch, and live frames after
 * every live frame before them (replays resend history, live frames are always new). A batch
 * that breaks the first rule is refused; live frames that break the second are dropped.
 */
export function createSeqGuard(): (batch: PageBatch) => PageBatch | undefined {
  let lastLive = 0;
  return (batch) => {
    let previous = 0;
    for (const frame of batch.frames) {
      if (frame.seq <= previous) return undefined;
      previous = frame.seq;
    }
    if (batch.replay) return batch;
    const frames = batch.frames.filter((frame) => frame.seq > lastLive);
    if (previous > lastLive) lastLive = previous;
    return frames.length === batch.frames.length ? batch : { ...batch, frames };
  };
}
