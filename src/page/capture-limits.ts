// MAIN world (page): how much the wrapper keeps and how it batches; pure numbers with reasons.
import { PAYLOAD_CAP } from '../protocol/payload-cap.ts';

export const CAPTURE_LIMITS = {
  /**
   * Text kept per frame, in UTF-16 units, and binary bytes: the cap the panel applies to what
   * DevTools logs too (protocol/payload-cap.ts). A runaway 50 MB frame costs the page nothing.
   */
  frameChars: PAYLOAD_CAP.chars,
  frameBytes: PAYLOAD_CAP.bytes,
  /**
   * Recent ordinary messages kept while no panel is open. 2,000 covers the minutes before a
   * failing order on a quiet private socket; a 5,000 frame/s market feed fills it in under half a
   * second, which is why errors live in their own store below.
   */
  historyMessages: 2000,
  /** Payload units (characters) those messages may hold: bounds memory when frames are big. */
  historyChars: 8 * 1024 * 1024,
  /** Opens, closes, errors and error-looking messages, kept apart so a flood cannot push them out. */
  keptFrames: 1000,
  keptChars: 2 * 1024 * 1024,
  /** Live batches: at most this long between a frame and its batch... */
  flushMs: 100,
  /** ...or this many frames, or this many payload characters, whichever comes first. */
  batchFrames: 500,
  batchChars: 1024 * 1024,
  /** A Blob payload still being read holds back the live stream at most this long. */
  blobWaitMs: 2000,
  /** Rough serialized size of a frame's fields other than its payload. */
  frameOverhead: 120,
} as const;

export type CaptureLimits = { [K in keyof typeof CAPTURE_LIMITS]: number };
