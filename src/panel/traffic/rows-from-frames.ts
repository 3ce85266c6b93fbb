// Pure: rows from the WebSocket frames the page's wrapper captured (TabFrames from the hub, or
// an imported file of ours), cut to the same caps whoever claims them, with detection run once
// per frame, here, on arrival.

import { base64Bytes, base64Length } from '../../core/bytes/base64.ts';
import { hexHead } from '../../core/bytes/hex-dump.ts';
import { MAX_BINARY_DECODE } from '../../core/detect/payload-text.ts';
import { cutWhole } from '../../core/hidden-chars.ts';
import type { Detector, Finding, ObservedEvent } from '../../core/index.ts';
import {
  type CapturedFrame,
  FRAME_LIMITS,
  MAX_DOC_CHARS,
  type TabFrames,
} from '../../protocol/index.ts';
import { completeRow, type RowParts } from './complete-row.ts';
import { compressionOfBase64 } from './inflated-row.ts';
import { keptBase64, keptText } from './kept-payload.ts';
import { frameTag, hostAndPath, oneLine } from './row-text.ts';
import type { FrameDeduper } from './seen-seqs.ts';
import type { SocketLabel, SocketLabels } from './socket-labels.ts';
import type { RowKind, TrafficRow } from './traffic-row.ts';

export const SOCKET_ERROR_TEXT =
  'WebSocket error event: the browser gives no detail; the close that follows carries the code';

export interface RowIds {
  next(): number;
}

const KIND: Record<CapturedFrame['kind'], RowKind> = {
  open: 'open',
  send: 'send',
  receive: 'receive',
  close: 'close',
  error: 'error',
};

function eventOf(frame: CapturedFrame): ObservedEvent | undefined {
  switch (frame.kind) {
    case 'send':
    case 'receive':
      if (frame.text !== undefined) {
        return { type: 'ws', url: frame.url, direction: frame.kind, data: frame.text };
      }
      // A frame the inflater will try is detected once inflated: its compressed bytes are not
      // text, and the detector would decode them only to find that out.
      if (frame.binary !== undefined && compressionOfBase64(frame.binary) === undefined) {
        const data = base64Bytes(frame.binary, MAX_BINARY_DECODE);
        return { type: 'ws', url: frame.url, direction: frame.kind, data };
      }
      return undefined;
    case 'close':
      if (frame.code === undefined) return undefined;
      return {
        type: 'close',
        url: frame.url,
        code: frame.code,
        ...(frame.reason !== undefined ? { reason: frame.reason } : {}),
        ...(frame.wasClean !== undefined ? { wasClean: frame.wasClean } : {}),
      };
    default:
      return undefined;
  }
}

function previewOf(frame: CapturedFrame): string {
  switch (frame.kind) {
    case 'open':
      return frame.protocol ? `open, protocol ${oneLine(frame.protocol)}` : 'open';
    case 'close': {
      const clean =
        frame.wasClean === undefined ? '' : frame.wasClean ? ' · clean' : ' · not clean';
      const reason = frame.reason ? ` ${oneLine(frame.reason)}` : '';
      return `${frame.code ?? 'no code'}${reason}${clean}`;
    }
    case 'error':
      return SOCKET_ERROR_TEXT;
    default:
      if (frame.text !== undefined) return oneLine(frame.text) || '(empty)';
      if (frame.binary !== undefined) {
        const size = frame.size ?? base64Length(frame.binary);
        return `binary, ${size} bytes: ${hexHead(base64Bytes(frame.binary, 16))}`;
      }
      return '(no payload)';
  }
}

/**
 * The frame within the caps the relay enforces on live frames and the page's payload cap:
 * an imported file claiming to be ours (`_source: "wrapper"`) is held to them too. Live frames
 * are within them already and pass unchanged.
 */
