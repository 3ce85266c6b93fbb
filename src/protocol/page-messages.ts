// Messages between the MAIN-world wrapper (page) and the ISOLATED-world relay, carried as
// JSON strings in CustomEvent.detail (the one form both browsers pass between worlds).
import { type CapturedFrame, hasFrameBatchFields } from './captured-frame.ts';
import { PAGE_TO_RELAY_EVENT, PROTOCOL_VERSION, RELAY_TO_PAGE_EVENT, SOURCE } from './version.ts';

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
  /** Frames the page's history has dropped so far to stay within its caps (a running total). */
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

/**
 * relay -> page on the public RELAY_TO_PAGE_EVENT, at document_start before any page script
 * runs: names the private channel that every later message uses, so the page can neither read
 * nor forge them. The wrapper takes the first handshake only.
 */
export interface RelayHandshake {
  source: typeof SOURCE.relay;
  v: typeof PROTOCOL_VERSION;
  type: 'handshake';
  channel: string;
}

/**
 * page -> relay: the wrapper is listening. Sent on the public PAGE_TO_RELAY_EVENT at start (in
 * case the relay ran first), then on the private channel to acknowledge the handshake.
 */
export interface PageReady {
  source: typeof SOURCE.page;
  v: typeof PROTOCOL_VERSION;
  type: 'ready';
}

/** DOM event names of a private channel. */
export function channelEvents(channel: string): { toRelay: string; toPage: string } {
  return {
    toRelay: `${PAGE_TO_RELAY_EVENT}:${channel}`,
    toPage: `${RELAY_TO_PAGE_EVENT}:${channel}`,
  };
}

export function isRelayHandshake(value: unknown): value is RelayHandshake {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  return (
    m.source === SOURCE.relay &&
    m.v === PROTOCOL_VERSION &&
    m.type === 'handshake' &&
    typeof m.channel === 'string' &&
    /^[0-9a-f]{16,64}$/.test(m.channel)
  );
}

export function isPageReady(value: unknown): value is PageReady {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  return m.source === SOURCE.page && m.v === PROTOCOL_VERSION && m.type === 'ready';
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
