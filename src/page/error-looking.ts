// MAIN world (page): which text frames go to the history's store of important frames, kept
// apart so that a market-data flood cannot push them out: an "error..." key, or a code key of
// any dialect ("code", Bybit's "retCode" and "ret_code", OKX's "sCode") or Bybit's "ret_..."
// keys (its failed ops carry no code), except a plain success: a busy socket's acks
// ({"code":"0"}, {"retCode":0}) would otherwise fill the 1,000 slots and push real errors out.
//
// isPlainSuccess is a copy of core/detect/quick-scan.ts's, on purpose: core's calls
// text.indexOf(), charCodeAt(), slice() and startsWith(), which a page can replace on
// String.prototype, and the wrapper may call only natives captured at document_start. The two
// are held to the same cases and to each other (test/unit/page/error-looking.test.ts): a change
// to one must be made to both.
import type { Natives } from './natives.ts';

type TextNatives = Pick<Natives, 'stringIndexOf' | 'charCodeAt'>;

const QUOTE = 34;
const UNDERSCORE = 95;
const LOWER_C = 99;
const UPPER_C = 67;
/** The tail every code key shares: code", Code", ret_code". */
const CODE_TAIL = 'ode"';
const RET_MSG_TAIL = '_msg"';
/** As core's RET_MSG_WINDOW: how far into a frame "ret_msg" is looked for. */
const RET_MSG_WINDOW = 2048;

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

export function createErrorLooking(n: TextNatives) {
  /** Where the next code key's "c"/"C" stands, or -1 (see quick-scan.ts nextCodeKey). */
  function nextCodeKey(text: string, from: number): number {
    for (
      let at = n.stringIndexOf(text, CODE_TAIL, from);
      at >= 0;
      at = n.stringIndexOf(text, CODE_TAIL, at + 4)
    ) {
      if (at < 2) continue;
      const c = n.charCodeAt(text, at - 1);
      const before = n.charCodeAt(text, at - 2);
      if (c === LOWER_C && (before === QUOTE || before === UNDERSCORE)) return at - 1;
      if (c === UPPER_C && isLetter(before)) return at - 1;
    }
    return -1;
  }

  /** A "ret_msg" key that starts in the frame's first RET_MSG_WINDOW characters. */
  function hasRetMsgKey(text: string): boolean {
    for (
      let at = n.stringIndexOf(text, RET_MSG_TAIL, 0);
      at >= 0 && at + RET_MSG_TAIL.length <= RET_MSG_WINDOW;
      at = n.stringIndexOf(text, RET_MSG_TAIL, at + 5)
    ) {
      if (
        at >= 4 &&
        n.charCodeAt(text, at - 4) === QUOTE &&
        n.charCodeAt(text, at - 3) === 114 /* r */ &&
        n.charCodeAt(text, at - 2) === 101 /* e */ &&
        n.charCodeAt(text, at - 1) === 116 /* t */
      ) {
        return true;
      }
    }
    return false;
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

  /** A frame whose code keys are all 0 or "0", and without Bybit's ret_msg. */
  function isPlainSuccess(text: string): boolean {
    let at = nextCodeKey(text, 0);
    if (at < 0) return false;
    for (; at >= 0; at = nextCodeKey(text, at + 5)) {
      if (!isZeroAfter(text, at + 5)) return false;
    }
    return !hasRetMsgKey(text);
  }

  /** Exchange error markers ("error", "errorMsg", "event":"error", a code key, "ret_..."),
   * unless every code the frame carries is a plain zero. */
  function looksLikeError(text: string): boolean {
    if (n.stringIndexOf(text, '"error', 0) !== -1) return true;
    const marked = nextCodeKey(text, 0) >= 0 || n.stringIndexOf(text, '"ret_', 0) !== -1;
    return marked && !isPlainSuccess(text);
  }

  return { isPlainSuccess, looksLikeError };
}
