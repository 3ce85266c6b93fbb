// Pure: collects the text of one HAR entry as chunks arrive, finds where it ends, and parses it.
// Two ways to find the end. In a pretty-printed file (what Chromium, Firefox and Playwright
// write) an entry whose "{" ends its line closes at the first later line holding only its own
// indentation and "}": deeper lines are indented more and JSON strings hold no raw newline, so
// one indexOf finds it. Anything else goes through the bracket-counting scanner.
// Before parsing a pretty entry, its WebSocket frames that no finding can come from (text frames
// whose data holds nothing the detector's prefilter reads) are replaced by null: they are
// counted, not parsed, and a frame keeps its index because the list keeps its length.
import { mayEmbedEnvelope } from '../detect/quick-scan.ts';
import { JsonValueScanner } from './json-value-scanner.ts';

/** An entry bigger than this is skipped, said so, and the scan goes on: JSON.parse of a
 * string this long already takes a gigabyte or two. */
export const MAX_HAR_ENTRY_CHARS = 256 * 1024 * 1024;

export type ParsedEntry =
  | { ok: true; entry: unknown; quietFrames: number }
  | { ok: false; why: string };

/**
 * text.indexOf(line, from) for a line "\n" + indentation + "}": searched by its brace, far
 * rarer in a pretty document than the newline that starts it (one every line).
 */
export function indexOfClosingLine(text: string, line: string, from: number): number {
  const before = line.length - 1;
  for (
    let brace = text.indexOf('}', from + before);
    brace >= 0;
    brace = text.indexOf('}', brace + 1)
  ) {
    if (text.startsWith(line, brace - before)) return brace - before;
  }
  return -1;
}

function countNewlines(text: string, from: number, to: number): number {
  let count = 0;
  for (let at = text.indexOf('\n', from); at >= 0 && at < to; at = text.indexOf('\n', at + 1)) {
    count++;
  }
  return count;
}

/**
 * The entry's text with quiet socket frames as null, and how many; undefined when the entry is
 * not laid out as expected (then it is parsed whole).
 */
export function withoutQuietFrames(
  text: string,
  indent: string,
): { text: string; quiet: number } | undefined {
  const keyIndent = /^\{\n([ \t]+)"/.exec(text)?.[1];
  if (!keyIndent?.startsWith(indent) || keyIndent === indent) return undefined;
  const head = `\n${keyIndent}"_webSocketMessages": [\n`;
  const start = text.indexOf(head);
  if (start < 0) return undefined;
  const itemIndent = keyIndent + keyIndent.slice(indent.length);
  const open = `${itemIndent}{\n`;
  const close = `\n${itemIndent}}`;
  const parts: string[] = [];
  let quiet = 0;
  /** Where the text not yet copied into parts begins. */
  let kept = 0;
  let at = start + head.length;
  while (text.startsWith(open, at)) {
    const end = indexOfClosingLine(text, close, at + open.length);
    if (end < 0) return undefined;
    const stop = end + close.length;
    const frame = text.slice(at, stop);
    // From the data on: the key "opcode" itself spells the word "code".
    const data = frame.indexOf('"data": ');
    if (
      data >= 0 &&
      /"opcode": 1[,\n]/.test(frame) &&
      !frame.includes('"type": "error"') &&
      !mayEmbedEnvelope(frame.slice(data))
    ) {
      parts.push(text.slice(kept, at), 'null');
      kept = stop;
      quiet++;
    }
    // The next frame after ",\n", or the end of the list.
    at = text.startsWith(',\n', stop) ? stop + 2 : -1;
    if (at < 0) break;
  }
  if (quiet === 0) return { text, quiet };
  parts.push(text.slice(kept));
  return { text: parts.join(''), quiet };
}

export class HarEntryText {
  private readonly scanner = new JsonValueScanner();
  private parts: string[] = [];
  private chars = 0;
  private tooBig = false;
  /** The closing line of a pretty entry ("\n" + indentation + "}"); undefined: scanner. */
  private closer: string | undefined;
  private indent = '';
  /** The last characters collected, where a closer split by a chunk boundary begins. */
  private tail = '';
  private first = true;
  /** Newlines inside the entry so far. */
  newlines = 0;

  /** Starts after the entry's "{"; `indent` is what stood before it on its line, if only space. */
  constructor(
    indent: string | undefined,
    private readonly skipQuietFrames = false,
  ) {
    this.parts.push('{');
    this.chars = 1;
    if (indent !== undefined) {
      this.indent = indent;
      this.closer = `\n${indent}}`;
    } else {
      this.scanner.openContainer();
    }
  }

  /** Takes text from `from`; returns the index just past the entry's "}", or -1 for more. */
  feed(text: string, from: number): number {
    if (this.first && from < text.length) {
      this.first = false;
      // Only an entry whose "{" ends its line can be closed by its indentation.
      if (this.closer !== undefined && text.charCodeAt(from) !== 10) {
        this.closer = undefined;
        this.scanner.openContainer();
      }
    }
    const end =
      this.closer === undefined ? this.scanner.scan(text, from) : this.findCloser(text, from);
    this.keep(text.slice(from, end < 0 ? text.length : end));
    return end;
  }

  private findCloser(text: string, from: number): number {
    const closer = this.closer as string;
    let end = -1;
    // A closer cut by the chunk boundary: search the previous tail and this chunk's start.
    if (from === 0 && this.tail !== '') {
      const seam = this.tail + text.slice(0, closer.length - 1);
      const at = seam.indexOf(closer);
      if (at >= 0) end = at + closer.length - this.tail.length;
    }
    if (end < 0) {
      const at = indexOfClosingLine(text, closer, from);
      if (at >= 0) end = at + closer.length;
    }
    const stop = end < 0 ? text.length : end;
    this.newlines += countNewlines(text, from, stop);
    // Kept across chunks however small they are: a closer may span several.
    if (end < 0) this.tail = (this.tail + text.slice(from)).slice(1 - closer.length);
    return end;
  }

  /** Newlines inside the entry, wherever they were counted. */
  lines(): number {
    return this.newlines + this.scanner.newlines;
  }

  private keep(part: string): void {
    if (this.tooBig) return;
    this.chars += part.length;
    if (this.chars > MAX_HAR_ENTRY_CHARS) {
      this.tooBig = true;
      this.parts = [];
      return;
    }
    this.parts.push(part);
  }

  parse(): ParsedEntry {
    if (this.tooBig) {
      const mb = Math.round(this.chars / 1024 / 1024);
      return {
        ok: false,
        why: `${mb} MB, over the ${MAX_HAR_ENTRY_CHARS / 1024 / 1024} MB an entry may have`,
      };
    }
    const text = this.parts.join('');
    this.parts = [];
    const reduced =
      this.skipQuietFrames && this.closer !== undefined
        ? withoutQuietFrames(text, this.indent)
        : undefined;
    if (reduced && reduced.quiet > 0) {
      try {
        return { ok: true, entry: JSON.parse(reduced.text), quietFrames: reduced.quiet };
      } catch {
        // Read it whole below, so the error names what is wrong with the entry as written.
      }
    }
    try {
      return { ok: true, entry: JSON.parse(text), quietFrames: 0 };
    } catch (error) {
      return {
        ok: false,
        why: `not valid JSON (${error instanceof Error ? error.message : String(error)})`,
      };
    }
  }
}
