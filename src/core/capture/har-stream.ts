// Pure: the entries of a HAR document read from text chunks as they arrive (an fs stream in the
// CLI, File.stream() through TextDecoderStream in a page), one parsed entry at a time: only the
// current entry is held, its socket's messages read one by one, so a capture of any size is
// read in the memory of its largest entry's request and response (and the frames that may hold
// an error). The document around log.entries is walked, not parsed: keys of `log` before and
// after `entries` (version, creator, pages, comments) are skipped by the bracket-counting
// scanner. Each entry is collected by har-entry-text.ts and then read by har-entry.ts like an
// entry of a parsed HAR. (Over 300 lines: one state machine over the document's structure; cut
// in two, its halves would share every field.)
import { HarEntryText, MessagesHeadSearch } from './har-entry-text.ts';
import type {
  HarProblemItem,
  HarProblemKind,
  HarReaderOptions,
  HarStreamItem,
} from './har-stream-items.ts';
import { JsonValueScanner } from './json-value-scanner.ts';

export { MAX_HAR_ENTRY_CHARS } from './har-entry-text.ts';

export type {
  HarEntryItem,
  HarProblemItem,
  HarProblemKind,
  HarReaderOptions,
  HarStreamItem,
} from './har-stream-items.ts';

type Place = 'root' | 'log' | 'other';
type Step =
  /** Before the document's opening brace. */
  | 'start'
  /** In an object, before a key or its closing brace. */
  | 'key'
  /** Inside a key's text. */
  | 'key-text'
  | 'colon'
  /** Before a value (of a key, or an element of entries). */
  | 'value'
  /** Skipping or collecting a value with the scanner. */
  | 'scan-value'
  /** Skipping a number, true, false or null. */
  | 'scalar'
  /** After a value: a comma or the container's close. */
  | 'after'
  | 'done';

const WHITESPACE = new Set([32, 9, 10, 13]);

export class HarEntryReader {
  constructor(private readonly options: HarReaderOptions = {}) {}

  private step: Step = 'start';
  /** The containers walked so far: root, log, and entries when inside it. */
  private readonly places: (Place | 'entries')[] = [];
  private key = '';
  private keyParts: string[] = [];
  private readonly scanner = new JsonValueScanner();
  private readonly heads = new MessagesHeadSearch();
  /** Line count outside scanned values (the scanner counts inside them). */
  private lines = 0;
  /** Characters before the current chunk. */
  private consumed = 0;
  private sawBom = false;
  private sawLog = false;
  private sawEntries = false;
  private entryIndex = 0;
  /** The entry being collected, where it started; undefined between entries. */
  private entryText: HarEntryText | undefined;
  private entryLine = 0;
  private entryOffset = 0;
  /** Whitespace since the last newline, while nothing else stood on the line. */
  private lineIndent: string | undefined = '';
  private failed = false;

  private reading(): boolean {
    return !this.failed && this.step !== 'done';
  }

  private line(): number {
    return this.lines + this.scanner.newlines + (this.entryText?.lines() ?? 0) + 1;
  }

  /** Reads the next chunk of the document; yields every entry it completes. */
  *push(chunk: string): Generator<HarStreamItem> {
    if (this.failed || this.step === 'done') return;
    let text = chunk;
    if (!this.sawBom && this.consumed === 0 && text.charCodeAt(0) === 0xfeff) {
      this.sawBom = true;
      text = text.slice(1);
    }
    let i = 0;
    const n = text.length;
    while (i < n && this.reading()) {
      if (this.step === 'scan-value') {
        const entry = this.entryText;
        const end = entry ? entry.feed(text, i) : this.scanner.scan(text, i);
        if (end < 0) break;
        if (entry) yield* this.finishEntry(entry);
        this.step = 'after';
        this.lineIndent = undefined;
        i = end;
        continue;
      }
      if (this.step === 'key-text') {
        const quote = this.keyQuote(text, i);
        if (quote < 0) {
          this.keyParts.push(text.slice(i));
          i = n;
          break;
        }
        this.keyParts.push(text.slice(i, quote));
        this.key = this.keyParts.join('');
        this.keyParts = [];
        this.step = 'colon';
        i = quote + 1;
        continue;
      }
      const c = text.charCodeAt(i);
      if (WHITESPACE.has(c)) {
        if (c === 10) {
          this.lines++;
          this.lineIndent = '';
        } else if (c !== 13 && this.lineIndent !== undefined) {
          this.lineIndent += text[i];
        }
        i++;
        continue;
      }
      const problem = this.structural(c, this.consumed + i);
      this.lineIndent = undefined;
      if (problem) {
        yield problem;
        if (problem.fatal) break;
      }
      i++;
    }
    this.consumed += n;
  }

  /** The text has ended: yields what the end leaves unfinished. */
  *end(): Generator<HarStreamItem> {
    if (this.failed || this.step === 'done') return;
    this.failed = true;
    const line = this.line();
    if (this.entryText) {
      yield this.problem(
        'truncated',
        `${this.entryName(this.entryIndex, this.entryLine)}: the file ends inside it`,
        this.entryLine,
        this.entryIndex,
      );
    } else if (this.step === 'start') {
      yield this.problem('no-log', 'the file is empty', line);
    } else if (this.sawEntries) {
      yield this.problem(
        'truncated',
        `the file ends at line ${line}, after ${this.entryIndex} ${this.entryIndex === 1 ? 'entry' : 'entries'}, before the HAR document closes`,
        line,
      );
    } else {
      yield this.problem('truncated', `the file ends at line ${line}, before log.entries`, line);
    }
  }

