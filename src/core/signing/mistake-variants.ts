// The usual signing mistakes, each as the prehash it would have produced for a captured request.
// A fixed list per recipe (a few dozen strings at most): the finder hashes each once.

import { jsonRespellings } from './json-respellings.ts';
import { bodyPairs, paramValue, parsePairs, replaceParam, type ValueSpelling } from './params.ts';
import type { PrehashParts, SigningRecipe } from './recipe.ts';
import { FORMAT_WORDS, formatTimestamp, parseTimestamp } from './timestamp.ts';
import type { TimestampFormat } from './types.ts';

export const SIGNING_MISTAKE_IDS = [
  'params-unsorted',
  'params-sorted',
  'values-not-encoded',
  'values-as-sent',
  'values-encoded',
  'values-encoded-twice',
  'body-left-out',
  'body-added',
  'body-whitespace',
  'query-left-out',
  'ampersand-between-query-and-body',
  'question-mark-before-query',
  'method-lowercase',
  'timestamp-in-seconds',
  'timestamp-in-milliseconds',
  'timestamp-iso-instead-of-epoch',
  'timestamp-epoch-instead-of-iso',
  'timestamp-read-twice',
  'recv-window-left-out',
  'key-left-out',
  'json-reserialised',
  'hex-instead-of-base64',
  'base64-instead-of-hex',
  'secret-whitespace',
  'secret-quoted',
] as const;
export type SigningMistakeId = (typeof SIGNING_MISTAKE_IDS)[number];

export interface PrehashVariant {
  id: SigningMistakeId;
  /** One line, second person, saying what was signed and what should have been. */
  explanation: string;
  prehash: string;
}

const VALUE_MISTAKES: Record<ValueSpelling, { id: SigningMistakeId; said: string } | undefined> = {
  'as-sent': { id: 'values-as-sent', said: 'the values exactly as sent' },
  decoded: { id: 'values-not-encoded', said: 'the values without percent-encoding' },
  encoded: { id: 'values-encoded', said: 'the values percent-encoded' },
  'encoded-twice': { id: 'values-encoded-twice', said: 'the values percent-encoded twice' },
};

const CANONICAL_WORDS: Record<ValueSpelling, string> = {
  'as-sent': 'exactly as sent',
  decoded: 'decoded',
  encoded: 'percent-encoded as encodeURIComponent does',
  'encoded-twice': 'percent-encoded twice',
};

function parameterVariants(recipe: SigningRecipe, parts: PrehashParts): PrehashVariant[] {
  const variants: PrehashVariant[] = [];
  const { sort, values } = recipe.canonical;
  const paramCount = parsePairs(parts.query).length + bodyPairs(parts.body).length;
  if (paramCount >= 2) {
    variants.push({
      id: sort ? 'params-unsorted' : 'params-sorted',
      explanation: sort
        ? `You signed the parameters in the order sent; ${recipe.title} sorts them by key first`
        : `You sorted the parameters by key; ${recipe.title} signs them in the order sent`,
      prehash: recipe.compose(parts, { sort: !sort, values }),
    });
  }
  for (const spelling of ['as-sent', 'decoded', 'encoded', 'encoded-twice'] as const) {
    const mistake = VALUE_MISTAKES[spelling];
    if (spelling === values || !mistake || paramCount === 0) continue;
    variants.push({
      id: mistake.id,
      explanation: `You signed ${mistake.said}; ${recipe.title} signs them ${CANONICAL_WORDS[values]}`,
      prehash: recipe.compose(parts, { sort, values: spelling }),
    });
  }
  return variants;
}

function partVariants(recipe: SigningRecipe, parts: PrehashParts): PrehashVariant[] {
  const variants: PrehashVariant[] = [];
  const add = (id: SigningMistakeId, explanation: string, changed: Partial<PrehashParts>) =>
    variants.push({ id, explanation, prehash: recipe.compose({ ...parts, ...changed }) });
  if (parts.body !== '')
    add('body-left-out', 'You signed the request without its body', { body: '' });
  if (parts.query !== '') {
    const words =
      recipe.timestampIn === 'params' || recipe.id === 'woo-v1'
        ? 'You signed the body without the query string'
        : 'You signed the path without its query string';
    add('query-left-out', words, { query: '' });
  }
  const signsBodyText = recipe.id === 'okx' || recipe.id === 'woo-v3' || recipe.id === 'bybit';
  if (signsBodyText && parts.body === '') {
    add('body-added', 'You signed an empty JSON body "{}" the request does not send', {
      body: '{}',
    });
  }
  if (signsBodyText && parts.body !== '') {
    const trimmed = parts.body.trim();
    const other = trimmed === parts.body ? `${parts.body}\n` : trimmed;
    add(
      'body-whitespace',
      trimmed === parts.body
        ? 'You signed the body with a trailing newline the request does not send'
        : 'You signed the body without the whitespace around it that the request sends',
      { body: other },
    );
    for (const respelled of jsonRespellings(parts.body)) {
      add(
        'json-reserialised',
        `You signed the body re-serialised as ${respelled.kind}; sign the exact text you send`,
        { body: respelled.text },
      );
    }
  }
  if (recipe.id === 'binance' && parts.query !== '' && parts.body !== '') {
    variants.push({
      id: 'ampersand-between-query-and-body',
      explanation: 'You joined the query and the body with "&"; Binance puts nothing between them',
      prehash: `${parts.query}&${parts.body}`,
    });
  }
  if (recipe.id === 'binance' && parts.query !== '') {
    variants.push({
      id: 'question-mark-before-query',
      explanation: 'You signed the query string with its leading "?"',
      prehash: `?${recipe.compose(parts)}`,
    });
  }
  if (parts.recvWindow !== undefined) {
    add(
      'recv-window-left-out',
      `You signed without the recv_window (${parts.recvWindow}) the request sends in its header; ${recipe.title} signs it after the API key`,
      { recvWindow: '' },
    );
  }
  if (parts.key) {
    add(
      'key-left-out',
      `You signed without the API key; ${recipe.title} signs timestamp + API key + recv_window + the parameters`,
      { key: '' },
    );
  }
  const signsMethod = recipe.id === 'okx' || recipe.id === 'okx-ws-login' || recipe.id === 'woo-v3';
  if (signsMethod && parts.method !== parts.method.toLowerCase()) {
    add(
      'method-lowercase',
      `You signed the method in lower case; ${recipe.title} signs it upper-case (${parts.method})`,
      { method: parts.method.toLowerCase() },
    );
  }
  return variants;
}

