// Pure: collects the text of one JSON value (an element of a list) as chunks arrive and finds
// where it ends: by its closing line when it is a pretty-printed object (closing-line.ts), by the
// bracket-counting scanner for any other object, array or string, at the next delimiter for a
// number, true, false or null. A value longer than its limit is measured but not kept.
import { ClosingLine } from './closing-line.ts';
import { JsonValueScanner } from './json-value-scanner.ts';

const QUOTE = 34;
const OPEN_BRACE = 123;
const OPEN_BRACKET = 91;

/** Where a number, true, false or null ends: the first character of none of them. */
const SCALAR_END = /[\s,\]}]/g;

export class ValueText {
  private parts: string[];
  private chars: number;
  private tooBig = false;
  private closing: ClosingLine | undefined;
  private scanner: JsonValueScanner | undefined;
  private first: boolean;

  /**
   * Starts at the value's first character, consumed (`opening`); `indent` is what stood before
   * an object's "{" on its line, when only whitespace did.
   */
  constructor(
    opening: string,
    indent: string | undefined,
    private readonly maxChars: number,
  ) {
    this.parts = [opening];
    this.chars = 1;
    const c = opening.charCodeAt(0);
    this.first = c === OPEN_BRACE && indent !== undefined;
    if (this.first) {
      this.closing = new ClosingLine(`\n${indent}}`);
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      this.scanner = new JsonValueScanner();
      this.scanner.openContainer();
    } else if (c === QUOTE) {
      this.scanner = new JsonValueScanner();
      this.scanner.openString();
    }
  }

  /** Takes text from `from`; returns the index just past the value, or -1 for more. */
  feed(text: string, from: number): number {
    if (this.first && from < text.length) {
      this.first = false;
      // Only an object whose "{" ends its line can be closed by its indentation.
      if (text.charCodeAt(from) !== 10) {
        this.closing = undefined;
        this.scanner = new JsonValueScanner();
        this.scanner.openContainer();
      }
    }
    let end: number;
    if (this.closing) end = this.closing.find(text, from);
    else if (this.scanner) end = this.scanner.scan(text, from);
    else {
      SCALAR_END.lastIndex = from;
      end = SCALAR_END.exec(text)?.index ?? -1;
    }
    this.keep(end < 0 ? text.slice(from) : text.slice(from, end));
    return end;
  }

  /** Newlines inside the value. */
  lines(): number {
    return this.closing?.newlines ?? this.scanner?.newlines ?? 0;
  }

  /** True when the value was a pretty-printed object, closed by its indentation. */
  pretty(): boolean {
    return this.closing !== undefined;
  }

  /** The value's whole text, or undefined when it was longer than its limit. */
  text(): string | undefined {
    if (this.tooBig) return undefined;
    const text = this.parts.join('');
    this.parts = [];
    return text;
  }

  /** Characters seen, kept or not. */
  length(): number {
    return this.chars;
  }

  private keep(part: string): void {
    this.chars += part.length;
    if (this.tooBig) return;
    if (this.chars > this.maxChars) {
      this.tooBig = true;
      this.parts = [];
      return;
    }
    this.parts.push(part);
  }
}
