// Where each recipe's exchange tells its time, and how to read it: the time endpoint's reply,
// a time field of any reply, or a Date header (precise to the second only).
import { exchangeForUrl } from '../detect/hosts.ts';
import { field } from '../json/fields.ts';
import { parseTimestamp } from './timestamp.ts';
import type { SigningRecipeId } from './types.ts';

export interface ServerTimeEndpoint {
  method: 'GET';
  path: string;
}

export const SERVER_TIME_ENDPOINTS: Readonly<Record<SigningRecipeId, ServerTimeEndpoint>> =
  Object.freeze({
    // Named by the gateway's own "Fixing Signature Errors" steps.
    gateway: { method: 'GET', path: '/api/gateway/time' },
    binance: { method: 'GET', path: '/api/v3/time' },
    okx: { method: 'GET', path: '/api/v5/public/time' },
    'okx-ws-login': { method: 'GET', path: '/api/v5/public/time' },
    // WOO X has no time endpoint; every reply, this one included, carries "timestamp".
    'woo-v1': { method: 'GET', path: '/v1/public/system_info' },
    'woo-v3': { method: 'GET', path: '/v1/public/system_info' },
    bybit: { method: 'GET', path: '/v5/market/time' },
  });

/** USDⓈ-M futures signs as Spot does but tells its time at its own path. */
const USDM_TIME: ServerTimeEndpoint = Object.freeze({ method: 'GET', path: '/fapi/v1/time' });

/** The recipe's time endpoint at an exchange address: Binance's futures hosts
 * (fapi.binance.com, the USDⓈ-M testnet) answer /fapi/v1/time, not Spot's /api/v3/time. */
export function serverTimeEndpoint(recipeId: SigningRecipeId, origin = ''): ServerTimeEndpoint {
  if (recipeId === 'binance' && exchangeForUrl(origin) === 'binance-usdm') return USDM_TIME;
  return SERVER_TIME_ENDPOINTS[recipeId];
}

/** A server's clock reading. */
export interface ServerTime {
  /** Unix milliseconds. */
  ms: number;
  /** How coarse the reading is: 1 for a millisecond field, 1000 for a Date header. */
  resolutionMs: number;
  /** Where it was read, for the verdict: "GET /api/v3/time", "Date header". */
  source: string;
}

function asObject(body: unknown): Record<string, unknown> | undefined {
  let value = body;
  if (typeof body === 'string') {
    try {
      value = JSON.parse(body);
    } catch {
      return undefined;
    }
  }
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** An epoch number or numeric string, in s, ms or µs, as Unix ms. */
function epochMs(value: unknown): { ms: number; resolutionMs: number } | undefined {
  if (typeof value !== 'number' && typeof value !== 'string') return undefined;
  const parsed = parseTimestamp(String(value));
  if (!parsed || parsed.format === 'iso') return undefined;
  // Whole seconds are precise to the second; "1700000000.123" to the millisecond.
  const wholeSeconds = parsed.format === 'epoch-s' && !String(value).includes('.');
  return { ms: parsed.ms, resolutionMs: wholeSeconds ? 1000 : 1 };
}

/** The value at `path`, own properties only (core/json's field, step by step). */
function fieldAt(object: Record<string, unknown> | undefined, path: readonly (string | number)[]) {
  let value: unknown = object;
  for (const step of path) value = field(value, String(step));
  return value;
}

/** Where each exchange's time endpoint puts the time. The gateway documents the endpoint but not
 * its reply: its envelope ({"code":0,"msg":"success","data":{...}}) with data.serverTime is
 * read first, then Binance's bare {"serverTime"}, which a Binance-compatible gateway may send. */
const ENDPOINT_FIELDS: Record<SigningRecipeId, readonly (readonly (string | number)[])[]> = {
  gateway: [['data', 'serverTime'], ['serverTime'], ['data', 'time'], ['data']],
  binance: [['serverTime']],
  okx: [['data', 0, 'ts']],
  'okx-ws-login': [['data', 0, 'ts']],
  'woo-v1': [['timestamp']],
  'woo-v3': [['timestamp']],
  // {"retCode":0,"result":{"timeSecond":"..","timeNano":".."},"time":1688639403423}: the
  // reply's time is milliseconds; timeSecond is the fallback, precise to the second.
  bybit: [['time'], ['result', 'timeSecond']],
};

/** Time fields of ordinary replies that are the server's clock: Binance's and WOO X's replies
 * carry serverTime / timestamp, OKX's order replies inTime / outTime (µs). */
const REPLY_FIELDS: readonly (readonly string[])[] = [['serverTime'], ['timestamp'], ['outTime']];

/** The server time in the reply of a recipe's time endpoint (a JSON string or parsed value). */
export function parseServerTime(
  recipeId: SigningRecipeId,
  body: unknown,
  endpoint: ServerTimeEndpoint = SERVER_TIME_ENDPOINTS[recipeId],
): ServerTime | undefined {
  const object = asObject(body);
  for (const path of ENDPOINT_FIELDS[recipeId]) {
    const time = epochMs(fieldAt(object, path));
    if (time) return { ...time, source: `${endpoint.method} ${endpoint.path}` };
  }
  return undefined;
}

/** The server time in any captured reply of the exchange, where the reply carries one. */
export function serverTimeFromReply(
  recipeId: SigningRecipeId,
  body: unknown,
): ServerTime | undefined {
  const fromEndpointShape = parseServerTime(recipeId, body);
  if (fromEndpointShape) return { ...fromEndpointShape, source: 'the reply' };
  const object = asObject(body);
  for (const path of REPLY_FIELDS) {
    const time = epochMs(fieldAt(object, path));
    if (time) return { ...time, source: `the reply's ${path.join('.')}` };
  }
  return undefined;
}

/** An HTTP Date header ("Tue, 09 Jan 2024 08:55:47 GMT"): the server's clock to the second. */
export function serverTimeFromDateHeader(value: string): ServerTime | undefined {
  const ms = Date.parse(value);
  if (Number.isNaN(ms) || !/GMT|UTC|[+-]\d{4}/.test(value)) return undefined;
  return { ms, resolutionMs: 1000, source: 'the Date header' };
}
