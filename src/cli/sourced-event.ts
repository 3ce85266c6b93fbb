// An observed event together with where it came from in the scanned input, so every finding
// can point back at its HAR entry and frame, or its JSON Lines line.
import type { Compression } from '../core/bytes/compression.ts';
import type { CaptureKind } from '../core/capture/capture-kind.ts';
import type { ObservedEvent } from '../core/index.ts';

export type { CaptureKind };

export interface SourcedEvent {
  event: ObservedEvent;
  capture: CaptureKind;
  /** 0-based: the HAR entry index, or the JSONL line index among all lines. */
  index: number;
  /** 1-based line in the file: the JSONL line, or the line where the HAR entry starts. */
  line: number;
  /** 0-based index within the HAR entry's _webSocketMessages. */
  frame?: number;
  method?: string;
  /** How a binary frame was compressed, when it was inflated to be read. */
  compression?: Compression;
}

/** Something in the input that could not be read as an event. */
export interface InputProblem {
  /** "line 4: not JSON, skipped", "entry 7 at line 120: the file ends inside it". */
  message: string;
  /** 1-based line it concerns, for annotations. */
  line?: number;
  /** What was lost: one line, one entry, one message of a HAR entry's socket, part of one
   * frame (read in part), or nothing more of the input could be read. */
  skipped: 'line' | 'entry' | 'message' | 'frame' | 'rest';
  /** True when the input is not a capture at all (or cannot be read): a usage error. */
  fatal: boolean;
}
