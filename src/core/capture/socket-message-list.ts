// Pure: a HAR entry's `_webSocketMessages` read one message at a time as chunks arrive, so a
// socket's hundreds of megabytes are never one string. When scanning (skipQuiet), a text frame
// no finding can come from is counted and left out: a pretty-printed one is judged from its
// lines without parsing (pretty-socket-message.ts; its data by mayEmbedEnvelope), any other is
// parsed and judged by the detector's own prefilter (passesPrefilter). Every message keeps its
// index: the list keeps its length, the quiet ones are holes in it.
import { mayEmbedEnvelope, passesPrefilter } from '../detect/quick-scan.ts';
import { socketMessageOf } from './har-entry.ts';
import { PrettyMessage } from './pretty-socket-message.ts';
import { ValueText } from './value-text.ts';

/** A message that could not be read: it is left out, the others are read. */
export interface FrameProblem {
  /** 0-based index in the list. */
  frame: number;
  /** The last of several messages left out for the same reason, from `frame` on. */
  through?: number;
  why: string;
}

const QUOTE = 34;
const COMMA = 44;
const NEWLINE = 10;
const OPEN_BRACE = 123;
const CLOSE_BRACKET = 93;

function isQuietPretty(text: string, message: PrettyMessage): boolean {
  const { dataFrom: from, dataTo: to } = message;
  return (
    message.flat &&
    PrettyMessage.is(text, message.opcodeFrom, message.opcodeTo, '1') &&
    (PrettyMessage.is(text, message.typeFrom, message.typeTo, '"receive"') ||
      PrettyMessage.is(text, message.typeFrom, message.typeTo, '"send"')) &&
    to - from >= 2 &&
    text.charCodeAt(from) === QUOTE &&
    text.charCodeAt(to - 1) === QUOTE &&
    !mayEmbedEnvelope(text.slice(from + 1, to - 1))
  );
}

/** A parsed message that is a text frame no finding can come from. */
function isQuietParsed(value: unknown): boolean {
  const message = socketMessageOf(value);
  return (
    message !== undefined &&
    message.type !== 'error' &&
    message.opcode === 1 &&
    !passesPrefilter(message.data)
  );
}

export class SocketMessageList {
  /** The messages by index; when skipping quiet frames, those are holes. */
  readonly messages: unknown[] = [];
  /** Messages read, quiet ones included. */
  count = 0;
  quiet = 0;
  readonly problems: FrameProblem[] = [];
  newlines = 0;
  /** Set when the list itself is not valid JSON (a missing comma): the entry cannot be read. */
  broken: string | undefined;

  /** Before the first element, before a later one (after a comma), or after one. */
  private step: 'first' | 'next' | 'after' = 'first';
  /** Where the current line starts in this chunk; -1: in an earlier one. */
  private lineStart = -1;
  /** The current line's whitespace from earlier chunks; undefined once anything else stood on
   * it. An object whose "{" has only whitespace before it may close by its indentation. */
  private indentCarry: string | undefined;
  private value: ValueText | undefined;
  /** The indentation of the last element's line: the next one's is alike, not sliced anew. */
  private itemIndent = '';
  private readonly pretty = new PrettyMessage();

  constructor(
    private readonly skipQuiet: boolean,
    private readonly maxChars: number,
  ) {}

  /** Takes text from `from`; returns the index just past the list's "]", or -1 for more. When
   * the list turns out broken, returns where (broken says why). */
  feed(text: string, from: number): number {
    const n = text.length;
    let i = from;
    this.lineStart = -1;
    while (i < n) {
      if (this.value) {
        const end = this.value.feed(text, i);
        if (end < 0) return -1;
        this.finishValue(this.value);
        this.value = undefined;
        i = end;
        continue;
      }
      const c = text.charCodeAt(i);
      if (c === 10) {
        this.newlines++;
        this.lineStart = i + 1;
        this.indentCarry = '';
        i++;
        continue;
      }
      if (c === 32 || c === 9 || c === 13) {
        i++;
        continue;
      }
      const indent =
        this.indentCarry === undefined
          ? undefined
          : this.lineStart >= 0
            ? this.indentOf(text, this.lineStart, i)
            : this.indentCarry + text.slice(from, i);
      this.indentCarry = undefined;
      if (this.step === 'after') {
        if (c === CLOSE_BRACKET) return i + 1;
        if (c !== COMMA) return this.breaks(i, 'a message is not followed by "," or "]"');
        this.step = 'next';
        i++;
        continue;
      }
      if (c === CLOSE_BRACKET) {
        if (this.step === 'first') return i + 1;
        return this.breaks(i, 'the list ends with ","');
      }
      i = this.element(text, i, c, indent);
    }
    if (this.indentCarry !== undefined) {
      this.indentCarry =
        this.lineStart >= 0 ? text.slice(this.lineStart) : this.indentCarry + text.slice(from);
    }
    return -1;
  }

