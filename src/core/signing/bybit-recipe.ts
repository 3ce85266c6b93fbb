// Bybit's v5 recipe (bybit-exchange.github.io/docs/v5/guide, "Create A Request"): hex of
// HMAC-SHA256 over timestamp + API key + recv_window + (the query string as sent for GET | the
// raw JSON body for POST); all four travel in X-BAPI-* headers. recv_window is optional and
// signed only when sent (default 5000 ms); the timestamp must satisfy
// server_time - recv_window <= timestamp < server_time + 1000.
import { respell } from './params.ts';
import {
  type Canonicalisation,
  formatWarnings,
  keyHeader,
  methodOf,
  type SigningRecipe,
  splitTarget,
} from './recipe.ts';
import { timestampText } from './timestamp.ts';

export const BYBIT_HEADERS = {
  key: 'X-BAPI-API-KEY',
  sign: 'X-BAPI-SIGN',
  timestamp: 'X-BAPI-TIMESTAMP',
  recvWindow: 'X-BAPI-RECV-WINDOW',
} as const;

export const BYBIT_DEFAULT_RECV_WINDOW = 5000;

const CANONICAL: Canonicalisation = { sort: false, values: 'as-sent' };

export const bybitRecipe: SigningRecipe = {
  id: 'bybit',
  title: 'Bybit',
  formula:
    'hex(HMAC-SHA256(secret, timestamp + API key + recv_window + (GET: query string as sent | POST: JSON body as sent)))',
  encoding: 'hex',
  timestampFormat: 'epoch-ms',
  timestampIn: 'header',
  canonical: CANONICAL,
  compose: (parts, how = CANONICAL) =>
    parts.timestamp +
    (parts.key ?? '') +
    (parts.recvWindow ?? '') +
    (parts.method === 'GET' ? respell(parts.query, how.values, how.sort) : parts.body),
  prepare(input, now) {
    const { path, query } = splitTarget(input);
    const body = input.body ?? '';
    const method = methodOf(input);
    const timestamp = timestampText(input.timestamp, 'epoch-ms', now);
    const recvWindow = input.recvWindow === undefined ? undefined : String(input.recvWindow);
    const warnings = formatWarnings('Bybit', timestamp, 'epoch-ms');
    if (!input.key) warnings.push(`Bybit signs the API key too: give it (${BYBIT_HEADERS.key})`);
    if (method === 'GET' && body !== '') {
      warnings.push('Bybit signs the query string of a GET, not its body');
    }
    if (method !== 'GET' && query !== '') {
      warnings.push(`Bybit signs the body of a ${method}, not its query string`);
    }
    return {
      parts: {
        method,
        path,
        query,
        body,
        timestamp,
        key: input.key ?? '',
        ...(recvWindow === undefined ? {} : { recvWindow }),
      },
      timestamp,
      warnings,
      deliver: (signature) => ({
        headers: {
          ...keyHeader(BYBIT_HEADERS.key, input.key),
          [BYBIT_HEADERS.sign]: signature,
          [BYBIT_HEADERS.timestamp]: timestamp,
          ...keyHeader(BYBIT_HEADERS.recvWindow, recvWindow),
        },
      }),
    };
  },
};
