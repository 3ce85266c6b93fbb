// Pure: finds where one JSON value ends in text that arrives in chunks, without parsing it:
// brackets are counted outside strings, and a string ends at the first quote not escaped by an
// odd run of backslashes. Strings are crossed with indexOf, so the megabytes of frame text a
// HAR holds cost little more than a search. Newlines are counted outside strings only (JSON
// strings cannot hold a raw one), which is where a pretty-printed file breaks its lines.
const QUOTE = 34;
const BACKSLASH = 92;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;
const NEWLINE = 10;

export class JsonValueScanner {
  /** Open brackets of the value being scanned; 0 between values. */
  depth = 0;
  inString = false;
  /** Backslashes that ended the previous chunk inside a string: they may escape its first quote. */
  private carriedBackslashes = 0;
  /** Newlines seen outside strings. */
  newlines = 0;

  /** Starts a container value whose opening bracket has been consumed. */
  openContainer(): void {
    this.depth = 1;
    this.inString = false;
    this.carriedBackslashes = 0;
  }

  /** Starts a string value whose opening quote has been consumed. */
  openString(): void {
    this.depth = 0;
    this.inString = true;
    this.carriedBackslashes = 0;
  }

  /**
   * Scans `chunk` from `from`; returns the index just past the value's last character, or -1
   * when the chunk ends inside the value (call again with the next chunk, from 0).
   */
  scan(chunk: string, from: number): number {
    const n = chunk.length;
    let i = from;
    while (i < n) {
      if (this.inString) {
        const quote = chunk.indexOf('"', i);
        if (quote < 0) {
          this.carriedBackslashes = this.trailingBackslashes(chunk, i, n);
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
        continue;
      }
      const c = chunk.charCodeAt(i);
      if (c === QUOTE) {
        this.inString = true;
        this.carriedBackslashes = 0;
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
    return -1;
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
