// Pure: rows from the WebSocket frames the page's wrapper captured (TabFrames from the hub),
// with detection run once per frame, here, on arrival.

import { base64Bytes, base64Length } from '../../core/bytes/base64.ts';
import { hexHead } from '../../core/bytes/hex-dump.ts';
import type { Detector, Finding, ObservedEvent } from '../../core/index.ts';
import type { CapturedFrame, TabFrames } from '../../protocol/index.ts';
import { haystackOf, hostAndPath, oneLine } from './row-text.ts';
import type { FrameDeduper } from './seen-seqs.ts';
import type { SocketLabel, SocketLabels } from './socket-labels.ts';
import { levelOf, type RowKind, type TrafficRow } from './traffic-row.ts';

/** The detector reads at most this much of a binary frame; no error envelope is bigger. */
const DETECT_BINARY_BYTES = 64 * 1024;

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
      if (frame.binary !== undefined) {
        const data = base64Bytes(frame.binary, DETECT_BINARY_BYTES);
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

/** One row for one captured frame; `findings` come from the detector, run once here. */
export function rowFromFrame(
  frame: CapturedFrame,
  from: { doc: string; frameId: number; label?: SocketLabel },
  id: number,
  detector: Detector,
): TrafficRow {
  const event = eventOf(frame);
  const findings: readonly Finding[] = event ? detector.detect(event) : [];
  const kind = KIND[frame.kind];
  const preview = previewOf(frame);
  const payloadChars = (frame.text?.length ?? 0) + (frame.binary?.length ?? 0);
  const size =
    frame.size ??
    frame.text?.length ??
    (frame.binary !== undefined ? base64Length(frame.binary) : undefined);
  const { label } = from;
  const inFrame = label?.frame !== undefined ? ` · ${oneLine(label.frame)}` : '';
  const row: TrafficRow = {
    id,
    time: frame.time,
    kind,
    source: 'wrapper',
    url: frame.url,
    where: `${hostAndPath(frame.url)} #${label?.number ?? frame.socket}${inFrame}`,
    socket: frame.socket,
    doc: from.doc,
    frameId: from.frameId,
    seq: frame.seq,
    preview,
    findings,
    level: levelOf(kind, findings),
    haystack: haystackOf(frame.url, preview, findings) + inFrame.toLowerCase(),
    weight: payloadChars + frame.url.length + preview.length,
  };
  if (label) row.listNumber = label.number;
  if (label?.frameUrl !== undefined) row.frameUrl = label.frameUrl;
  if (size !== undefined) row.size = size;
  if (frame.text !== undefined || frame.binary !== undefined) {
    row.payload = {
      ...(frame.text !== undefined ? { text: frame.text } : {}),
      ...(frame.binary !== undefined ? { binary: frame.binary } : {}),
      ...(size !== undefined ? { size } : {}),
      ...(frame.truncated ? { truncated: true } : {}),
    };
  }
  if (frame.kind === 'close' && frame.code !== undefined) {
    row.close = {
      code: frame.code,
      reason: frame.reason ?? '',
      ...(frame.wasClean !== undefined ? { wasClean: frame.wasClean } : {}),
    };
  }
  if (frame.protocol) row.protocol = frame.protocol;
  if (frame.kind === 'send' && frame.refused) row.refused = true;
  return row;
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
