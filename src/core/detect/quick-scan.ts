// Cheap text scans that spare JSON.parse for most frames: whether a frame has a "code" key at
// all, and whether its only code is a plain success (acks and order replies on busy sockets).
const QUOTE = 34;
const CODE_TAIL = 'code"';
const ITEM_CODE_TAIL = 'sCode"';

// V8 scans for a needle's first character, and a quote is the commonest byte of JSON: starting
// at 'code"' and checking the quote before it is about four times faster than '"code"'.
function nextKey(text: string, tail: string, from: number): number {
  for (let at = text.indexOf(tail, from); at >= 0; at = text.indexOf(tail, at + tail.length)) {
    if (at > 0 && text.charCodeAt(at - 1) === QUOTE) return at;
  }
  return -1;
}

export function hasCodeKey(text: string): boolean {
  return nextKey(text, CODE_TAIL, 0) >= 0;
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

/** A frame whose one "code" key is 0 and whose item codes (sCode) are all "0" reports no
 * error in any dialect; anything else is left to the full parse. */
export function isPlainSuccess(text: string): boolean {
  const first = nextKey(text, CODE_TAIL, 0);
  if (first < 0 || !isZeroAfter(text, first + CODE_TAIL.length)) return false;
  if (nextKey(text, CODE_TAIL, first + CODE_TAIL.length) >= 0) return false;
  for (let at = text.indexOf(ITEM_CODE_TAIL); at >= 0; at = text.indexOf(ITEM_CODE_TAIL, at + 6)) {
    if (!isZeroAfter(text, at + ITEM_CODE_TAIL.length)) return false;
  }
  return true;
}

/**
 * The detector's prefilter, the one test it makes before any parse: false when the payload
 * text holds no error envelope of any dialect, so the detector reports nothing on it, whatever
 * the event's URL. A dialect whose envelopes this would let pass unread must widen it here
 * (and ENVELOPE_WORDS below with it): scans skip frames by it.
 */
export function mayHoldEnvelope(text: string): boolean {
  // Every error envelope of every dialect has a "code" key that is not plainly zero.
  return hasCodeKey(text) && !isPlainSuccess(text);
}

/**
 * Every text mayHoldEnvelope lets through contains one of these words (hasCodeKey: `code"`).
 * A dialect whose error envelopes carry no "code" key (Bybit's retCode, a
 * `{"success":false,"ret_msg":..}` reply, OKX's notice event) must add a word of its envelope
 * here when it widens the prefilter, or mayEmbedEnvelope would let scans skip its envelopes;
 * test/unit/core/detect/quick-scan.test.ts generates frames of every dialect to catch that.
 * Words are ASCII letters, digits and underscores only.
 */
export const ENVELOPE_WORDS: readonly string[] = ['code'];

/**
 * False only when no payload embedded in this JSON text, as a string value (escaped) or as a
 * JSON value, can pass the detector's prefilter (mayHoldEnvelope), so the text need not be
 * parsed to look for envelopes: scans count such a JSON Lines line or HAR socket message and
 * skip it. Why it is safe: inside a JSON string the letters of a word are either themselves or
 * \u00XX escapes (escaping does not touch letters otherwise), so a payload holding a word shows
 * it in the text, unless the text has a "\u00" somewhere, which answers true. One indexOf per
 * word plus one for "u00": the cost of the scan's floor, not of JSON.parse.
 */
export function mayEmbedEnvelope(json: string): boolean {
  for (const word of ENVELOPE_WORDS) if (json.indexOf(word) >= 0) return true;
  for (let at = json.indexOf('u00'); at >= 0; at = json.indexOf('u00', at + 3)) {
    if (json.charCodeAt(at - 1) === 92) return true;
  }
  return false;
}
