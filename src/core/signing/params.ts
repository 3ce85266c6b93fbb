// Request parameters as the recipes see them: a query string or form body split into pairs
// that keep their text as sent, so a recipe can sign them as sent, decoded, or re-encoded.

export interface ParamPair {
  /** The key, decoded. */
  key: string;
  /** The key exactly as it appears in the request. */
  sentKey: string;
  /** The value exactly as it appears in the request ("BTC%2FUSDT"). */
  sent: string;
  /** The value decoded ("BTC/USDT"). */
  value: string;
}

/** How a recipe writes parameter values into its prehash. */
export type ValueSpelling = 'as-sent' | 'decoded' | 'encoded' | 'encoded-twice';

/** Form decoding ("+" is a space), keeping malformed escapes as they are rather than failing:
 * a captured request is whatever the user's code sent. */
export function decodeComponent(text: string): string {
  const spaced = text.replaceAll('+', ' ');
  try {
    return decodeURIComponent(spaced);
  } catch {
    return spaced;
  }
}

/** "a=1&b=2" into pairs; empty segments ("a=1&&b=2") are dropped, as servers do. */
export function parsePairs(text: string): ParamPair[] {
  if (text === '') return [];
  const pairs: ParamPair[] = [];
  for (const segment of text.split('&')) {
    if (segment === '') continue;
    const equals = segment.indexOf('=');
    const rawKey = equals < 0 ? segment : segment.slice(0, equals);
    const sent = equals < 0 ? '' : segment.slice(equals + 1);
    pairs.push({
      key: decodeComponent(rawKey),
      sentKey: rawKey,
      sent,
      value: decodeComponent(sent),
    });
  }
  return pairs;
}

/** A JSON object's top-level fields as parameters; nested values as their JSON text. */
function jsonPairs(body: string): ParamPair[] | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    return undefined;
  }
  if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined;
  return Object.entries(parsed).map(([key, raw]) => {
    const value = typeof raw === 'string' ? raw : JSON.stringify(raw);
    return { key, sentKey: key, sent: value, value };
  });
}

export function looksLikeJson(body: string): boolean {
  const start = body.trimStart()[0];
  return start === '{' || start === '[';
}

/** The parameters a body carries: form fields, or a JSON object's top-level fields. */
export function bodyPairs(body: string): ParamPair[] {
  if (body.trim() === '') return [];
  if (looksLikeJson(body)) return jsonPairs(body) ?? [];
  return parsePairs(body);
}

export function spellValue(pair: ParamPair, spelling: ValueSpelling): string {
  switch (spelling) {
    case 'as-sent':
      return pair.sent;
    case 'decoded':
      return pair.value;
    case 'encoded':
      return encodeURIComponent(pair.value);
    case 'encoded-twice':
      return encodeURIComponent(encodeURIComponent(pair.value));
  }
}

function spellKey(pair: ParamPair, spelling: ValueSpelling): string {
  if (spelling === 'as-sent') return pair.sentKey;
  return spelling === 'decoded' ? pair.key : encodeURIComponent(pair.key);
}

function sortedIf(pairs: readonly ParamPair[], sort: boolean): readonly ParamPair[] {
  if (!sort) return pairs;
  return [...pairs].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Pairs joined as "k=v&k2=v2", optionally sorted by key (stable: equal keys keep their
 * order), values spelled as asked. */
export function joinPairs(
  pairs: readonly ParamPair[],
  options: { sort: boolean; values: ValueSpelling },
): string {
  return sortedIf(pairs, options.sort)
    .map((pair) => `${spellKey(pair, options.values)}=${spellValue(pair, options.values)}`)
    .join('&');
}

/** Re-spells a query string or form body pair by pair, keeping its keys as sent (for recipes
 * that sign the query as sent, to show what other spellings would have signed). */
export function respell(text: string, values: ValueSpelling, sort = false): string {
  if (text === '' || looksLikeJson(text) || (values === 'as-sent' && !sort)) return text;
  return sortedIf(parsePairs(text), sort)
    .map((pair) => `${pair.sentKey}=${spellValue(pair, values)}`)
    .join('&');
}

/** The value of a parameter in a query string or form body, decoded; the last one wins. */
export function paramValue(text: string, key: string): string | undefined {
  if (looksLikeJson(text)) return undefined;
  let found: string | undefined;
  for (const pair of parsePairs(text)) if (pair.key === key) found = pair.value;
  return found;
}

/** A query string or form body with one parameter's value replaced (or the pair removed, for
 * `undefined`), every other byte as it was. */
export function replaceParam(text: string, key: string, value: string | undefined): string {
  if (text === '' || looksLikeJson(text)) return text;
  const segments = text.split('&');
  const kept: string[] = [];
  for (const segment of segments) {
    const equals = segment.indexOf('=');
    const rawKey = equals < 0 ? segment : segment.slice(0, equals);
    if (segment !== '' && decodeComponent(rawKey) === key) {
      if (value !== undefined) kept.push(`${rawKey}=${value}`);
    } else {
      kept.push(segment);
    }
  }
  return kept.join('&');
}

/** "a=1" + ("b", "2") = "a=1&b=2"; "" + ("b", "2") = "b=2". */
export function appendParam(text: string, key: string, value: string): string {
  return text === '' ? `${key}=${value}` : `${text}&${key}=${value}`;
}
