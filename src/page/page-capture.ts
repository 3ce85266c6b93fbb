// MAIN world (page): turns what a WebSocket does into CapturedFrames, keeps them in the history
// and streams them while live. Every entry point is guarded: capture must never throw into the
// page, whose sockets keep working whatever happens here.
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
  /** The page's send() succeeded. */
  sent(ws: WebSocket, data: unknown): void;
  /** The relay switched live mode. */
  command(live: boolean, replay: boolean): void;
}

// Cheap markers of an exchange error envelope ("code", "error", "errorMsg", "event":"error"),
// Bybit's "retCode" and its codeless op replies ("ret_code", "ret_msg").
const ERROR_MARKERS = ['"code"', '"error', 'Code"', '"ret_'] as const;

export function createPageCapture(
  n: Natives,
  limits: CaptureLimits,
  post: (json: string) => void,
): PageCapture {
  const doc = `${n.now().toString(36)}-${n.random().toString(36).slice(2, 12)}`;
  const sockets = n.newWeakMap<WebSocket, SocketInfo>();
  const history = createPageHistory(limits);
  const stream = createLiveStream({
    limits,
    now: n.now,
    setTimer: n.setTimer,
    clearTimer: n.clearTimer,
    send: (entries, replay) => post(batchJson(doc, entries, replay, history.dropped, n.quote)),
  });
  let seq = 0;
  let socketCount = 0;

  function record(kind: FrameKind, frame: CapturedFrame, pending = false) {
    const payload = frame.text?.length ?? frame.binary?.length ?? 0;
    const important =
      (kind !== 'send' && kind !== 'receive') ||
      (frame.text !== undefined && looksLikeError(frame.text));
    const entry: FrameEntry = {
      frame,
      cost: payload + limits.frameOverhead,
      important,
      pending,
      evicted: false,
    };
    history.add(entry);
    stream.push(entry);
    return entry;
  }

  function looksLikeError(text: string): boolean {
    for (let i = 0; i < ERROR_MARKERS.length; i += 1) {
      if (n.stringIndexOf(text, ERROR_MARKERS[i] as string) !== -1) return true;
    }
    return false;
  }

  function cut(text: string, max: number): string {
    return text.length > max ? n.stringSlice(text, 0, max) : text;
  }

  function frameOf(info: SocketInfo, kind: FrameKind): CapturedFrame {
    seq += 1;
    return { seq, time: n.now(), socket: info.socket, url: info.url, kind };
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
    const cut = kept > limits.frameBytes ? n.subarray(bytes, 0, limits.frameBytes) : bytes;
    frame.binary = n.base64(cut);
    if (size > limits.frameBytes) frame.truncated = true;
  }

  function payload(info: SocketInfo, kind: 'send' | 'receive', data: unknown) {
    const frame = frameOf(info, kind);
    if (typeof data === 'string') {
      setText(frame, data);
      record(kind, frame);
      return;
    }
    const bytes = n.bytesOf(data);
    if (bytes) {
      const size = n.byteLength(bytes);
      frame.size = size;
      setBytes(frame, bytes, size);
      record(kind, frame);
      return;
    }
    const blobSize = n.sizeOfBlob(data);
    if (blobSize === undefined) {
      // send(123) or send(object): the browser sent its string form; reading it again could run
      // page code (toString), so only primitives are recorded.
      if (typeof data === 'number' || typeof data === 'boolean') setText(frame, `${data}`);
      record(kind, frame);
      return;
    }
    frame.size = blobSize;
    const entry = record(kind, frame, true);
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
    n.addListener(ws, 'open', () => {
      try {
        const frame = frameOf(info, 'open');
        frame.protocol = cut(n.socketProtocol(ws), FRAME_LIMITS.maxReason);
        record('open', frame);
      } catch {}
    });
    n.addListener(ws, 'message', (event) => {
      try {
        payload(info, 'receive', n.messageData(event));
      } catch {}
    });
    n.addListener(ws, 'error', () => {
      try {
        record('error', frameOf(info, 'error'));
      } catch {}
    });
    n.addListener(ws, 'close', (event) => {
      try {
        const frame = frameOf(info, 'close');
        frame.code = n.closeCode(event);
        frame.reason = cut(n.closeReason(event), FRAME_LIMITS.maxReason);
        frame.wasClean = n.closeWasClean(event);
        record('close', frame);
      } catch {}
    });
  }

  return {
    created(ws) {
      try {
        socketCount += 1;
        // The relay refuses a whole batch with an over-long field: cut them here.
        const info = { socket: socketCount, url: cut(n.socketUrl(ws), FRAME_LIMITS.maxUrl) };
        n.weakSet(sockets, ws, info);
        watch(ws, info);
      } catch {}
    },
    sent(ws, data) {
      try {
        const info = n.weakGet(sockets, ws);
        if (info) payload(info, 'send', data);
      } catch {}
    },
    command(live, replay) {
      try {
        if (live) stream.start(replay ? history.entries() : undefined);
        else stream.stop();
      } catch {}
    },
  };
}
