// The clock judgement: a request's timestamp against the server's clock, under each recipe's
// documented window, as one sentence the user can act on.
import { BINANCE_DEFAULT_RECV_WINDOW, BINANCE_MAX_RECV_WINDOW } from './binance-recipe.ts';
import { BYBIT_DEFAULT_RECV_WINDOW } from './bybit-recipe.ts';
import { SIGNING_RECIPES } from './recipes.ts';
import type { ServerTime } from './server-time.ts';
import { FORMAT_WORDS, type ParsedTimestamp, parseTimestamp } from './timestamp.ts';
import type { SigningRecipeId } from './types.ts';

export interface ClockInput {
  recipe: SigningRecipeId;
  /** The request's timestamp as sent, or Unix milliseconds. */
  timestamp: string | number;
  /** The server's clock; a number is Unix milliseconds read exactly. */
  server: ServerTime | number;
  /** binance and bybit: the request's recvWindow (default 5000 ms). */
  recvWindow?: number;
}

export type ClockVerdictKind = 'accepted' | 'rejected' | 'too-close-to-call' | 'unreadable';

export interface ClockVerdict {
  verdict: ClockVerdictKind;
  /** Request timestamp minus server time, ms: negative when the request is behind. */
  offsetMs?: number;
  /** One sentence: "timestamp 6.2 s behind the server; recvWindow 5000 ms: rejected. Sync the
   * clock or raise recvWindow". */
  message: string;
}

interface ClockRule {
  accepts(offset: number): boolean;
  /** The window that applies to this offset, in words. */
  window(offset: number): string;
  advice(offset: number): string;
}

const SYNC = 'Sync the clock (NTP)';

function symmetric(limitMs: number, words: string, advice = SYNC): ClockRule {
  return { accepts: (o) => Math.abs(o) <= limitMs, window: () => words, advice: () => advice };
}

/** Per recipe, the documented windows: gateway "within 5000ms of server time"; Binance's
 * `timestamp < serverTime + 1000 && serverTime - timestamp <= recvWindow`; Bybit's
 * `server_time - recv_window <= timestamp < server_time + 1000`; OKX REST 30 s; the OKX login
 * "expires 30 s after the timestamp"; WOO X "300+ second difference" rejected. */
function ruleFor(recipe: SigningRecipeId, recvWindow: number): ClockRule {
  switch (recipe) {
    case 'gateway':
      return symmetric(5000, 'the gateway accepts ±5000 ms');
    case 'binance':
      return {
        accepts: (o) => o < 1000 && -o <= recvWindow,
        window: (o) =>
          o >= 1000
            ? 'Binance rejects timestamps 1000 ms or more ahead'
            : `recvWindow ${recvWindow} ms`,
        advice: (o) =>
          o >= 1000 ? SYNC : `${SYNC} or raise recvWindow (at most ${BINANCE_MAX_RECV_WINDOW})`,
      };
    case 'okx':
      return symmetric(
        30_000,
        'OKX accepts ±30 s',
        `${SYNC} or apply the offset from GET /api/v5/public/time`,
      );
    case 'okx-ws-login':
      return {
        accepts: (o) => -o <= 30_000,
        window: () => 'the login expires 30 s after its timestamp',
        advice: () => `${SYNC} and make the timestamp right before sending login`,
      };
    case 'bybit':
      return {
        accepts: (o) => o < 1000 && -o <= recvWindow,
        window: (o) =>
          o >= 1000
            ? 'Bybit rejects timestamps 1000 ms or more ahead'
            : `recv_window ${recvWindow} ms`,
        advice: (o) =>
          o >= 1000
            ? SYNC
            : `${SYNC} or raise X-BAPI-RECV-WINDOW (GET /v5/market/time tells the offset)`,
      };
    case 'woo-v1':
    case 'woo-v3':
      return {
        accepts: (o) => Math.abs(o) < 300_000,
        window: () => 'WOO X rejects a difference of 300 s or more',
        advice: () => SYNC,
      };
  }
}

