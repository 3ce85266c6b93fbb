// MAIN world (page): puts the WebSocket capture together; talks to the relay on a private link
// only (see page-channel.ts).
import type { WrapperState } from '../protocol/index.ts';
import { CAPTURE_LIMITS } from './capture-limits.ts';
import { captureNatives, type PageGlobals } from './natives.ts';
import { createPageCapture } from './page-capture.ts';
import { openPageChannel } from './page-channel.ts';
import { wrapWebSocket } from './wrap-websocket.ts';

export interface CaptureTarget extends PageGlobals {
  Function: typeof Function;
}

export function installCapture(global: CaptureTarget): boolean {
  const natives = captureNatives(global);
  let state: WrapperState = 'not-wrapped';
  let post = (_json: string) => {};
  const capture = createPageCapture(natives, CAPTURE_LIMITS, (json) => post(json));
  // The link first: even if wrapping fails, the relay links to us and says so to the panel, and
  // its public listener is gone before any page script could answer it in our place.
  const channel = openPageChannel(natives, global.document, () => state, capture.setLive);
  post = channel.post;
  let wrapped = false;
  try {
    wrapped = wrapWebSocket(global, natives, capture);
  } catch {}
  state = wrapped ? 'capturing' : 'not-wrapped';
  channel.announce();
  return wrapped;
}
