// How catalogue text and queries are cut into comparable words: case- and width-folded, split
// at camelCase and underscores ("recvWindow", "INVALID_SIGNATURE"), Chinese kept as runs.

const WORD = /[\p{L}\p{N}]+/gu;
const HAN = /\p{Script=Han}/u;
/** Splits a word at script changes: "passphrase不正确" -> "passphrase", "不正确". */
const SCRIPT_RUN = /\p{Script=Han}+|\P{Script=Han}+/gu;
const HAS_CAMEL = /[a-z0-9][A-Z]|[A-Z][A-Z][a-z]/;
const CAMEL = /(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/;

export function isHan(token: string): boolean {
  return HAN.test(token);
}

/** Full-width digits and letters become ASCII; "－１０２１" reads as "-1021". */
export function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

/** Words as written: runs of letters and digits, Chinese runs apart from the others. */
function words(text: string): string[] {
  const found: string[] = [];
  for (const [word] of text.normalize('NFKC').matchAll(WORD)) {
    if (!HAN.test(word)) found.push(word);
    else for (const [run] of word.matchAll(SCRIPT_RUN)) found.push(run);
  }
  return found;
}

function camelParts(word: string): string[] | undefined {
  return HAS_CAMEL.test(word) ? word.split(CAMEL) : undefined;
}

/** Words of a text, lower-cased; a camelCase word gives itself and its parts. */
export function tokensOf(text: string): string[] {
  const tokens: string[] = [];
  for (const word of words(text)) {
    tokens.push(word.toLowerCase());
    for (const part of camelParts(word) ?? []) tokens.push(part.toLowerCase());
  }
  return tokens;
}

/** Words of a query: camelCase split into parts only, so every part must match. */
export function queryTokensOf(query: string): string[] {
  const tokens = new Set<string>();
  for (const word of words(query)) {
    for (const part of camelParts(word) ?? [word]) tokens.add(part.toLowerCase());
  }
  return [...tokens];
}

/** A symbolic name compared as typed: "INVALID_SIGNATURE", "invalid signature", "Normal Closure". */
export function nameKey(text: string): string {
  return fold(text)
    .replace(/[\s_-]+/g, ' ')
    .trim();
}

/** True when a and b differ by one insertion, deletion, substitution or swap of neighbours. */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  const lengthGap = a.length - b.length;
  if (lengthGap > 1 || lengthGap < -1) return false;
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length - 1;
  let endB = b.length - 1;
  while (endA >= start && endB >= start && a[endA] === b[endB]) {
    endA--;
    endB--;
  }
  const restA = endA - start + 1;
  const restB = endB - start + 1;
  if (restA <= 1 && restB <= 1) return true;
  // Two neighbours swapped: "recieve" for "receive".
  return restA === 2 && restB === 2 && a[start] === b[endB] && a[endA] === b[start];
}
