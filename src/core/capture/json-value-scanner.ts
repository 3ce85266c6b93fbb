// Pure: finds where one JSON value ends in text that arrives in chunks, without parsing it:
// brackets are counted outside strings, and a string ends at the first quote not escaped by an
// odd run of backslashes. Strings are crossed with indexOf, so the megabytes of frame text a
// HAR holds cost little more than a search. Newlines are counted outside strings only (JSON
// strings cannot hold a raw one), which is where a pretty-printed file breaks its lines.
// It can also stop at one key of the outermost object: `"key": [` at depth 1, so a caller can
// read that array element by element (a HAR entry's `_webSocketMessages`).
const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const NEWLINE = 10;
const COLON = 58;

function isSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

export class JsonValueScanner {
  /** Open brackets of the value being scanned; 0 between values. */
  depth = 0;
  inString = false;
  /** Backslashes that ended the previous chunk inside a string: they may escape its first quote. */
  private carriedBackslashes = 0;
  /** Newlines seen outside strings. */
  newlines = 0;
  /** A key of the outermost object to stop at when its value is an array (see scan). */
  watchedKey: string | undefined;
  /** Where the current depth-1 string's text starts in this chunk; -1 when it started before. */
  private keyStart = -1;
  /** The current depth-1 string's text from earlier chunks, while it may still be the key. */
  private keyHead: string | undefined;
  /** 1: the watched key has just ended; 2: its colon followed. */
  private keyState = 0;

  /** Starts a container value whose opening bracket has been consumed. */
  openContainer(): void {
    this.depth = 1;
    this.inString = false;
    this.carriedBackslashes = 0;
    this.keyState = 0;
  }

  /** Starts a string value whose opening quote has been consumed. */
  openString(): void {
    this.depth = 0;
    this.inString = true;
    this.carriedBackslashes = 0;
  }

  /** True when scan stopped at the watched key's "[" rather than at the value's end. */
  atWatchedKey = false;

  /**
   * Scans `chunk` from `from`; returns the index just past the value's last character, or -1
   * when the chunk ends inside the value (call again with the next chunk, from 0). With a
   * watchedKey, returns the index just past the "[" of that key's array (atWatchedKey is then
   * true): the caller reads the array and calls again from just past its "]".
   */
  scan(chunk: string, from: number): number {
    const n = chunk.length;
    let i = from;
    this.atWatchedKey = false;
    while (i < n) {
      if (this.inString) {
        const quote = chunk.indexOf('"', i);
        if (quote < 0) {
          this.carriedBackslashes = this.trailingBackslashes(chunk, i, n);
          if (this.depth === 1 && this.watchedKey !== undefined) this.holdKeyHead(chunk);
          return -1;
        }
        let run = 0;
        let k = quote - 1;
        while (k >= i && chunk.charCodeAt(k) === BACKSLASH) {
          run++;
          k--;
        }
        if (k < i && i === 0) run += this.carriedBackslashes;
        this.carriedBackslashes = 0;
        i = quote + 1;
        if (run % 2 === 1) continue;
        this.inString = false;
        if (this.depth === 0) return i;
        if (this.depth === 1 && this.watchedKey !== undefined) {
          this.keyState = this.isWatchedKey(chunk, quote) ? 1 : 0;
        }
        continue;
      }
      const c = chunk.charCodeAt(i);
      if (this.keyState !== 0 && !isSpace(c)) {
        if (this.keyState === 1 && c === COLON) {
          this.keyState = 2;
          i++;
          continue;
        }
        const opensList = this.keyState === 2 && c === OPEN_BRACKET;
        this.keyState = 0;
        if (opensList) {
          this.atWatchedKey = true;
          return i + 1;
        }
      }
      if (c === QUOTE) {
        this.inString = true;
        this.carriedBackslashes = 0;
        if (this.depth === 1) {
          this.keyStart = i + 1;
          this.keyHead = undefined;
        }
      } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
        this.depth++;
      } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
        this.depth--;
        if (this.depth === 0) return i + 1;
      } else if (c === NEWLINE) {
        this.newlines++;
      }
      i++;
    }
    // The chunk ended just after a string's opening quote.
    if (this.inString && this.depth === 1 && this.watchedKey !== undefined) this.holdKeyHead(chunk);
    return -1;
  }

  /** Whether the depth-1 string ending at `quote` is the watched key, as written (unescaped). */
  private isWatchedKey(chunk: string, quote: number): boolean {
    const key = this.watchedKey as string;
    if (this.keyStart >= 0) {
      return quote - this.keyStart === key.length && chunk.startsWith(key, this.keyStart);
    }
    return this.keyHead !== undefined && this.keyHead + chunk.slice(0, quote) === key;
  }

  /** The chunk ends inside a depth-1 string: keep its text while it is short enough to match. */
  private holdKeyHead(chunk: string): void {
    const key = this.watchedKey as string;
    const head =
      this.keyStart >= 0
        ? chunk.slice(this.keyStart)
        : this.keyHead === undefined
          ? undefined
          : this.keyHead + chunk;
    this.keyHead = head !== undefined && head.length <= key.length ? head : undefined;
    this.keyStart = -1;
  }

  private trailingBackslashes(chunk: string, from: number, n: number): number {
    let run = 0;
    let k = n - 1;
    while (k >= from && chunk.charCodeAt(k) === BACKSLASH) {
      run++;
      k--;
    }
    // A chunk of nothing but backslashes continues the previous chunk's run.
    return k < from && from === 0 ? run + this.carriedBackslashes : run;
  }
}
