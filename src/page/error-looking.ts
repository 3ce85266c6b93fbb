// MAIN world (page): which text frames go to the history's store of important frames, kept
// apart so that a market-data flood cannot push them out. Any "code" key or "error..." key
// counts, except a plain success code: a busy socket's acks ({"code":"0"}, {"code":0}) would
// otherwise fill the 1,000 slots and push the real errors out.
//
// isPlainSuccess is a copy of core/detect/quick-scan.ts's, on purpose: core's calls
// text.indexOf() and text.charCodeAt(), which a page can replace on String.prototype, and the
// wrapper may call only natives captured at document_start. The two are held to the same cases
// (test/unit/page/error-looking.test.ts); a change to one must be made to both.
import type { Natives } from './natives.ts';

type TextNatives = Pick<Natives, 'stringIndexOf' | 'charCodeAt'>;

const QUOTE = 34;
const CODE_TAIL = 'code"';
const ITEM_CODE_TAIL = 'sCode"';

export function createErrorLooking(n: TextNatives) {
  // Starting at 'code"' and checking the quote before it is faster than searching '"code"'
  // (see quick-scan.ts).
  function nextKey(text: string, tail: string, from: number): number {
    for (
      let at = n.stringIndexOf(text, tail, from);
      at >= 0;
      at = n.stringIndexOf(text, tail, at + tail.length)
    ) {
      if (at > 0 && n.charCodeAt(text, at - 1) === QUOTE) return at;
    }
    return -1;
  }

  /** True when the value after the key ending at `end` is 0 or "0". */
  function isZeroAfter(text: string, end: number): boolean {
    let i = end;
    while (n.charCodeAt(text, i) === 32) i++;
    if (n.charCodeAt(text, i) !== 58 /* : */) return false;
    i++;
    while (n.charCodeAt(text, i) === 32) i++;
    const quoted = n.charCodeAt(text, i) === QUOTE;
    if (quoted) i++;
    if (n.charCodeAt(text, i) !== 48 /* 0 */) return false;
    const next = n.charCodeAt(text, i + 1);
    return quoted ? next === QUOTE : !(next >= 48 && next <= 57) && next !== 46;
  }

  /** A frame whose one "code" key is 0 and whose item codes (sCode) are all "0". */
  function isPlainSuccess(text: string): boolean {
    const first = nextKey(text, CODE_TAIL, 0);
    if (first < 0 || !isZeroAfter(text, first + CODE_TAIL.length)) return false;
    if (nextKey(text, CODE_TAIL, first + CODE_TAIL.length) >= 0) return false;
    for (
      let at = n.stringIndexOf(text, ITEM_CODE_TAIL, 0);
      at >= 0;
      at = n.stringIndexOf(text, ITEM_CODE_TAIL, at + 6)
    ) {
      if (!isZeroAfter(text, at + ITEM_CODE_TAIL.length)) return false;
    }
    return true;
  }

  /** Exchange error markers: a "code" key that is not a plain success, or an "error..." key
   * ("error", "errorMsg", "event":"error"). */
  function looksLikeError(text: string): boolean {
    if (n.stringIndexOf(text, '"error', 0) !== -1) return true;
    return nextKey(text, CODE_TAIL, 0) >= 0 && !isPlainSuccess(text);
  }

  return { isPlainSuccess, looksLikeError };
}
