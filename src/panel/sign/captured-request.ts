// Pure: the signed request behind a row, as the signing core reads it: an HTTP row's own request,
// or for a WebSocket reply the frame it answers (OKX's login, a WebSocket API call with the same
// id), found among the rows the panel holds. Plus where the exchange tells its time.
import type { RawRequest, RecipeGuess } from '../../core/index.ts';
import type { TrafficRow } from '../traffic/traffic-row.ts';
import { type SigningProblem, signingProblemOf } from './signing-problem.ts';

export interface CapturedRequest {
  /** The row the user asked about. */
  rowId: number;
  raw: RawRequest;
  /** Epoch ms the request left this machine. */
  sentAt: number;
  /** Where the exchange's time endpoint lives: the request's origin, over HTTP(S). */
  origin: string;
  /** What the exchange answered, for the clock check: its body and Date header. */
  reply: { body?: string; date?: string };
  /** The recipe the frame's shape settles (a WebSocket API call signs Binance's way). */
  recipe?: RecipeGuess;
  /** The body was cut: the signature over it cannot be re-checked. */
  truncated?: boolean;
  problem?: SigningProblem;
}

export type CapturedLookup =
  | { ok: true; request: CapturedRequest }
  | { ok: false; reason: string; problem?: SigningProblem };

/** How far back to look for the frame a WebSocket reply answers. */
const LOOK_BACK_ROWS = 2_000;

/** The HTTP origin to ask for the time: wss://host -> https://host; OKX's sockets live on
 * ws.okx.com / wspap.okx.com, its REST API (and time endpoint) on www.okx.com. */
export function timeOrigin(url: string): string {
  try {
    const parsed = new URL(url);
    const scheme = parsed.protocol === 'wss:' || parsed.protocol === 'https:' ? 'https:' : 'http:';
    if (/(^|\.)okx\.com$/.test(parsed.hostname) && parsed.protocol.startsWith('ws')) {
      return 'https://www.okx.com';
    }
    return `${scheme}//${parsed.host}`;
  } catch {
    return '';
  }
}

function json(text: string | undefined): Record<string, unknown> | undefined {
  if (text === undefined || !/^\s*\{/.test(text)) return undefined;
  try {
    const value = JSON.parse(text) as unknown;
    return value !== null && typeof value === 'object'
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

function sameSocket(a: TrafficRow, b: TrafficRow): boolean {
  return a.socket === b.socket && a.doc === b.doc && a.frameId === b.frameId && a.url === b.url;
}

/** The sent frames of the reply's socket, newest first. */
function* sentBefore(rows: readonly TrafficRow[], at: number, reply: TrafficRow) {
  for (let i = at - 1; i >= Math.max(0, at - LOOK_BACK_ROWS); i--) {
    const row = rows[i] as TrafficRow;
    if (row.kind === 'send' && sameSocket(row, reply) && row.payload?.text !== undefined) {
      yield { row, text: row.payload.text };
    }
  }
}

/** Binance's WebSocket API signs its params (signature aside) sorted by name, as a query. */
function wsApiQuery(params: Record<string, unknown>): string {
  return Object.keys(params)
    .sort()
    .map((name) => `${name}=${String(params[name])}`)
    .join('&');
}

function fromSocket(
  rows: readonly TrafficRow[],
  at: number,
  reply: TrafficRow,
): Omit<CapturedRequest, 'rowId' | 'origin' | 'reply'> | undefined {
  const answered = json(reply.payload?.text);
  for (const { row, text } of sentBefore(rows, at, reply)) {
    const sent = json(text);
    if (!sent) continue;
    if (sent.op === 'login') {
      return { raw: { url: row.url, body: text }, sentAt: row.time };
    }
    const params = sent.params as Record<string, unknown> | undefined;
    if (
      answered?.id !== undefined &&
      sent.id === answered.id &&
      typeof params === 'object' &&
      params !== null &&
      typeof params.signature === 'string'
    ) {
      const base = row.url.split('?')[0] as string;
      return {
        raw: { method: 'GET', url: `${base}?${wsApiQuery(params)}` },
        sentAt: row.time,
        recipe: {
          recipe: 'binance',
          reason: 'a WebSocket API call: Binance signs its params sorted by name',
        },
      };
    }
  }
  return undefined;
}

/** The signed request behind the row `rowId` of `rows` (the rows the panel holds). */
export function capturedRequestOf(rows: readonly TrafficRow[], rowId: number): CapturedLookup {
  const at = rows.findIndex((row) => row.id === rowId);
  const row = rows[at];
  if (!row) return { ok: false, reason: 'That row is no longer in the list.' };
  const problem = signingProblemOf(row);
  const withProblem = problem ? { problem } : {};
  const reply = row.payload?.text !== undefined ? { body: row.payload.text } : {};
  if (row.kind === 'http') {
    if (!row.request) {
      return { ok: false, reason: 'DevTools did not log the request of this row.', ...withProblem };
    }
    const { headers, body, sentAt, truncated, replyDate } = row.request;
    return {
      ok: true,
      request: {
        rowId,
        raw: {
          url: row.url,
          headers,
          ...(row.method !== undefined ? { method: row.method } : {}),
          ...(body !== undefined ? { body } : {}),
        },
        sentAt,
        origin: timeOrigin(row.url),
        reply: { ...reply, ...(replyDate !== undefined ? { date: replyDate } : {}) },
        ...(truncated ? { truncated } : {}),
        ...withProblem,
      },
    };
  }
  if (row.kind === 'receive') {
    const found = fromSocket(rows, at, row);
    if (found) {
      return {
        ok: true,
        request: { rowId, ...found, origin: timeOrigin(row.url), reply, ...withProblem },
      };
    }
    return {
      ok: false,
      reason:
        'The signed frame this reply answers (a login, or a call with the same id) is not among the rows the panel holds.',
      ...withProblem,
    };
  }
  if (row.kind === 'send' && row.payload?.text !== undefined) {
    return {
      ok: true,
      request: {
        rowId,
        raw: { url: row.url, body: row.payload.text },
        sentAt: row.time,
        origin: timeOrigin(row.url),
        reply: {},
        ...withProblem,
      },
    };
  }
  return { ok: false, reason: 'This row carries no signed request.', ...withProblem };
}

/** Rows the pane can open from: HTTP rows that kept their request, sent frames with text. */
export function canOpenInSigningPane(row: TrafficRow): boolean {
  return (
    (row.kind === 'http' && row.request !== undefined) ||
    (row.kind === 'send' && row.payload?.text !== undefined) ||
    signingProblemOf(row) !== undefined
  );
}
