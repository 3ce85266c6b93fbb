// Test support (Node): a fake browser page with the capture installed and the real relay-side
// page link listening, so tests drive sockets and read the PageBatches the relay would forward.
import { openPageLink } from '../../src/content/page-link.ts';
import { type CaptureTarget, installCapture } from '../../src/page/install-capture.ts';
import type { CapturedFrame, PageBatch } from '../../src/protocol/index.ts';
import {
  FakeDocument,
  FakeElement,
  FakeEvent,
  FakeFileReader,
  FakeMessageEvent,
  FakeMouseEvent,
  openShadow,
} from './fake-dom.ts';
import { createFakeWebSocket, FakeCloseEvent } from './fake-web-socket.ts';

export function fakeGlobals() {
  const NativeWebSocket = createFakeWebSocket();
  const functionPrototype = { toString: Function.prototype.toString };
  const global = {
    WebSocket: NativeWebSocket,
    EventTarget,
    Event: FakeEvent,
    CustomEvent,
    MouseEvent: FakeMouseEvent,
    MessageEvent: FakeMessageEvent,
    CloseEvent: FakeCloseEvent,
    Element: FakeElement,
    Blob,
    FileReader: FakeFileReader,
    // Read now, so fake timers installed before this call are the page's timers.
    setTimeout: globalThis.setTimeout,
    clearTimeout: globalThis.clearTimeout,
    btoa,
    document: new FakeDocument(),
    Function: { prototype: functionPrototype },
  };
  return { global, NativeWebSocket, functionPrototype };
}

export function fakePage({ relayFirst = false } = {}) {
  const { global, NativeWebSocket, functionPrototype } = fakeGlobals();
  const batches: PageBatch[] = [];
  let linked = 0;
  const link = () =>
    openPageLink({
      document: global.document,
      openShadow,
      onBatch: (batch) => batches.push(batch),
      onLinked: () => linked++,
    });
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
    /** Times the relay reported the link made. */
    linked: () => linked,
    /** What the page sees as window.WebSocket. */
    WebSocket: global.WebSocket as typeof NativeWebSocket,
    frames: (): CapturedFrame[] => batches.flatMap((batch) => batch.frames),
  };
}
