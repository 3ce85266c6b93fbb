// Pure: the lines of text that arrives in chunks, numbered from 1, without ever holding more
// than the current line. A line longer than the limit is not kept (it would be one huge
// string to parse): it is yielded as `tooLong` with its length, and the next lines go on.

/** No JSON Lines event is anywhere near this long; a longer line is reported and skipped. */
export const MAX_LINE_CHARS = 64 * 1024 * 1024;

export interface SplitLine {
  /** 1-based. */
  number: number;
  /** The line without its "\n" (a "\r" before it is kept: JSON.parse reads it as space). */
  text: string;
  /** Set when the line was longer than the limit: `text` is then empty. */
  tooLong?: number;
}

export class LineSplitter {
  private number = 0;
  /** Pieces of a line that spans chunks: joined once, when it ends. */
  private pieces: string[] = [];
  private pending = 0;
  private first = true;

  constructor(private readonly maxChars = MAX_LINE_CHARS) {}

  *push(chunk: string): Generator<SplitLine> {
    let text = chunk;
    if (this.first) {
      this.first = false;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    let start = 0;
    for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
      yield this.finish(text, start, end);
      start = end + 1;
    }
    if (start < text.length) this.hold(text.slice(start));
  }

  *end(): Generator<SplitLine> {
    if (this.pending > 0 || this.pieces.length > 0) yield this.finish('', 0, 0);
  }

  private hold(part: string): void {
    this.pending += part.length;
    if (this.pending > this.maxChars) this.pieces = [];
    else this.pieces.push(part);
  }

  private finish(text: string, start: number, end: number): SplitLine {
    const number = ++this.number;
    if (this.pending === 0) {
      if (end - start > this.maxChars) return { number, text: '', tooLong: end - start };
      return { number, text: text.slice(start, end) };
    }
    const length = this.pending + (end - start);
    const pieces = this.pieces;
    this.pieces = [];
    this.pending = 0;
    if (length > this.maxChars) return { number, text: '', tooLong: length };
    pieces.push(text.slice(start, end));
    return { number, text: pieces.join('') };
  }
}
