// Pure: the end of a pretty-printed JSON object in text that arrives in chunks. An object whose
// "{" ends its line closes at the first later line holding only its own indentation and "}":
// deeper lines are indented more and JSON strings hold no raw newline, so one search finds it,
// however much text (bodies, frames) lies between. Chromium, Firefox and Playwright write HARs so.

/**
 * text.indexOf(line, from) for a line "\n" + indentation + "}", among matches that start before
 * `to`: searched by its brace, far rarer in a pretty document than the newline that starts it.
 */
export function indexOfClosingLine(
  text: string,
  line: string,
  from: number,
  to = text.length,
): number {
  const before = line.length - 1;
  for (
    let brace = text.indexOf('}', from + before);
    brace >= 0 && brace - before < to;
    brace = text.indexOf('}', brace + 1)
  ) {
    if (text.startsWith(line, brace - before)) return brace - before;
  }
  return -1;
}

/**
 * The last `length` characters of `tail` followed by text[from..]: without building the whole
 * concatenation, which V8 would copy (a chunk is a megabyte) to slice it.
 */
export function tailAfter(tail: string, text: string, from: number, length: number): string {
  if (text.length - from >= length) return text.slice(text.length - length);
  return (tail + text.slice(from)).slice(-length);
}

export function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let at = text.indexOf('\n', from); at >= 0 && at < to; at = text.indexOf('\n', at + 1)) {
    count++;
  }
  return count;
}

/** Finds one object's closing line across chunks, counting the newlines before it. */
export class ClosingLine {
  /** The last characters searched, where a closing line cut by a chunk boundary begins. */
  private tail = '';
  newlines = 0;

  constructor(readonly line: string) {}

  /**
   * The index just past the "}" when the closing line starts before `to` (text[from, to) is the
   * object's, up to it), or -1. Pass each chunk from 0 unless the object starts in it.
   */
  find(text: string, from: number, to = text.length): number {
    const { line } = this;
    let end = -1;
    // A closing line cut by the chunk boundary: search the previous tail and this chunk's start.
    if (from === 0 && this.tail !== '') {
      const seam = this.tail + text.slice(0, line.length - 1);
      const at = seam.indexOf(line);
      if (at >= 0 && at - this.tail.length < to) end = at + line.length - this.tail.length;
    }
    if (end < 0) {
      const at = indexOfClosingLine(text, line, from, to);
      if (at >= 0) end = at + line.length;
    }
    this.newlines += countNewlines(text, from, end < 0 ? to : end);
    if (end < 0) {
      // Kept across chunks however small they are: a closing line may span several.
      this.tail = to === text.length ? tailAfter(this.tail, text, from, line.length - 1) : '';
    }
    return end;
  }

  /** The object's text goes on elsewhere (a list read apart): no closing line spans the gap. */
  restart(): void {
    this.tail = '';
  }
}