function cappedFrame(frame: CapturedFrame): CapturedFrame {
  const capped: CapturedFrame = { ...frame, url: cutWhole(frame.url, FRAME_LIMITS.maxUrl) };
  if (frame.reason !== undefined) capped.reason = cutWhole(frame.reason, FRAME_LIMITS.maxReason);
  if (frame.protocol !== undefined) {
    capped.protocol = cutWhole(frame.protocol, FRAME_LIMITS.maxReason);
  }
  const kept =
    frame.text !== undefined
      ? keptText(frame.text)
      : frame.binary !== undefined
        ? keptBase64(frame.binary)
        : undefined;
  if (kept?.truncated) {
    if ('text' in kept) capped.text = kept.text;
    else capped.binary = kept.binary;
    capped.truncated = true;
    capped.size = Math.max(frame.size ?? 0, kept.size);
  }
  return capped;
}

/** One row for one captured frame; `findings` come from the detector, run once here. */
export function rowFromFrame(
  captured: CapturedFrame,
  from: { doc: string; frameId: number; label?: SocketLabel },
  id: number,
  detector: Detector,
): TrafficRow {
  const frame = cappedFrame(captured);
  const event = eventOf(frame);
  const findings: readonly Finding[] = event ? detector.detect(event) : [];
  const size =
    frame.size ??
    frame.text?.length ??
    (frame.binary !== undefined ? base64Length(frame.binary) : undefined);
  const { label } = from;
  const frameUrl =
    label?.frameUrl !== undefined ? cutWhole(label.frameUrl, FRAME_LIMITS.maxUrl) : undefined;
  const located = { source: 'wrapper' as const, frameId: from.frameId, frameUrl };
  const parts: RowParts = {
    id,
    time: frame.time,
    kind: KIND[frame.kind],
    source: 'wrapper',
    url: frame.url,
    where: `${hostAndPath(frame.url)} #${label?.number ?? frame.socket}${frameTag(located)}`,
    socket: frame.socket,
    doc: cutWhole(from.doc, MAX_DOC_CHARS),
    frameId: from.frameId,
    seq: frame.seq,
    preview: previewOf(frame),
    findings,
  };
  if (label) parts.listNumber = label.number;
  if (frameUrl !== undefined) parts.frameUrl = frameUrl;
  if (size !== undefined) parts.size = size;
  if (frame.text !== undefined || frame.binary !== undefined) {
    parts.payload = {
      ...(frame.text !== undefined ? { text: frame.text } : {}),
      ...(frame.binary !== undefined ? { binary: frame.binary } : {}),
      ...(size !== undefined ? { size } : {}),
      ...(frame.truncated ? { truncated: true } : {}),
    };
  }
  if (frame.kind === 'close' && frame.code !== undefined) {
    parts.close = {
      code: frame.code,
      reason: frame.reason ?? '',
      ...(frame.wasClean !== undefined ? { wasClean: frame.wasClean } : {}),
    };
  }
  if (frame.protocol) parts.protocol = frame.protocol;
  if (frame.kind === 'send' && frame.refused) parts.refused = true;
  return completeRow(parts, detector);
}

/**
 * Rows for the frames of one hub message that the panel does not hold yet. A replay (after a
 * service-worker restart or a reconnect) resends history: seqs already seen are dropped here.
 */
export function rowsFromTabFrames(
  message: TabFrames,
  seen: FrameDeduper,
  ids: RowIds,
  detector: Detector,
  labels?: Pick<SocketLabels, 'labelOf'>,
): TrafficRow[] {
  const rows: TrafficRow[] = [];
  const { doc, frameId } = message;
  for (const frame of message.frames) {
    if (!seen.accept(frameId, doc, frame.seq)) continue;
    const label = labels?.labelOf(frameId, doc, frame.socket);
    rows.push(
      rowFromFrame(frame, { doc, frameId, ...(label ? { label } : {}) }, ids.next(), detector),
    );
  }
  seen.reportDropped(frameId, doc, message.dropped);
  return rows;
}
