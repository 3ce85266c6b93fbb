// Test support: hub messages and HAR entries as the panel receives them.
import type { CapturedFrame, TabFrames } from '../../../../src/protocol/index.ts';

export const OKX_PRIVATE = 'wss://ws.okx.com:8443/ws/v5/private';
export const GATEWAY_ORDER = 'http://119.8.50.236:8088/fapi/v1/order';
export const T0 = Date.UTC(2025, 0, 2, 3, 4, 5, 678);

let nextSeq = 1;

/** Frames numbered 1, 2, 3... again, as in a fresh document. */
export function resetSeqs(): void {
  nextSeq = 1;
}

/** A frame of socket 1 with the next sequence number; override anything. */
export function frame(overrides: Partial<CapturedFrame> = {}): CapturedFrame {
  const seq = overrides.seq ?? nextSeq++;
  return { seq, time: T0 + seq, socket: 1, url: OKX_PRIVATE, kind: 'receive', ...overrides };
}

export function received(text: string, overrides: Partial<CapturedFrame> = {}): CapturedFrame {
  return frame({ kind: 'receive', text, size: text.length, ...overrides });
}

export function tabFrames(
  frames: CapturedFrame[],
  overrides: Partial<Omit<TabFrames, 'frames'>> = {},
): TabFrames {
  return {
    v: 1,
    type: 'frames',
    frameId: 0,
    doc: 'doc-1',
    frames,
    replay: false,
    dropped: 0,
    ...overrides,
  };
}

export const okxError = (code: string, msg: string): string =>
  JSON.stringify({ event: 'error', code, msg, connId: 'a4' });

/** A HAR entry like Chromium's onRequestFinished gives (without getContent). */
export function harEntry(options: {
  url: string;
  status: number;
  method?: string;
  mimeType?: string;
  started?: number;
  extra?: Record<string, unknown>;
}) {
  return {
    startedDateTime: new Date(options.started ?? T0).toISOString(),
    time: 12,
    request: { method: options.method ?? 'GET', url: options.url, headers: [] },
    response: {
      status: options.status,
      headers: [{ name: 'Content-Type', value: options.mimeType ?? 'application/json' }],
      content: { size: -1, mimeType: options.mimeType ?? 'application/json' },
    },
    ...options.extra,
  };
}

/** Chromium's HAR entry of a WebSocket, with `_webSocketMessages` (times in seconds). */
export function harSocket(url: string, messages: { type: string; opcode: number; data: string }[]) {
  return harEntry({
    url,
    status: 101,
    mimeType: '',
    extra: {
      _resourceType: 'websocket',
      _webSocketMessages: messages.map((m, i) => ({ ...m, time: T0 / 1000 + i })),
    },
  });
}