/** The parts with the signed timestamp replaced, wherever the recipe carries it. */
function withTimestamp(recipe: SigningRecipe, parts: PrehashParts, value: string): PrehashParts {
  if (recipe.timestampIn !== 'params') return { ...parts, timestamp: value };
  return paramValue(parts.query, 'timestamp') !== undefined
    ? { ...parts, query: replaceParam(parts.query, 'timestamp', value) }
    : { ...parts, body: replaceParam(parts.body, 'timestamp', value) };
}

function formatMistake(from: TimestampFormat, to: TimestampFormat): SigningMistakeId {
  if (to === 'iso') return 'timestamp-iso-instead-of-epoch';
  if (from === 'iso') return 'timestamp-epoch-instead-of-iso';
  return to === 'epoch-s' ? 'timestamp-in-seconds' : 'timestamp-in-milliseconds';
}

/** Drift a timestamp read twice (once to sign, once to send) usually shows, in its own unit. */
const READ_TWICE_STEPS = [-3, -2, -1, 1, 2, 3];

function timestampVariants(
  recipe: SigningRecipe,
  parts: PrehashParts,
  sent: string,
): PrehashVariant[] {
  const parsed = parseTimestamp(sent);
  if (!parsed || parsed.format === 'epoch-us') return [];
  const sentFormat = parsed.format;
  const variants: PrehashVariant[] = [];
  for (const format of ['epoch-ms', 'epoch-s', 'iso'] as const) {
    if (format === sentFormat) continue;
    const value = formatTimestamp(parsed.ms, format);
    variants.push({
      id: formatMistake(sentFormat, format),
      explanation: `You signed the timestamp in ${FORMAT_WORDS[format]} (${value}) but sent ${sent}; sign and send one value, in ${FORMAT_WORDS[recipe.timestampFormat]}`,
      prehash: recipe.compose(withTimestamp(recipe, parts, value)),
    });
  }
  const unit = sentFormat === 'epoch-s' ? 1000 : 1;
  for (const step of READ_TWICE_STEPS) {
    const value = formatTimestamp(parsed.ms + step * unit, sentFormat);
    const amount = `${Math.abs(step)} ${unit === 1000 ? 's' : 'ms'}`;
    variants.push({
      id: 'timestamp-read-twice',
      explanation: `You signed a timestamp ${amount} ${step < 0 ? 'older' : 'newer'} than the one you sent (${value}, not ${sent}): read the clock once and use that value for both`,
      prehash: recipe.compose(withTimestamp(recipe, parts, value)),
    });
  }
  return variants;
}

/** Every usual mistake's prehash for this request, the recipe's own prehash excluded. */
export function prehashVariants(
  recipe: SigningRecipe,
  parts: PrehashParts,
  sentTimestamp: string,
): PrehashVariant[] {
  const expected = recipe.compose(parts);
  const seen = new Set([expected]);
  const all = [
    ...parameterVariants(recipe, parts),
    ...partVariants(recipe, parts),
    ...timestampVariants(recipe, parts, sentTimestamp),
  ];
  return all.filter((variant) => {
    if (seen.has(variant.prehash)) return false;
    seen.add(variant.prehash);
    return true;
  });
}

/** Secrets as they are often mangled on the way from a config file to the HMAC. */
export function secretVariants(
  secret: string,
): { secret: string; explanation: string; id: SigningMistakeId }[] {
  const variants = [
    { secret: `${secret}\n`, explanation: 'The secret you signed with ends with a newline' },
    {
      secret: `${secret}\r\n`,
      explanation: 'The secret you signed with ends with a CR LF line break',
    },
    { secret: `${secret} `, explanation: 'The secret you signed with ends with a space' },
    { secret: ` ${secret}`, explanation: 'The secret you signed with starts with a space' },
    {
      secret: secret.trim(),
      explanation:
        'You signed with the secret trimmed; the secret given here has whitespace around it',
    },
  ].map((v) => ({ ...v, id: 'secret-whitespace' as SigningMistakeId }));
  const quoted = ['"', "'"].map((quote) => ({
    secret: `${quote}${secret}${quote}`,
    explanation: `You signed with the secret in ${quote === '"' ? 'double' : 'single'} quotes, as written in a config file`,
    id: 'secret-quoted' as SigningMistakeId,
  }));
  return [...variants, ...quoted].filter((v) => v.secret !== secret && v.secret !== '');
}