  /** text[from, to), whitespace: most often the last element's indentation again. */
  private indentOf(text: string, from: number, to: number): string {
    const same = to - from === this.itemIndent.length && text.startsWith(this.itemIndent, from);
    if (!same) this.itemIndent = text.slice(from, to);
    return this.itemIndent;
  }

  /** Reads the element starting at `at`, and the ones right after it laid out alike; returns
   * where reading goes on. */
  private element(text: string, at: number, c: number, indent: string | undefined): number {
    this.step = 'after';
    let open = at;
    if (c === OPEN_BRACE && indent !== undefined) {
      // The common case, whole in this chunk: pretty messages read off their lines, one after
      // the other while each "{" follows the last "}," on a line of the same indentation.
      const message = this.pretty;
      while (text.charCodeAt(open + 1) === NEWLINE && message.read(text, open, indent)) {
        this.newlines += message.newlines;
        this.add(text, open, message);
        const end = message.end;
        const next = end + 2 + indent.length;
        if (
          text.charCodeAt(end) !== COMMA ||
          text.charCodeAt(end + 1) !== NEWLINE ||
          text.charCodeAt(next) !== OPEN_BRACE ||
          !PrettyMessage.is(text, end + 2, next, indent)
        ) {
          return end;
        }
        this.newlines++;
        open = next;
      }
    }
    this.value = new ValueText(
      text[open] as string,
      c === OPEN_BRACE ? indent : undefined,
      this.maxChars,
    );
    return open + 1;
  }

  private finishValue(value: ValueText): void {
    this.newlines += value.lines();
    const text = value.text();
    if (text === undefined) {
      const mb = Math.round(value.length() / 1024 / 1024);
      this.problems.push({
        frame: this.count++,
        why: `${mb} MB, over the ${Math.round(this.maxChars / 1024 / 1024)} MB a message may have`,
      });
      return;
    }
    // A pretty message that spanned chunks, read off its lines now that it is whole.
    const indent = value.pretty() ? /\n([ \t]*)\}$/.exec(text)?.[1] : undefined;
    const message = this.pretty;
    const read =
      indent !== undefined && message.read(text, 0, indent) && message.end === text.length;
    this.add(text, 0, read ? message : undefined, text);
  }

  /** One element: counted, left out when quiet, else parsed and kept. */
  private add(text: string, at: number, pretty: PrettyMessage | undefined, whole?: string): void {
    const index = this.count++;
    if (this.skipQuiet && pretty && isQuietPretty(text, pretty)) {
      this.quiet++;
      return;
    }
    const source = whole ?? text.slice(at, pretty?.end);
    let value: unknown;
    try {
      value = JSON.parse(source);
    } catch (error) {
      const why = error instanceof Error ? error.message : String(error);
      this.problems.push({ frame: index, why: `not valid JSON (${why})` });
      return;
    }
    if (this.skipQuiet && isQuietParsed(value)) {
      this.quiet++;
      return;
    }
    // Kept until the entry ends (its request, with the URL, may come after the list), so what
    // one entry keeps is bounded like an entry's text.
    this.keptChars += source.length;
    if (this.keptChars > this.maxChars) {
      this.unkept ??= { frame: index, through: index, why: '' };
      this.unkept.through = index;
      return;
    }
    this.messages[index] = value;
  }

  /** Characters of the messages kept, and the ones left out once they reached maxChars. */
  private keptChars = 0;
  private unkept: FrameProblem | undefined;

  /** The list has ended: it keeps its length, quiet messages at its end included. */
  finish(): unknown[] {
    this.messages.length = this.count;
    if (this.unkept) {
      const mb = Math.round(this.maxChars / 1024 / 1024);
      this.unkept.why = `past ${mb} MB of frames that may hold an error in one entry, not read`;
      this.problems.push(this.unkept);
      this.unkept = undefined;
    }
    return this.messages;
  }

  private breaks(at: number, why: string): number {
    this.broken = why;
    return at;
  }
}
