// An observed event together with where it came from in the scanned file, so every finding
// can point back at its HAR entry and frame, or its JSON Lines line.
import type { ObservedEvent } from '../core/index.ts';

export type CaptureKind = 'har' | 'jsonl';

export interface SourcedEvent {
  event: ObservedEvent;
  /** 0-based: the HAR entry index, or the JSONL line index among all lines. */
  index: number;
  /** 0-based index within the HAR entry's _webSocketMessages. */
  frame?: number;
  method?: string;
}

/** Reports a skipped entry or line on stderr; the scan goes on. */
export type Warn = (message: string) => void;
