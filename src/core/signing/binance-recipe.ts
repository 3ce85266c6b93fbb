// Binance's recipe (developers.binance.com, spot REST "SIGNED Endpoint security"): the query
// string followed directly by the body, as sent (no sorting, no re-encoding, no "&" between),
// HMAC-SHA256 in hex; timestamp and recvWindow (default 5000, at most 60000) are parameters.
import { paramValue, respell } from './params.ts';
import {
  type Canonicalisation,
  completeParams,
  formatWarnings,
  keyHeader,
  methodOf,
  type SigningRecipe,
  splitTarget,
  withSignature,
} from './recipe.ts';

export const BINANCE_KEY_HEADER = 'X-MBX-APIKEY';
export const BINANCE_DEFAULT_RECV_WINDOW = 5000;
export const BINANCE_MAX_RECV_WINDOW = 60000;

const CANONICAL: Canonicalisation = { sort: false, values: 'as-sent' };

export const binanceRecipe: SigningRecipe = {
  id: 'binance',
  title: 'Binance',
  formula: 'hex(HMAC-SHA256(secret, query string + request body, both exactly as sent))',
  encoding: 'hex',
  timestampFormat: 'epoch-ms',
  timestampIn: 'params',
  canonical: CANONICAL,
  compose: (parts, how = CANONICAL) =>
    respell(parts.query, how.values, how.sort) + respell(parts.body, how.values, how.sort),
  prepare(input, now) {
    const { path, query } = splitTarget(input);
    const body = input.body ?? '';
    const completed = completeParams(input, query, body, now);
    // Binance also takes microseconds.
    const warnings = formatWarnings('Binance', completed.timestamp, 'epoch-ms', ['epoch-us']);
    const recvWindow = paramValue(completed.query, 'recvWindow') ?? paramValue(body, 'recvWindow');
    if (recvWindow !== undefined && Number(recvWindow) > BINANCE_MAX_RECV_WINDOW) {
      warnings.push(
        `recvWindow ${recvWindow} is over Binance's maximum of ${BINANCE_MAX_RECV_WINDOW} ms: the request will be rejected`,
      );
    }
    return {
      parts: { method: methodOf(input), path, query: completed.query, body, timestamp: '' },
      timestamp: completed.timestamp,
      warnings,
      deliver: (signature) => ({
        headers: keyHeader(BINANCE_KEY_HEADER, input.key),
        params: withSignature(completed.query, body, signature),
      }),
    };
  },
};