  private entryName(index: number, line: number): string {
    return `entry ${index + 1} at line ${line}`;
  }

  private problem(
    problem: HarProblemKind,
    message: string,
    line: number,
    index?: number,
  ): HarProblemItem {
    const fatal = problem !== 'bad-entry' && problem !== 'bad-frame';
    if (fatal) this.failed = true;
    return {
      kind: 'problem',
      problem,
      line,
      message,
      fatal,
      ...(index !== undefined ? { index } : {}),
    };
  }

  /** Index of the quote that ends a key, or -1; keys with escapes are rare but read right. */
  private keyQuote(text: string, from: number): number {
    for (let q = text.indexOf('"', from); q >= 0; q = text.indexOf('"', q + 1)) {
      let run = 0;
      for (let k = q - 1; k >= from && text.charCodeAt(k) === 92; k--) run++;
      if (run % 2 === 0) return q;
    }
    return -1;
  }

  /** The entry, after any of its messages that could not be read; or why it could not be. */
  private *finishEntry(text: HarEntryText): Generator<HarStreamItem> {
    const index = this.entryIndex++;
    const { entryLine: line, entryOffset: offset } = this;
    this.lines += text.lines();
    this.entryText = undefined;
    const parsed = text.parse();
    const name = this.entryName(index, line);
    if (!parsed.ok) {
      yield this.problem('bad-entry', `${name}: ${parsed.why}, skipped`, line, index);
      return;
    }
    for (const { frame, through, why } of parsed.frameProblems) {
      const frames =
        through !== undefined && through > frame
          ? `frames ${frame + 1} to ${through + 1}`
          : `frame ${frame + 1}`;
      const problem = this.problem('bad-frame', `${name}, ${frames}: ${why}, skipped`, line, index);
      yield { ...problem, frame };
    }
    yield {
      kind: 'entry',
      index,
      line,
      offset,
      entry: parsed.entry,
      quietFrames: parsed.quietFrames,
    };
  }

  private place(): Place | 'entries' | undefined {
    return this.places[this.places.length - 1];
  }

  /** One structural character outside any scanned value; a problem when it cannot be one. */
  private structural(c: number, offset: number): HarProblemItem | undefined {
    const place = this.place();
    switch (this.step) {
      case 'start':
        if (c !== 123) return this.problem('no-log', 'the file is not a JSON object', this.line());
        this.places.push('root');
        this.step = 'key';
        return undefined;
      case 'key':
        if (c === 34) {
          this.step = 'key-text';
          return undefined;
        }
        if (c === 125) return this.close();
        break;
      case 'colon':
        if (c === 58) {
          this.step = 'value';
          return undefined;
        }
        break;
      case 'value':
        return this.value(c, offset, place);
      case 'after':
        if (c === 44) {
          this.step = place === 'entries' ? 'value' : 'key';
          return undefined;
        }
        if (c === 125 && place !== 'entries') return this.close();
        if (c === 93 && place === 'entries') {
          this.places.pop();
          this.step = 'after';
          return undefined;
        }
        break;
      case 'scalar':
        // A number, true, false or null ends at the next delimiter.
        if (c === 44 || c === 125 || c === 93) {
          this.step = 'after';
          return this.structural(c, offset);
        }
        return undefined;
    }
    return this.problem(
      'malformed',
      `the HAR document is not valid JSON at line ${this.line()}`,
      this.line(),
    );
  }

  private value(c: number, offset: number, place: Place | 'entries' | undefined) {
    if (place === 'root' && this.key === 'log' && c === 123) {
      this.sawLog = true;
      this.places.push('log');
      this.step = 'key';
      return undefined;
    }
    if (place === 'log' && this.key === 'entries' && c === 91) {
      this.sawEntries = true;
      this.places.push('entries');
      this.step = 'value';
      return undefined;
    }
    if (place === 'entries' && c === 93) {
      this.places.pop();
      this.step = 'after';
      return undefined;
    }
    if (place === 'entries') {
      if (c !== 123) {
        const index = this.entryIndex++;
        this.startScan(c);
        return this.problem(
          'bad-entry',
          `${this.entryName(index, this.line())}: not an object, skipped`,
          this.line(),
          index,
        );
      }
      this.entryText = new HarEntryText(
        this.lineIndent,
        this.options.skipQuietFrames ?? false,
        this.heads,
      );
      this.entryLine = this.line();
      this.entryOffset = offset;
      this.step = 'scan-value';
      return undefined;
    }
    this.startScan(c);
    return undefined;
  }

  private startScan(c: number): void {
    if (c === 123 || c === 91) {
      this.lines += this.scanner.newlines;
      this.scanner.newlines = 0;
      this.scanner.openContainer();
      this.step = 'scan-value';
    } else if (c === 34) {
      this.lines += this.scanner.newlines;
      this.scanner.newlines = 0;
      this.scanner.openString();
      this.step = 'scan-value';
    } else {
      this.step = 'scalar';
    }
  }

  /** A closing brace of root, log or an object being walked. */
  private close(): HarProblemItem | undefined {
    const closed = this.places.pop();
    if (closed === 'log' && !this.sawEntries) {
      return this.problem('no-entries', 'not a HAR file: log.entries is missing', this.line());
    }
    if (closed === 'root') {
      this.step = 'done';
      if (!this.sawLog)
        return this.problem('no-log', 'the document has no "log" object', this.line());
      return undefined;
    }
    this.step = 'after';
    return undefined;
  }
}
