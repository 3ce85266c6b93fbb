// MAIN world (page): a captured frame with the bookkeeping history and batching need. Always
// made as one literal with every field: writes and reads stay on its own properties.
import type { CapturedFrame } from '../protocol/captured-frame.ts';

export interface FrameEntry {
  frame: CapturedFrame;
  /** Payload characters (base64 for binary, counted before it is encoded) plus a fixed
   * overhead: what the caps count. */
  cost: number;
  /** Open, close, error or error-looking: kept in the separate store and flushed promptly. */
  important: boolean;
  /**
   * A binary payload not yet in base64 (frame.binary): its copy in the byte arena (a frame that
   * came while no panel was live), or a Blob's bytes once read. Encoded when a batch carries it.
   */
  bytes: Uint8Array | undefined;
  /** A Blob payload not read yet: read only when the frame is about to be sent. */
  blob: Blob | undefined;
  /** Its Blob is being read; the stream waits for it, at most blobWaitMs after readStarted. */
  pending: boolean;
  readStarted: number;
}
