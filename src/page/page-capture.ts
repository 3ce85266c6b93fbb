// MAIN world (page): turns what a WebSocket does into CapturedFrames, keeps them in the history
// and streams them while live. Every entry point is guarded: capture must never throw into the
// page, whose sockets keep working whatever happens here. Only what the network carried is
// recorded: events the page dispatches itself (isTrusted false) are not, and a send() the
// browser discarded (socket closing or closed) is marked refused.
import { type CapturedFrame, FRAME_LIMITS, type FrameKind } from '../protocol/captured-frame.ts';
import type { CaptureLimits } from './capture-limits.ts';
import type { FrameEntry } from './frame-entry.ts';
import { batchJson } from './frame-json.ts';
import { createLiveStream } from './live-stream.ts';
import type { Natives } from './natives.ts';
import { createPageHistory } from './page-history.ts';

interface SocketInfo {
  socket: number;
  url: string;
}

export interface PageCapture {
  /** A socket was constructed: watch its events. */
  created(ws: WebSocket): void;
  /** The browser accepted the page's send() without an exception. */
  sent(ws: WebSocket, data: unknown): void;
  /** The relay switched live mode. */
  setLive(live: boolean, replay: boolean): void;
}

/** WebSocket.CLOSING: from here on send() discards its data. */
const CLOSING = 2;

