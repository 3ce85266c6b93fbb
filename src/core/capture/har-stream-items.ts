// Pure: what HarEntryReader (har-stream.ts) yields: each entry parsed, with where it starts,
// or a problem with where it is.

export type HarProblemKind =
  /** The document has no `log` object: not a HAR file at all. */
  | 'no-log'
  /** `log` has no `entries` array. */
  | 'no-entries'
  /** The text ends inside an entry, or before the document closes. */
  | 'truncated'
  /** An entry that is not valid JSON, not an object, or too big: skipped. */
  | 'bad-entry'
  /** One message of an entry's `_webSocketMessages` that is not valid JSON or too big: that
   * message is skipped, the entry and its other messages are read. */
  | 'bad-frame'
  /** The document is not JSON where its structure should be. */
  | 'malformed';

export interface HarEntryItem {
  kind: 'entry';
  /** 0-based position in log.entries. */
  index: number;
  /** 1-based line of the entry's opening brace, for annotations and messages. */
  line: number;
  /** Character offset (UTF-16 code units, BOM excluded) of the opening brace. */
  offset: number;
  entry: unknown;
  /** Text frames of the entry's socket left out of its `_webSocketMessages` (holes: every
   * other message keeps its index) with skipQuietFrames: no finding can come from them (see
   * socket-message-list.ts); they are events all the same. */
  quietFrames: number;
}

export interface HarProblemItem {
  kind: 'problem';
  problem: HarProblemKind;
  /** 0-based index of the entry concerned, when there is one. */
  index?: number;
  /** 0-based index of the message in the entry's `_webSocketMessages`, for 'bad-frame'. */
  frame?: number;
  line: number;
  /** What happened, in words: "entry 7 at line 120: the file ends inside it". */
  message: string;
  /** True when nothing more can be read from the document. */
  fatal: boolean;
}

export type HarStreamItem = HarEntryItem | HarProblemItem;

export interface HarReaderOptions {
  /** Leave the socket frames no finding can come from out of each entry, unparsed (a scan's
   * speed-up and memory bound; socket-message-list.ts): they are only counted, in quietFrames.
   * Default false: every message is parsed and kept. */
  skipQuietFrames?: boolean;
}
