// MAIN world (page): puts the WebSocket capture together; talks to the relay by DOM events only.
import { CAPTURE_LIMITS } from './capture-limits.ts';
import { captureNatives, type PageGlobals } from './natives.ts';
import { createPageCapture } from './page-capture.ts';
import { openPageChannel } from './page-channel.ts';
import { wrapWebSocket } from './wrap-websocket.ts';

export interface CaptureTarget extends PageGlobals {
  /** Where the bridge's CustomEvents are dispatched (the document). */
  document: EventTarget;
  Function: typeof Function;
}

export function installCapture(global: CaptureTarget): boolean {
  const natives = captureNatives(global);
  let post = (_json: string) => {};
  const capture = createPageCapture(natives, CAPTURE_LIMITS, (json) => post(json));
  const channel = openPageChannel(natives, global.document, (command) =>
    capture.command(command.live, command.replay),
  );
  post = channel.post;
  return wrapWebSocket(global, natives, capture);
}
