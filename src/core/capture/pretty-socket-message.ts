// Pure: one message of a pretty-printed `_webSocketMessages` list read line by line, as Chromium
// writes it, without parsing it:
//   {
//     "type": "receive",
//     "time": 1795166051.869,
//     "opcode": 1,
//     "data": "{\"arg\":{\"channel\":\"tickers\"},...}"
//   }
// Each line holds one key and its value, so where the values of `type`, `opcode` and `data`
// lie can be read off the lines (the last of a repeated key wins, as in JSON.parse). A line of
// any other shape (a nested value, an escaped key) marks the message as not flat: parse it then.
// Hot: a scan meets every frame of a capture here, so nothing is allocated per message and
// the data line, the long one, is crossed by one indexOf.
const QUOTE = 34;
const BACKSLASH = 92;
const CLOSE_BRACE = 125;
const COMMA = 44;
const OPEN_BRACE = 123;
const OPEN_BRACKET = 91;
const SPACE = 32;
const TAB = 9;
const COLON = 58;

/** Where a message's parts lie in the text; filled by read, one object reused for all. */
export class PrettyMessage {
  /** Index just past the message's closing "}". */
  end = -1;
  newlines = 0;
  /** True when every line is `"key": scalar`: the positions below are then the message's. */
  flat = true;
  /** Where each value's raw JSON text starts and ends (-1: absent). */
  typeFrom = -1;
  typeTo = -1;
  opcodeFrom = -1;
  opcodeTo = -1;
  dataFrom = -1;
  dataTo = -1;
  private reset(): void {
    this.end = -1;
    this.newlines = 1;
    this.flat = true;
    this.typeFrom = this.typeTo = this.opcodeFrom = this.opcodeTo = -1;
    this.dataFrom = this.dataTo = -1;
  }

  /**
   * Reads the message whose "{" at `open` ends its line, up to the line holding only `indent`
   * and "}"; false when the text ends first (the message goes on in the next chunk).
   */
  read(text: string, open: number, indent: string): boolean {
    this.reset();
    const depth = indent.length;
    let line = open + 2;
    for (;;) {
      if (text.charCodeAt(line + depth) === CLOSE_BRACE && text.startsWith(indent, line)) {
        this.end = line + depth + 1;
        return true;
      }
      const newline = text.indexOf('\n', line);
      if (newline < 0) return false;
      if (this.flat) this.field(text, line, newline);
      this.newlines++;
      line = newline + 1;
    }
  }

  /** Whether text[from, to) is `expected`: char by char, cheaper than startsWith here. */
  static is(text: string, from: number, to: number, expected: string): boolean {
    if (to - from !== expected.length) return false;
    for (let i = 0; i < expected.length; i++) {
      if (text.charCodeAt(from + i) !== expected.charCodeAt(i)) return false;
    }
    return true;
  }

  /** One `"key": value` line, from `line` to the newline at `end`. */
  private field(text: string, line: number, end: number): void {
    let k = line;
    for (let c = text.charCodeAt(k); c === SPACE || c === TAB; c = text.charCodeAt(++k));
    if (text.charCodeAt(k) !== QUOTE) {
      this.flat = false;
      return;
    }
    // The keys read are told by their length and letters; any other is crossed to its quote.
    let key = OTHER;
    let keyEnd: number;
    if (text.charCodeAt(k + 5) === QUOTE) {
      keyEnd = k + 5;
      key = keyOf4(text, k + 1);
    } else if (text.charCodeAt(k + 7) === QUOTE && PrettyMessage.is(text, k + 1, k + 7, 'opcode')) {
      keyEnd = k + 7;
      key = OPCODE;
    } else {
      keyEnd = text.indexOf('"', k + 1);
      if (keyEnd < 0 || keyEnd >= end) {
        this.flat = false;
        return;
      }
    }
    if (
      text.charCodeAt(keyEnd + 1) !== COLON ||
      (key === OTHER && hasBackslash(text, k + 1, keyEnd))
    ) {
      this.flat = false;
      return;
    }
    const from = keyEnd + (text.charCodeAt(keyEnd + 2) === SPACE ? 3 : 2);
    const to = text.charCodeAt(end - 1) === COMMA ? end - 1 : end;
    const first = text.charCodeAt(from);
    if (to <= from || first === OPEN_BRACE || first === OPEN_BRACKET) {
      this.flat = false;
      return;
    }
    if (key === DATA) {
      this.dataFrom = from;
      this.dataTo = to;
    } else if (key === TYPE) {
      this.typeFrom = from;
      this.typeTo = to;
    } else if (key === OPCODE) {
      this.opcodeFrom = from;
      this.opcodeTo = to;
    }
  }
}

const OTHER = 0;
const DATA = 1;
const TYPE = 2;
const OPCODE = 3;

/** Which of the keys read a four-letter key at `at` is. */
function keyOf4(text: string, at: number): number {
  const a = text.charCodeAt(at);
  const b = text.charCodeAt(at + 1);
  const c = text.charCodeAt(at + 2);
  const d = text.charCodeAt(at + 3);
  if (a === 100 && b === 97 && c === 116 && d === 97) return DATA; // data
  if (a === 116 && b === 121 && c === 112 && d === 101) return TYPE; // type
  return OTHER;
}

function hasBackslash(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === BACKSLASH) return true;
  return false;
}
