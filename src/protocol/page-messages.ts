// Messages between the MAIN-world wrapper (page) and the ISOLATED-world relay, carried as
// JSON strings in CustomEvent.detail (the one form both browsers pass between worlds).
import { type CapturedFrame, FRAME_LIMITS, isCapturedFrame } from './captured-frame.ts';
import { PROTOCOL_VERSION, SOURCE } from './version.ts';

/** page -> relay: a batch of frames, live or replayed from the page's history. */
export interface PageBatch {
  source: typeof SOURCE.page;
  v: typeof PROTOCOL_VERSION;
  type: 'frames';
  /** Random id of this document: seq numbers are per document. */
  doc: string;
  frames: CapturedFrame[];
  /** True when the batch replays history kept from before the panel connected. */
  replay: boolean;
  /** Non-error frames the page's history dropped to stay within its caps. */
  dropped: number;
}

/** relay -> page: start or stop streaming; replay sends the history first. */
export interface RelayCommand {
  source: typeof SOURCE.relay;
  v: typeof PROTOCOL_VERSION;
  type: 'live';
  live: boolean;
  replay: boolean;
}

export function isPageBatch(value: unknown): value is PageBatch {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  return (
    m.source === SOURCE.page &&
    m.v === PROTOCOL_VERSION &&
    m.type === 'frames' &&
    typeof m.doc === 'string' &&
    m.doc.length <= 64 &&
    typeof m.replay === 'boolean' &&
    Number.isSafeInteger(m.dropped) &&
    Array.isArray(m.frames) &&
    m.frames.length <= FRAME_LIMITS.maxFramesPerBatch &&
    m.frames.every(isCapturedFrame)
  );
}

export function isRelayCommand(value: unknown): value is RelayCommand {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  return (
    m.source === SOURCE.relay &&
    m.v === PROTOCOL_VERSION &&
    m.type === 'live' &&
    typeof m.live === 'boolean' &&
    typeof m.replay === 'boolean'
  );
}

/** Parses a CustomEvent detail; anything else than a JSON string is refused, never thrown. */
export function parseDetail(detail: unknown): unknown {
  if (typeof detail !== 'string') return undefined;
  try {
    return JSON.parse(detail);
  } catch {
    return undefined;
  }
}
