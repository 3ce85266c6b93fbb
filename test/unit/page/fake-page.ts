// Test support (Node): a fake browser page with the capture installed and the real relay-side
// page link listening, so tests drive sockets and read the PageBatches the relay would forward.
import { openPageLink } from '../../../src/content/page-link.ts';
import { type CaptureTarget, installCapture } from '../../../src/page/install-capture.ts';
import type { CapturedFrame, PageBatch } from '../../../src/protocol/index.ts';
import { createFakeWebSocket, FakeCloseEvent } from './fake-web-socket.ts';

export function fakeGlobals() {
  const NativeWebSocket = createFakeWebSocket();
  const functionPrototype = { toString: Function.prototype.toString };
  const global = {
    WebSocket: NativeWebSocket,
    EventTarget,
    CustomEvent,
    MessageEvent,
    CloseEvent: FakeCloseEvent,
    Blob,
    // Read now, so fake timers installed before this call are the page's timers.
    setTimeout: globalThis.setTimeout,
    clearTimeout: globalThis.clearTimeout,
    btoa,
    document: new EventTarget(),
    Function: { prototype: functionPrototype },
  };
  return { global, NativeWebSocket, functionPrototype };
}

/** The relay's private channel in these tests (in the extension it is random per document). */
export const TEST_CHANNEL = 'c0ffee'.repeat(4);

export function fakePage({ relayFirst = false } = {}) {
  const { global, NativeWebSocket, functionPrototype } = fakeGlobals();
  const batches: PageBatch[] = [];
  const link = () => openPageLink(global.document, (batch) => batches.push(batch), TEST_CHANNEL);
  const early = relayFirst ? link() : undefined;
  const wrapped = installCapture(global as unknown as CaptureTarget);
  const relay = early ?? link();
  return {
    wrapped,
    relay,
    batches,
    document: global.document,
    NativeWebSocket,
    functionPrototype,
    /** What the page sees as window.WebSocket. */
    WebSocket: global.WebSocket as typeof NativeWebSocket,
    frames: (): CapturedFrame[] => batches.flatMap((batch) => batch.frames),
  };
}
