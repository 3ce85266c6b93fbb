// The gateway's recipe (catalogue/seeds/000_d3de87d9020803db.txt, "Fixing Signature Errors"):
// every parameter sorted by key, values percent-encoded as encodeURIComponent does, joined
// k=v with &, HMAC-SHA256 in lowercase hex; the timestamp within 5000 ms of the server.
import { bodyPairs, joinPairs, parsePairs } from './params.ts';
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

/** The gateway's error codes are Binance's (-1021, -1022, -2014), so it is taken to speak
 * Binance's wire too: the key in X-MBX-APIKEY and a trailing `signature` parameter, which lets
 * an existing Binance client talk to it unchanged. */
export const GATEWAY_KEY_HEADER = 'X-MBX-APIKEY';

const CANONICAL: Canonicalisation = { sort: true, values: 'encoded' };

export const gatewayRecipe: SigningRecipe = {
  id: 'gateway',
  title: 'the gateway',
  formula:
    'hex(HMAC-SHA256(secret, query and body parameters sorted by key, k=v joined with &, values encoded as encodeURIComponent does))',
  encoding: 'hex',
  timestampFormat: 'epoch-ms',
  timestampIn: 'params',
  canonical: CANONICAL,
  compose: (parts, how = CANONICAL) =>
    joinPairs([...parsePairs(parts.query), ...bodyPairs(parts.body)], how),
  prepare(input, now) {
    const { path, query } = splitTarget(input);
    const body = input.body ?? '';
    const completed = completeParams(input, query, body, now);
    return {
      parts: { method: methodOf(input), path, query: completed.query, body, timestamp: '' },
      timestamp: completed.timestamp,
      warnings: formatWarnings('the gateway', completed.timestamp, 'epoch-ms'),
      deliver: (signature) => ({
        headers: keyHeader(GATEWAY_KEY_HEADER, input.key),
        params: withSignature(completed.query, body, signature),
      }),
    };
  },
};
