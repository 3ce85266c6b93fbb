// Pure: collects the text of one HAR entry as chunks arrive, finds where it ends, and parses it.
// Its `_webSocketMessages` list (a socket's every frame, Chromium puts them in one entry: tens
// or hundreds of MB) is not collected: it is read one message at a time by
// socket-message-list.ts, and only the rest of the entry (request, response: small) is parsed
// whole, with the messages put back in place. Two ways to find the end and the list. In a
// pretty-printed file an entry whose "{" ends its line closes at its closing line
// (closing-line.ts) and its list starts on a line of its keys' indentation: searches, no
// walk. Anything else goes through the bracket-counting scanner, which stops at the list.
import { ClosingLine, tailAfter } from './closing-line.ts';
import { JsonValueScanner } from './json-value-scanner.ts';
import { type FrameProblem, SocketMessageList } from './socket-message-list.ts';

/** An entry's text without its messages, and any one message, may be this long: JSON.parse
 * of a longer string already takes a gigabyte or two. A longer one is skipped, and said so. */
export const MAX_HAR_ENTRY_CHARS = 256 * 1024 * 1024;

const MESSAGES_KEY = '_webSocketMessages';
/** The list's opening as a pretty printer writes it, after the quote that opens its key on a
 * line of the entry's keys; searched from its "_", far rarer in a HAR than a quote. */
export const MESSAGES_HEAD = `${MESSAGES_KEY}": [`;
/** Characters kept from the end of a chunk to find an opening cut by the next chunk. */
const TAIL_CHARS = 256;

export type ParsedEntry =
  | { ok: true; entry: unknown; quietFrames: number; frameProblems: FrameProblem[] }
  | { ok: false; why: string };

/** The next MESSAGES_HEAD in a chunk, searched once for all the entries in it. */
export class MessagesHeadSearch {
  private text: string | undefined;
  private from = 0;
  private found = -1;

  next(text: string, from: number): number {
    if (text !== this.text || from < this.from || (this.found >= 0 && this.found < from)) {
      this.text = text;
      this.from = from;
      this.found = text.indexOf(MESSAGES_HEAD, from);
    }
    return this.found;
  }
}

export class HarEntryText {
  private readonly scanner = new JsonValueScanner();
  private parts: string[] = ['{'];
  private chars = 1;
  private tooBig = false;
  /** The closing line of a pretty entry; undefined: the scanner finds the end. */
  private closing: ClosingLine | undefined;
  private first = true;
  /** The entry's first characters, where the indentation of its keys is read. */
  private head = '{';
  /** "\n", the indentation of the entry's keys and a quote; null when they have none. */
  private keyLine: string | null | undefined;
  /** The last characters of the entry's text before this chunk, for a list head cut by it. */
  private tail = '';
  /** The list being read, then the last one read (a repeated key: the last wins). */
  private list: SocketMessageList | undefined;
  private reading = false;
  private broken: string | undefined;
  private listNewlines = 0;

  /** Starts after the entry's "{"; `indent` is what stood before it on its line, if only space. */
  constructor(
    indent: string | undefined,
    private readonly skipQuietFrames: boolean,
    private readonly heads: MessagesHeadSearch,
  ) {
    if (indent !== undefined) this.closing = new ClosingLine(`\n${indent}}`);
    else this.scan();
  }

  private scan(): void {
    this.closing = undefined;
    this.scanner.openContainer();
    this.scanner.watchedKey = MESSAGES_KEY;
  }

  /** Takes text from `from`; returns the index just past the entry's "}", or -1 for more. */
  feed(text: string, from: number): number {
    if (this.first && from < text.length) {
      this.first = false;
      // Only an entry whose "{" ends its line can be closed by its indentation.
      if (this.closing !== undefined && text.charCodeAt(from) !== 10) this.scan();
    }
    let at = from;
    for (;;) {
      if (this.reading) {
        const end = this.readList(text, at);
        if (end < 0) return -1;
        at = end;
        continue;
      }
      const end = this.closing ? this.findPretty(text, at) : this.findScanned(text, at);
      if (end !== 'list') return end;
      at = this.listFrom;
    }
  }

  /** Where the list found by findPretty or findScanned starts (just past its "["). */
  private listFrom = 0;

  private findScanned(text: string, from: number): number | 'list' {
    const end = this.scanner.scan(text, from);
    this.keep(text, from, end < 0 ? text.length : end);
    if (end < 0 || !this.scanner.atWatchedKey) return end;
    this.openList(end);
    return 'list';
  }

  private findPretty(text: string, from: number): number | 'list' {
    const closing = this.closing as ClosingLine;
    // A list head cut by the chunk boundary: no closing line can come before it.
    const cut = from === 0 && this.tail !== '' ? this.headAcrossSeam(text) : undefined;
    if (cut !== undefined) return this.listAt(text, from, cut);
    for (let at = from; ; ) {
      // Cheap to find, so a candidate is checked only when it comes before the closing line.
      const head = this.heads.next(text, at);
      const end = closing.find(text, at, head < 0 ? text.length : head);
      if (end >= 0) {
        this.keep(text, from, end);
        return end;
      }
      if (head < 0) {
        this.keep(text, from, text.length);
        this.tail = tailAfter(this.tail, text, from, TAIL_CHARS);
        return -1;
      }
      if (this.startsKeyLine(text, head, from)) return this.listAt(text, from, head);
      // The same words as a key of some value inside the entry: search on.
      at = head + 1;
    }
  }

