// Messages between the MAIN-world wrapper (page) and the ISOLATED-world relay on their private
// channel (see LINK_EVENTS), as strings in CustomEvent.detail (the one form both browsers pass
// between worlds). Only batches are JSON; commands and states are fixed words, so the wrapper
// never parses anything.
import { type CapturedFrame, hasFrameBatchFields } from './captured-frame.ts';
import { PROTOCOL_VERSION, SOURCE } from './version.ts';

/** page -> relay: a batch of frames, live or replayed from the page's history. */
export interface PageBatch {
  source: typeof SOURCE.page;
  v: typeof PROTOCOL_VERSION;
  type: 'frames';
  frames: CapturedFrame[];
  /** True when the batch replays history kept from before the panel connected. */
  replay: boolean;
  /** Frames the page's history has dropped so far to stay within its caps (a running total). */
  dropped: number;
}

/** relay -> page: start or stop streaming; replay sends the history first. */
export interface RelayCommand {
  live: boolean;
  replay: boolean;
}

/** The details a RelayCommand travels as. */
export const COMMAND_DETAIL = {
  live: 'live',
  liveWithReplay: 'live+replay',
  stop: 'stop',
} as const;

export function commandDetail({ live, replay }: RelayCommand): string {
  if (!live) return COMMAND_DETAIL.stop;
  return replay ? COMMAND_DETAIL.liveWithReplay : COMMAND_DETAIL.live;
}

/**
 * page -> relay, in answer to every ping: `capturing` (WebSocket is wrapped) or `not-wrapped`
 * (the page's WebSocket was not what the wrapper expects: linked, but nothing is captured).
 */
export type WrapperState = 'capturing' | 'not-wrapped';

export function isWrapperState(value: unknown): value is WrapperState {
  return value === 'capturing' || value === 'not-wrapped';
}

export function isPageBatch(value: unknown): value is PageBatch {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  return (
    m.source === SOURCE.page &&
    m.v === PROTOCOL_VERSION &&
    m.type === 'frames' &&
    hasFrameBatchFields(m)
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
