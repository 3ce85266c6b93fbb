// One thing the page's WebSocket wrapper saw (open, send, receive, close, error), as it
// crosses every hop to the panel, and its guard: page data is untrusted until checked.

export type FrameKind = 'open' | 'send' | 'receive' | 'close' | 'error';

export interface CapturedFrame {
  /** Increasing per document: the panel drops what it already has after a replay. */
  seq: number;
  /** Epoch milliseconds when the wrapper saw it. */
  time: number;
  /** Socket number within the document, from 1. */
  socket: number;
  url: string;
  kind: FrameKind;
  /** Text payload of send/receive, cut at the page's per-frame cap. */
  text?: string;
  /** Binary payload as base64, cut at the page's per-frame cap. */
  binary?: string;
  /** Full payload size in bytes (UTF-16 length for text), before any cut. */
  size?: number;
  /** True when text or binary was cut. */
  truncated?: boolean;
  /** Close frames only. */
  code?: number;
  reason?: string;
  wasClean?: boolean;
  /** Open frames only: the negotiated subprotocol. */
  protocol?: string;
  /**
   * Send frames only: send() was called on a CLOSING or CLOSED socket, which the browser
   * accepts without an exception and discards: the data never left.
   */
  refused?: boolean;
}

/** Caps the relay enforces on anything a page claims; generous, but bounded. */
export const FRAME_LIMITS = {
  maxUrl: 8 * 1024,
  maxPayloadChars: 1024 * 1024,
  maxReason: 1024,
  maxFramesPerBatch: 5000,
} as const;

const KINDS: ReadonlySet<string> = new Set(['open', 'send', 'receive', 'close', 'error']);

function optional(value: unknown, type: 'string' | 'number' | 'boolean', max?: number): boolean {
  if (value === undefined) return true;
  if (typeof value !== type) return false;
  return max === undefined || (value as string).length <= max;
}

export function isCapturedFrame(value: unknown): value is CapturedFrame {
  if (typeof value !== 'object' || value === null) return false;
  const f = value as Record<string, unknown>;
  return (
    Number.isSafeInteger(f.seq) &&
    typeof f.time === 'number' &&
    Number.isSafeInteger(f.socket) &&
    typeof f.url === 'string' &&
    f.url.length <= FRAME_LIMITS.maxUrl &&
    typeof f.kind === 'string' &&
    KINDS.has(f.kind) &&
    optional(f.text, 'string', FRAME_LIMITS.maxPayloadChars) &&
    optional(f.binary, 'string', FRAME_LIMITS.maxPayloadChars) &&
    optional(f.size, 'number') &&
    optional(f.truncated, 'boolean') &&
    optional(f.code, 'number') &&
    optional(f.reason, 'string', FRAME_LIMITS.maxReason) &&
    optional(f.wasClean, 'boolean') &&
    optional(f.protocol, 'string', FRAME_LIMITS.maxReason) &&
    optional(f.refused, 'boolean')
  );
}

/** Longest document id: the relay's are 32 hex digits, Chromium's sender.documentId as many. */
export const MAX_DOC_CHARS = 64;

/** The batch fields every hop carries (replay, dropped, frames), checked the same way on the
 * page -> relay and relay -> hub -> panel hops. */
export function hasFrameBatchFields(m: Record<string, unknown>): boolean {
  return (
    typeof m.replay === 'boolean' &&
    Number.isSafeInteger(m.dropped) &&
    Array.isArray(m.frames) &&
    m.frames.length <= FRAME_LIMITS.maxFramesPerBatch &&
    m.frames.every(isCapturedFrame)
  );
}

/** The id of the document a batch comes from, as the relay or the hub chose it. */
export function isDocId(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0 && value.length <= MAX_DOC_CHARS;
}
