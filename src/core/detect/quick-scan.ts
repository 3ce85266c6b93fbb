// Cheap text scans that spare JSON.parse for most frames: whether a frame has a code key at all
// ("code", Bybit's "retCode" and "ret_code", OKX's item "sCode") or Bybit's "ret_msg" (its
// failed ops carry no code), and whether its codes are all a plain zero (acks, order replies).
const QUOTE = 34;
const UNDERSCORE = 95;
const LOWER_C = 99;
const UPPER_C = 67;
/** The tail every code key shares: code", Code", ret_code". */
const CODE_TAIL = 'ode"';
const RET_MSG_TAIL = '_msg"';

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

// V8 scans for a needle's first character, and a quote is the commonest byte of JSON: starting
// past the quote and checking what stands before it is far faster than searching '"code"'.
/** Where the next code key's "c"/"C" stands: "code" or "ret_code" (quote or underscore before
 * "code"), or "retCode", "sCode" (a letter before "Code"); -1 when there is none. */
function nextCodeKey(text: string, from: number): number {
  for (let at = text.indexOf(CODE_TAIL, from); at >= 0; at = text.indexOf(CODE_TAIL, at + 4)) {
    if (at < 2) continue;
    const c = text.charCodeAt(at - 1);
    const before = text.charCodeAt(at - 2);
    if (c === LOWER_C && (before === QUOTE || before === UNDERSCORE)) return at - 1;
    if (c === UPPER_C && isLetter(before)) return at - 1;
  }
  return -1;
}

export function hasCodeKey(text: string): boolean {
  return nextCodeKey(text, 0) >= 0;
}

/** How far into a frame Bybit's "ret_msg" is looked for. Its op replies are a few hundred
 * characters ({"success":false,"ret_msg":..,"conn_id":..,"op":"auth"}): a bounded look keeps
 * a 50 KB order book from paying for a second full scan. */
export const RET_MSG_WINDOW = 2048;

/** A "ret_msg" key in the frame's first RET_MSG_WINDOW characters: Bybit's op replies. */
export function hasRetMsgKey(text: string): boolean {
  // A slice shares the frame's characters: cutting it costs nothing, and indexOf stops at it.
  const head = text.length > RET_MSG_WINDOW ? text.slice(0, RET_MSG_WINDOW) : text;
  for (let at = head.indexOf(RET_MSG_TAIL); at >= 0; at = head.indexOf(RET_MSG_TAIL, at + 5)) {
    if (at >= 4 && head.startsWith('"ret', at - 4)) return true;
  }
  return false;
}

/** Whether the frame may hold an error envelope of any dialect: the prefilter. */
export function mayHoldEnvelope(text: string): boolean {
  return hasCodeKey(text) || hasRetMsgKey(text);
}

/** True when the value after the key ending at `end` is 0 or "0". */
function isZeroAfter(text: string, end: number): boolean {
  let i = end;
  while (text.charCodeAt(i) === 32) i++;
  if (text.charCodeAt(i) !== 58 /* : */) return false;
  i++;
  while (text.charCodeAt(i) === 32) i++;
  const quoted = text.charCodeAt(i) === QUOTE;
  if (quoted) i++;
  if (text.charCodeAt(i) !== 48 /* 0 */) return false;
  const next = text.charCodeAt(i + 1);
  return quoted ? next === QUOTE : !(next >= 48 && next <= 57) && next !== 46;
}

/** A frame whose code keys (code, retCode, ret_code, sCode, wherever they stand) are all 0 or
 * "0" reports no error in any dialect; anything else, and any frame with Bybit's ret_msg
 * (a failed op has no code), is left to the full parse. */
export function isPlainSuccess(text: string): boolean {
  let at = nextCodeKey(text, 0);
  if (at < 0) return false;
  for (; at >= 0; at = nextCodeKey(text, at + 5)) {
    // The key's "c" is followed by "ode" and the closing quote.
    if (!isZeroAfter(text, at + 5)) return false;
  }
  return !hasRetMsgKey(text);
}

/**
 * The detector's prefilter, the one test it makes before any parse (detector.ts): false when
 * the text holds no error envelope of any dialect, so the detector reports nothing on it,
 * whatever the event's URL. Scans count the frames it turns away without handing them on: a
 * dialect whose envelopes it would turn away must widen it (mayHoldEnvelope, isPlainSuccess)
 * and ENVELOPE_WORDS below with it.
 */
export function passesPrefilter(text: string): boolean {
  return mayHoldEnvelope(text) && !isPlainSuccess(text);
}

/**
 * Every text the detector's prefilter lets through contains one of these words: "code" (the
 * code key and ret_code), "Code" (retCode, sCode) or "ret_msg" (a failed Bybit op, which has
 * no code). A dialect that widens the prefilter must add a word of its envelope here, or
 * mayEmbedEnvelope would let scans skip its envelopes; test/unit/core/detect/quick-scan.test.ts
 * generates frames of every dialect to catch that. Words are ASCII letters, digits and
 * underscores only.
 */
export const ENVELOPE_WORDS: readonly string[] = ['code', 'Code', 'ret_msg'];

/**
 * How the words are searched, one pass each group: words alike but for their first letter
 * ("code", "Code") share a search, which starts at the group's first underscore, capital or
 * digit, the rarest characters of JSON text (V8 scans for a needle's first character: "_msg"
 * is found at memchr speed, "ret_msg" stops at every "r"); the rest is checked in place.
 */
const WORD_SEARCHES = groupsOf(ENVELOPE_WORDS).map(([rest, firsts]) => {
  const rare = Math.max(0, rest.search(/[_A-Z0-9]/));
  return { firsts, head: rest.slice(0, rare), needle: rest.slice(rare) };
});

/** The words by all but their first letter, with the first letters each rest follows. */
function groupsOf(words: readonly string[]): [string, number[]][] {
  const groups = new Map<string, number[]>();
  for (const word of words) {
    const firsts = groups.get(word.slice(1)) ?? [];
    firsts.push(word.charCodeAt(0));
    groups.set(word.slice(1), firsts);
  }
  return [...groups];
}

function hasWord(json: string): boolean {
  for (const { firsts, head, needle } of WORD_SEARCHES) {
    for (let at = json.indexOf(needle); at >= 0; at = json.indexOf(needle, at + 1)) {
      const start = at - head.length;
      if (
        start > 0 &&
        firsts.includes(json.charCodeAt(start - 1)) &&
        json.startsWith(head, start)
      ) {
        return true;
      }
    }
  }
  return false;
}

/**
 * False only when no payload embedded in this JSON text, as a string value (escaped) or as a
 * JSON value, can pass the detector's prefilter (passesPrefilter), so the text need not be
 * parsed to look for envelopes: scans count such a JSON Lines line or HAR socket message and
 * skip it. Why it is safe: inside a JSON string the letters of a word are either themselves or
 * \u00XX escapes (escaping does not touch letters otherwise), so a payload holding a word shows
 * it in the text, unless the text has a "\u00" somewhere, which answers true. One indexOf per
 * word plus one for "u00": the cost of the scan's floor, not of JSON.parse.
 */
export function mayEmbedEnvelope(json: string): boolean {
  if (hasWord(json)) return true;
  for (let at = json.indexOf('u00'); at >= 0; at = json.indexOf('u00', at + 3)) {
    if (json.charCodeAt(at - 1) === 92) return true;
  }
  return false;
}