  /** Starts reading the list whose head starts at `head` (negative: in the previous chunk). */
  private listAt(text: string, from: number, head: number): 'list' {
    const listFrom = head + MESSAGES_HEAD.length;
    this.keep(text, from, listFrom);
    this.closing?.restart();
    this.openList(listFrom);
    return 'list';
  }

  /** Where a list head that began in the previous chunk starts (negative), if one did. */
  private headAcrossSeam(text: string): number | undefined {
    const seam = this.tail + text.slice(0, MESSAGES_HEAD.length - 1);
    const at = seam.indexOf(MESSAGES_HEAD);
    if (at < 0 || at >= this.tail.length) return undefined;
    const line = this.keyLineOf(text, 0, 0);
    return line && seam.startsWith(line, at - line.length) ? at - this.tail.length : undefined;
  }

  /** Whether what precedes `at` is "\n", the indentation of the entry's keys and a quote: then
   * `at` is a key of the entry itself, not of a value inside it. */
  private startsKeyLine(text: string, at: number, from: number): boolean {
    const line = this.keyLineOf(text, from, at);
    if (!line) return false;
    if (at >= line.length) return text.startsWith(line, at - line.length);
    // Cut by the chunk boundary: the rest of it ended the previous chunk.
    return (this.tail + text.slice(0, at)).endsWith(line);
  }

  /** "\n", the keys' indentation and the quote that opens a key, read from the entry's
   * beginning once it is there; null when its keys are not laid out on lines of their own. */
  private keyLineOf(text: string, from: number, until: number): string | null {
    if (this.keyLine !== undefined) return this.keyLine;
    const start = this.head + text.slice(from, Math.max(from, until + 1));
    const indent = /^\{\n([ \t]+)"/.exec(start)?.[1];
    if (indent !== undefined) this.keyLine = `\n${indent}"`;
    else if (/^\{\s*[^\s]/.test(start)) this.keyLine = null;
    return this.keyLine ?? null;
  }

  private openList(from: number): void {
    this.listFrom = from;
    this.reading = true;
    this.tail = '';
    this.list = new SocketMessageList(this.skipQuietFrames, MAX_HAR_ENTRY_CHARS);
  }

  private readList(text: string, from: number): number {
    const list = this.list as SocketMessageList;
    const end = list.feed(text, from);
    if (end < 0) return -1;
    this.reading = false;
    this.listNewlines += list.newlines;
    list.newlines = 0;
    if (list.broken === undefined) {
      // The entry keeps an empty list where the messages were; parse() puts them back.
      this.keep(']', 0, 1);
      return end;
    }
    // Not a list to read: the entry is reported as not JSON; only its end is still wanted.
    this.broken = `in ${MESSAGES_KEY}: ${list.broken}`;
    this.list = undefined;
    if (this.closing === undefined) {
      this.scanner.watchedKey = undefined;
      this.scanner.depth = 2;
    }
    return end;
  }

  /** Newlines inside the entry, wherever they were counted. */
  lines(): number {
    return (
      (this.closing?.newlines ?? 0) +
      this.scanner.newlines +
      this.listNewlines +
      (this.reading ? (this.list?.newlines ?? 0) : 0)
    );
  }

  /** Keeps text[from, to) of the entry. While the entry began in the same text, its part is
   * one slice from its "{": parsed as it is, with no copy made to join parts. */
  private keep(text: string, from: number, to: number): void {
    const alone =
      this.parts.length === 1 && this.chars === 1 && from > 0 && text.charCodeAt(from - 1) === 123;
    const part = alone ? text.slice(from - 1, to) : text.slice(from, to);
    if (this.head.length < TAIL_CHARS) {
      // Only as much of the part as the head lacks: a part may be most of a chunk.
      this.head = alone
        ? part.slice(0, TAIL_CHARS)
        : this.head + part.slice(0, TAIL_CHARS - this.head.length);
    }
    if (this.tooBig) return;
    this.chars += to - from;
    if (this.chars > MAX_HAR_ENTRY_CHARS) {
      this.tooBig = true;
      this.parts = [];
      return;
    }
    if (alone) this.parts[0] = part;
    else this.parts.push(part);
  }

  parse(): ParsedEntry {
    if (this.tooBig) {
      const mb = Math.round(this.chars / 1024 / 1024);
      return {
        ok: false,
        why: `${mb} MB without its messages, over the ${MAX_HAR_ENTRY_CHARS / 1024 / 1024} MB an entry may have`,
      };
    }
    if (this.broken !== undefined) return { ok: false, why: `not valid JSON (${this.broken})` };
    const text = this.parts.length === 1 ? (this.parts[0] as string) : this.parts.join('');
    this.parts = [];
    let entry: unknown;
    try {
      entry = JSON.parse(text);
    } catch (error) {
      return {
        ok: false,
        why: `not valid JSON (${error instanceof Error ? error.message : String(error)})`,
      };
    }
    const list = this.list;
    if (!list) return { ok: true, entry, quietFrames: 0, frameProblems: [] };
    const record = entry as Record<string, unknown>;
    const kept = record[MESSAGES_KEY];
    // Unless a later copy of the key, not read as a list, replaced it (JSON.parse keeps the last).
    if (Array.isArray(kept) && kept.length === 0) record[MESSAGES_KEY] = list.finish();
    return { ok: true, entry, quietFrames: list.quiet, frameProblems: list.problems };
  }
}