export function createPageCapture(
  n: Natives,
  limits: CaptureLimits,
  post: (json: string) => void,
): PageCapture {
  const sockets = n.newWeakMap<WebSocket, SocketInfo>();
  const history = createPageHistory(limits, n.list);
  const stream = createLiveStream({
    limits,
    now: n.now,
    setTimer: n.setTimer,
    clearTimer: n.clearTimer,
    list: n.list,
    send: (entries, from, to, replay) =>
      post(batchJson(entries, from, to, replay, history.dropped, n.quote)),
  });
  let seq = 0;
  let socketCount = 0;

  // Exchange error markers: "code", "error", "errorMsg", "event":"error", Bybit's "retCode" and
  // its codeless op replies ("ret_code", "ret_msg"). One cheap scan each.
  function looksLikeError(text: string): boolean {
    return (
      n.stringIndexOf(text, '"code"') !== -1 ||
      n.stringIndexOf(text, '"error') !== -1 ||
      n.stringIndexOf(text, 'Code"') !== -1 ||
      n.stringIndexOf(text, '"ret_') !== -1
    );
  }

  function record(frame: CapturedFrame, pending = false): FrameEntry {
    const kind = frame.kind;
    const text = frame.text;
    const payload = text !== undefined ? text.length : (frame.binary?.length ?? 0);
    const important =
      (kind !== 'send' && kind !== 'receive') ||
      (text !== undefined && frame.refused !== true && looksLikeError(text));
    // Every field in the literal: later writes and reads stay on the object's own properties.
    const entry: FrameEntry = {
      frame,
      cost: payload + limits.frameOverhead,
      important,
      pending,
      evicted: false,
    };
    history.keep(entry);
    stream.push(entry);
    return entry;
  }

  function cut(text: string, max: number): string {
    return text.length > max ? n.stringSlice(text, 0, max) : text;
  }

  // All fields present from the start (a fixed shape, too): `frame.size = 3` writes an own
  // property, never a setter a page defined on Object.prototype, and `frame.code` reads undefined
  // from the frame itself, never a getter there.
  function newFrame(info: SocketInfo, kind: FrameKind): CapturedFrame {
    seq += 1;
    return {
      seq,
      time: n.now(),
      socket: info.socket,
      url: info.url,
      kind,
      text: undefined,
      binary: undefined,
      size: undefined,
      truncated: undefined,
      code: undefined,
      reason: undefined,
      wasClean: undefined,
      protocol: undefined,
      refused: undefined,
    };
  }

  function setText(frame: CapturedFrame, text: string) {
    frame.size = text.length;
    if (text.length <= limits.frameChars) {
      frame.text = text;
      return;
    }
    let end = limits.frameChars;
    // Do not leave half a surrogate pair at the cut.
    const last = n.charCodeAt(text, end - 1);
    if (last >= 0xd800 && last <= 0xdbff) end -= 1;
    frame.text = n.stringSlice(text, 0, end);
    frame.truncated = true;
  }

  function setBytes(frame: CapturedFrame, bytes: Uint8Array, size: number) {
    const kept = n.byteLength(bytes);
    const head = kept > limits.frameBytes ? n.subarray(bytes, 0, limits.frameBytes) : bytes;
    frame.binary = n.base64(head);
    if (size > limits.frameBytes) frame.truncated = true;
  }

  function payload(info: SocketInfo, kind: 'send' | 'receive', data: unknown, refused: boolean) {
    const frame = newFrame(info, kind);
    if (refused) frame.refused = true;
    if (typeof data === 'string') {
      setText(frame, data);
      record(frame);
      return;
    }
    const bytes = n.bytesOf(data);
    if (bytes) {
      const size = n.byteLength(bytes);
      frame.size = size;
      // A refused send keeps its size only: nothing left, and base64 is the costly part.
      if (!refused) setBytes(frame, bytes, size);
      record(frame);
      return;
    }
    const blobSize = n.sizeOfBlob(data);
    if (blobSize === undefined) {
      // send(123) or send(object): the browser sent its string form; reading it again could run
      // page code (toString), so only primitives are recorded.
      if (typeof data === 'number' || typeof data === 'boolean') setText(frame, `${data}`);
      record(frame);
      return;
    }
    frame.size = blobSize;
    if (refused) {
      record(frame);
      return;
    }
    const entry = record(frame, true);
    n.readBlob(data as Blob, limits.frameBytes, (read) => {
      try {
        if (read) {
          setBytes(frame, read, blobSize);
          const delta = (frame.binary as string).length;
          entry.cost += delta;
          history.grow(entry, delta);
        }
      } catch {
        // Keep the frame without its payload.
      }
      entry.pending = false;
      stream.settled();
    });
  }

  function watch(ws: WebSocket, info: SocketInfo) {
    n.addListener(ws, 'open', (event) => {
      try {
        if (!n.isTrusted(event)) return;
        const frame = newFrame(info, 'open');
        frame.protocol = cut(n.socketProtocol(ws), FRAME_LIMITS.maxReason);
        record(frame);
      } catch {}
    });
    n.addListener(ws, 'message', (event) => {
      try {
        if (n.isTrusted(event)) payload(info, 'receive', n.messageData(event), false);
      } catch {}
    });
    n.addListener(ws, 'error', (event) => {
      try {
        if (n.isTrusted(event)) record(newFrame(info, 'error'));
      } catch {}
    });
    n.addListener(ws, 'close', (event) => {
      try {
        if (!n.isTrusted(event)) return;
        const frame = newFrame(info, 'close');
        frame.code = n.closeCode(event);
        frame.reason = cut(n.closeReason(event), FRAME_LIMITS.maxReason);
        frame.wasClean = n.closeWasClean(event);
        record(frame);
      } catch {}
    });
  }

  return {
    created(ws) {
      try {
        socketCount += 1;
        // The relay refuses a whole batch with an over-long field: cut them here.
        const info: SocketInfo = {
          socket: socketCount,
          url: cut(n.socketUrl(ws), FRAME_LIMITS.maxUrl),
        };
        n.weakSet(sockets, ws, info);
        watch(ws, info);
      } catch {}
    },
    sent(ws, data) {
      try {
        const info = n.weakGet(sockets, ws);
        if (info) payload(info, 'send', data, n.socketReadyState(ws) >= CLOSING);
      } catch {}
    },
    setLive(live, replay) {
      try {
        if (live) stream.start(replay ? history.entries() : undefined);
        else stream.stop();
      } catch {}
    },
  };
}
