// MAIN world (page): turns what a WebSocket does into CapturedFrames, keeps them in the history
// and streams them while live. Every entry point is guarded: capture must never throw into the
// page, whose sockets keep working whatever happens here. Only what the network carried is
// recorded: events the page dispatches itself (isTrusted false) are not, and a send() the
// browser discarded (socket closing or closed) is marked refused. With no panel live, which is
// most of the time, a binary payload costs one copy into the byte arena and a Blob nothing: they
// are put in base64, or read, when the history replays to a panel (frame-entry.ts).
import { type CapturedFrame, FRAME_LIMITS, type FrameKind } from '../protocol/captured-frame.ts';
import { arenaCapacity, createByteArena } from './byte-arena.ts';
import type { CaptureLimits } from './capture-limits.ts';
import { createErrorLooking } from './error-looking.ts';
import type { FrameEntry } from './frame-entry.ts';
import { batchJson } from './frame-json.ts';
import { createLiveStream } from './live-stream.ts';
import { base64Length } from './native-bytes.ts';
import type { List, Natives } from './natives.ts';
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
  const { looksLikeError } = createErrorLooking(n);
  const arena = createByteArena(n, arenaCapacity(limits.historyChars, limits.frameBytes));
  const stream = createLiveStream({
    limits,
    now: n.now,
    setTimer: n.setTimer,
    clearTimer: n.clearTimer,
    list: n.list,
    prepare: readBlobOf,
    send(entries, from, to, replay) {
      encode(entries, from, to);
      post(batchJson(entries, from, to, replay, history.dropped, n.quote));
    },
  });
  let seq = 0;
  let socketCount = 0;

  /** Base64 of the binary payloads about to be sent, once: the frame keeps it for replays. */
  function encode(entries: List<FrameEntry>, from: number, to: number) {
    for (let i = from; i < to; i += 1) {
      const entry = entries[i] as FrameEntry;
      const bytes = entry.bytes;
      if (bytes === undefined) continue;
      entry.bytes = undefined;
      try {
        entry.frame.binary = n.base64(bytes);
      } catch {
        // Our own bytes (the arena's, a FileReader's result) cannot be detached; should base64
        // throw anyway, the frame goes without its payload, not the batch without its frames.
      }
    }
  }

  function readBlobOf(entry: FrameEntry) {
    const blob = entry.blob;
    if (blob === undefined || entry.pending) return;
    entry.pending = true;
    entry.readStarted = n.now();
    n.readBlob(blob, (read) => {
      // A read that failed leaves the frame without its payload.
      entry.blob = undefined;
      entry.bytes = read;
      entry.pending = false;
      stream.settled();
    });
  }

  /** Kept in the history, and streamed while live. `payload`: what the caps count of it. */
  function record(frame: CapturedFrame, payload: number, bytes?: Uint8Array, blob?: Blob): void {
    const kind = frame.kind;
    const text = frame.text;
    const important =
      (kind !== 'send' && kind !== 'receive') ||
      (text !== undefined && frame.refused !== true && looksLikeError(text));
    // Every field in the literal: later writes and reads stay on the object's own properties.
    const entry: FrameEntry = {
      frame,
      cost: payload + limits.frameOverhead,
      important,
      bytes,
      blob,
      pending: false,
      readStarted: 0,
    };
    history.keep(entry);
    stream.push(entry);
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

  function recordText(frame: CapturedFrame, text: string) {
    frame.size = text.length;
    if (text.length <= limits.frameChars) {
      frame.text = text;
    } else {
      let end = limits.frameChars;
      // Do not leave half a surrogate pair at the cut.
      const last = n.charCodeAt(text, end - 1);
      if (last >= 0xd800 && last <= 0xdbff) end -= 1;
      frame.text = n.stringSlice(text, 0, end);
      frame.truncated = true;
    }
    record(frame, frame.text.length);
  }

  /** A binary payload of `size` bytes: the caps count the base64 of the part kept. */
  function recordBinary(frame: CapturedFrame, size: number, bytes?: Uint8Array, blob?: Blob) {
    frame.size = size;
    if (size > limits.frameBytes) frame.truncated = true;
    record(frame, base64Length(n.min(size, limits.frameBytes)), bytes, blob);
  }

  function recordBytes(frame: CapturedFrame, bytes: Uint8Array, refused: boolean) {
    const size = n.byteLength(bytes);
    if (refused) {
      // A refused send keeps its size only: nothing was sent.
      frame.size = size;
      record(frame, 0);
    } else if (stream.live) {
      // A panel takes it within 100 ms: in base64 now (a copy would cost as much), so that the
      // arena is never written while batches or a replay hold frames of it.
      const head = size > limits.frameBytes ? n.view(bytes, 0, limits.frameBytes) : bytes;
      frame.binary = n.base64(head);
      recordBinary(frame, size);
    } else recordBinary(frame, size, arena.keep(bytes, limits.frameBytes));
  }

  function recordBlob(frame: CapturedFrame, blob: Blob, size: number, refused: boolean) {
    if (refused) {
      frame.size = size;
      record(frame, 0);
      return;
    }
    recordBinary(frame, size, undefined, n.blobHead(blob, size, limits.frameBytes));
  }

  /** `blobLikely`: the socket's binaryType is "blob". Each type check that does not match
   * throws inside a native getter, which costs more than the rest of the frame: a received
   * frame is tried for the type its socket delivers first. */
  function payload(
    info: SocketInfo,
    kind: 'send' | 'receive',
    data: unknown,
    refused: boolean,
    blobLikely = false,
  ) {
    const frame = newFrame(info, kind);
    if (refused) frame.refused = true;
    if (typeof data === 'string') {
      recordText(frame, data);
      return;
    }
    const likelyBlobSize = blobLikely ? n.sizeOfBlob(data) : undefined;
    const bytes = likelyBlobSize === undefined ? n.bytesOf(data) : undefined;
    if (bytes) {
      recordBytes(frame, bytes, refused);
      return;
    }
    const blobSize = likelyBlobSize ?? (blobLikely ? undefined : n.sizeOfBlob(data));
    if (blobSize !== undefined) {
      recordBlob(frame, data as Blob, blobSize, refused);
      return;
    }
    // send(123) or send(object): the browser sent its string form; reading it again could run
    // page code (toString), so only primitives are recorded.
    if (typeof data === 'number' || typeof data === 'boolean') recordText(frame, `${data}`);
    else record(frame, 0);
  }

  function watch(ws: WebSocket, info: SocketInfo) {
    n.addListener(ws, 'open', (event) => {
      try {
        if (!n.isTrusted(event)) return;
        const frame = newFrame(info, 'open');
        frame.protocol = cut(n.socketProtocol(ws), FRAME_LIMITS.maxReason);
        record(frame, 0);
      } catch {}
    });
    n.addListener(ws, 'message', (event) => {
      try {
        if (!n.isTrusted(event)) return;
        const blobLikely = n.socketBinaryType(ws) === 'blob';
        payload(info, 'receive', n.messageData(event), false, blobLikely);
      } catch {}
    });
    n.addListener(ws, 'error', (event) => {
      try {
        if (n.isTrusted(event)) record(newFrame(info, 'error'), 0);
      } catch {}
    });
    n.addListener(ws, 'close', (event) => {
      try {
        if (!n.isTrusted(event)) return;
        const frame = newFrame(info, 'close');
        frame.code = n.closeCode(event);
        frame.reason = cut(n.closeReason(event), FRAME_LIMITS.maxReason);
        frame.wasClean = n.closeWasClean(event);
        record(frame, 0);
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