/** 6.2, 1 (not 1.0). */
function oneDecimal(value: number): string {
  return value.toFixed(1).replace(/\.0$/, '');
}

export function describeDuration(ms: number): string {
  const a = Math.abs(ms);
  if (a < 1000) return `${Math.round(a)} ms`;
  if (a < 100_000) return `${oneDecimal(a / 1000)} s`;
  if (a < 7_200_000) return `${Math.round(a / 60_000)} min`;
  if (a < 172_800_000) return `${oneDecimal(a / 3_600_000)} h`;
  return `${Math.round(a / 86_400_000)} days`;
}

function describeOffset(offset: number, about: boolean): string {
  if (Math.round(offset) === 0) return 'in step with the server';
  const side = offset < 0 ? 'behind' : 'ahead of';
  return `${about ? 'about ' : ''}${describeDuration(offset)} ${side} the server`;
}

function readTimestamp(timestamp: string | number): ParsedTimestamp | undefined {
  return typeof timestamp === 'number'
    ? { ms: timestamp, format: 'epoch-ms' }
    : parseTimestamp(timestamp);
}

export function judgeClock(input: ClockInput): ClockVerdict {
  const recipe = SIGNING_RECIPES[input.recipe];
  const server: ServerTime =
    typeof input.server === 'number'
      ? { ms: input.server, resolutionMs: 1, source: 'the server' }
      : input.server;
  const parsed = readTimestamp(input.timestamp);
  const want = recipe.timestampFormat;
  if (!parsed) {
    return {
      verdict: 'unreadable',
      message: `timestamp "${input.timestamp}" is not a time; ${recipe.title} wants ${FORMAT_WORDS[want]}`,
    };
  }
  // The true server time lies in [ms, ms + resolution): judge both ends, report the middle.
  const latest = parsed.ms - server.ms;
  const earliest = latest - (server.resolutionMs - 1);
  const offsetMs = Math.round(latest - (server.resolutionMs - 1) / 2);
  const about = server.resolutionMs > 1;
  const sourceNote = about
    ? ` (${server.source} is precise to ${describeDuration(server.resolutionMs)})`
    : '';
  const fine =
    parsed.format === want || (input.recipe === 'binance' && parsed.format === 'epoch-us');
  if (!fine) {
    return {
      verdict: 'rejected',
      offsetMs,
      message: `timestamp ${input.timestamp} is in ${FORMAT_WORDS[parsed.format]}; ${recipe.title} wants ${FORMAT_WORDS[want]}: rejected. Send ${FORMAT_WORDS[want]} (read as ${FORMAT_WORDS[parsed.format]}, it is ${describeOffset(offsetMs, about)})`,
    };
  }
  const recvWindow =
    input.recvWindow ??
    (input.recipe === 'bybit' ? BYBIT_DEFAULT_RECV_WINDOW : BINANCE_DEFAULT_RECV_WINDOW);
  if (input.recipe === 'binance' && recvWindow > BINANCE_MAX_RECV_WINDOW) {
    return {
      verdict: 'rejected',
      offsetMs,
      message: `recvWindow ${recvWindow} ms is over Binance's maximum of ${BINANCE_MAX_RECV_WINDOW}: rejected whatever the clock. Send at most ${BINANCE_MAX_RECV_WINDOW}`,
    };
  }
  const rule = ruleFor(input.recipe, recvWindow);
  const first = rule.accepts(latest);
  const verdict: ClockVerdictKind =
    first === rule.accepts(earliest) ? (first ? 'accepted' : 'rejected') : 'too-close-to-call';
  const head = `timestamp ${describeOffset(offsetMs, about)}${sourceNote}; ${rule.window(offsetMs)}`;
  const tail =
    verdict === 'accepted'
      ? ''
      : `. ${verdict === 'rejected' ? rule.advice(offsetMs) : `${SYNC} to be safe`}`;
  const words = verdict === 'too-close-to-call' ? 'too close to call' : verdict;
  return { verdict, offsetMs, message: `${head}: ${words}${tail}` };
}
