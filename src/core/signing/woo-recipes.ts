// WOO X's recipes (docs.woox.io "Authentication", developer.woox.io "Integration guide"): v1
// signs the query and body parameters sorted by key as k=v&k2=v2, then "|" and the timestamp;
// v3 signs timestamp + METHOD + path with its query + body. Both hex, timestamps in Unix ms.
import { bodyPairs, joinPairs, parsePairs, respell } from './params.ts';
import {
  type Canonicalisation,
  formatWarnings,
  keyHeader,
  methodOf,
  type PrehashParts,
  type PreparedRequest,
  pathWithQuery,
  type SigningRecipe,
  splitTarget,
} from './recipe.ts';
import { timestampText } from './timestamp.ts';
import type { SignInput } from './types.ts';

export const WOO_HEADERS = {
  key: 'x-api-key',
  signature: 'x-api-signature',
  timestamp: 'x-api-timestamp',
} as const;

function prepareWoo(input: SignInput, now: number): PreparedRequest {
  const { path, query } = splitTarget(input);
  const timestamp = timestampText(input.timestamp, 'epoch-ms', now);
  const parts: PrehashParts = {
    method: methodOf(input),
    path,
    query,
    body: input.body ?? '',
    timestamp,
  };
  return {
    parts,
    timestamp,
    warnings: formatWarnings('WOO X', timestamp, 'epoch-ms'),
    deliver: (signature) => ({
      headers: {
        ...keyHeader(WOO_HEADERS.key, input.key),
        [WOO_HEADERS.signature]: signature,
        [WOO_HEADERS.timestamp]: timestamp,
      },
    }),
  };
}

// Keys sorted, values as sent: the documented example has no character to encode, and the
// sorted-ness is the rule the docs spell out; the mistake finder tries the other spellings.
const V1: Canonicalisation = { sort: true, values: 'as-sent' };
const V3: Canonicalisation = { sort: false, values: 'as-sent' };

export const wooV1Recipe: SigningRecipe = {
  id: 'woo-v1',
  title: 'WOO X v1',
  formula:
    'hex(HMAC-SHA256(secret, query and body parameters sorted by key as k=v&k2=v2 + "|" + timestamp))',
  encoding: 'hex',
  timestampFormat: 'epoch-ms',
  timestampIn: 'header',
  canonical: V1,
  compose: (parts, how = V1) =>
    `${joinPairs([...parsePairs(parts.query), ...bodyPairs(parts.body)], how)}|${parts.timestamp}`,
  prepare: prepareWoo,
};

export const wooV3Recipe: SigningRecipe = {
  id: 'woo-v3',
  title: 'WOO X v3',
  formula: 'hex(HMAC-SHA256(secret, timestamp + METHOD + path with its ?query + body))',
  encoding: 'hex',
  timestampFormat: 'epoch-ms',
  timestampIn: 'header',
  canonical: V3,
  compose: (parts, how = V3) =>
    parts.timestamp +
    parts.method +
    pathWithQuery(parts.path, respell(parts.query, how.values, how.sort)) +
    parts.body,
  prepare: prepareWoo,
};
