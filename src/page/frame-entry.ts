// MAIN world (page): a captured frame with the bookkeeping history and batching need. Always
// made as one literal with every field: writes and reads stay on its own properties.
import type { CapturedFrame } from '../protocol/captured-frame.ts';

export interface FrameEntry {
  frame: CapturedFrame;
  /** Payload characters plus a fixed overhead: what the caps count. */
  cost: number;
  /** Open, close, error or error-looking: kept in the separate store and flushed promptly. */
  important: boolean;
  /** A Blob payload is still being read; the live stream waits for it (briefly). */
  pending: boolean;
  /** Pushed out of the history by its caps. */
  evicted: boolean;
}
