// Reads a capture as a stream of events: the kind (HAR or JSON Lines) is told from its first
// chunks, then HAR entries or lines are read one at a time, so memory stays flat whatever the
// size. Problems (a bad line, a truncated HAR) are yielded in place and the reading goes on:
// everything before them, and after where possible, still counts.
import { sniffCapture } from '../core/capture/capture-kind.ts';
import { type EntryEvent, eventsOfEntry, harMethod, harUrl } from '../core/capture/har-entry.ts';
import {
  type HarEntryItem,
  HarEntryReader,
  type HarStreamItem,
} from '../core/capture/har-stream.ts';
import { lineEvent } from '../core/capture/jsonl-event.ts';
import { LineSplitter, type SplitLine } from '../core/capture/line-splitter.ts';
import { mayEmbedEnvelope } from '../core/detect/quick-scan.ts';
import { httpMayHaveFinding, type ObservedEvent } from '../core/index.ts';
import { type InflatedFrame, inflateFrame } from './inflate-frame.ts';
import type { InputProblem, SourcedEvent } from './sourced-event.ts';

export type CaptureItem =
  | { kind: 'event'; sourced: SourcedEvent }
  /** Events that cannot hold an error: counted, not parsed (quietLine; quiet HAR frames). */
  | { kind: 'quiet'; count: number }
  | { kind: 'problem'; problem: InputProblem };

const QUIET: CaptureItem = { kind: 'quiet', count: 1 };

const NEITHER = 'neither a HAR file nor JSON Lines';
/** Problems of a JSON Lines file held back until a line proves it is one (else it is not). */
const HELD_PROBLEMS = 1000;

/** The sniffed head, then the rest; the head's chunks are let go as they are read. */
async function* chunksFrom(head: string[], rest: AsyncIterator<string>) {
  for (let chunk = head.shift(); chunk !== undefined; chunk = head.shift()) yield chunk;
  for (let next = await rest.next(); !next.done; next = await rest.next()) yield next.value;
}

function problem(
  message: string,
  skipped: InputProblem['skipped'],
  line?: number,
  fatal = false,
): CaptureItem {
  return { kind: 'problem', problem: { message, skipped, fatal, ...(line ? { line } : {}) } };
}

/** The events of one HAR entry (or its problem) added to `batch`; a promise only while a frame
 * too big to inflate at once is streamed. */
function harEntryEvents(item: HarStreamItem, batch: CaptureItem[]): void | Promise<void> {
  if (item.kind === 'problem') {
    if (item.problem === 'no-log') batch.push(problem(NEITHER, 'rest', item.line, true));
    else if (item.problem === 'no-entries')
      batch.push(problem(item.message, 'rest', item.line, true));
    else if (item.problem === 'bad-frame') batch.push(problem(item.message, 'message', item.line));
    else batch.push(problem(item.message, item.index !== undefined ? 'entry' : 'rest', item.line));
    return;
  }
  const { entry, index, line } = item;
  if (harUrl(entry) === undefined) {
    batch.push(
      problem(`entry ${index + 1} at line ${line}: no request.url, skipped`, 'entry', line),
    );
    return;
  }
  // An entry's frames that no finding can come from are events all the same.
  if (item.quietFrames > 0) batch.push({ kind: 'quiet', count: item.quietFrames });
  return addEntryEvents(eventsOfEntry(entry), item, harMethod(entry), batch);
}

/** An entry's response that the detector would turn away unread: counted, not handed on. */
function quietResponse(event: ObservedEvent): boolean {
  return event.type === 'http' && !httpMayHaveFinding(event.status, event.body);
}

function addEntryEvents(
  events: Iterator<EntryEvent>,
  item: HarEntryItem,
  method: string | undefined,
  batch: CaptureItem[],
): void | Promise<void> {
  for (let next = events.next(); !next.done; next = events.next()) {
    const { event, frame } = next.value;
    if (quietResponse(event)) {
      batch.push(QUIET);
      continue;
    }
    const inflated =
      event.type === 'ws' && event.data instanceof Uint8Array
        ? inflateFrame(event.data)
        : undefined;
    if (inflated instanceof Promise) {
      return inflated.then((result) => {
        addEvent(batch, harSourced(item, method, event, frame), result);
        return addEntryEvents(events, item, method, batch);
      });
    }
    addEvent(batch, harSourced(item, method, event, frame), inflated);
  }
}

function harSourced(
  item: HarEntryItem,
  method: string | undefined,
  event: ObservedEvent,
  frame: number | undefined,
): SourcedEvent {
  const sourced: SourcedEvent = { event, capture: 'har', index: item.index, line: item.line };
  if (frame !== undefined) sourced.frame = frame;
  if (method !== undefined) sourced.method = method;
  return sourced;
}

/** The event, read as what it inflates to when it was a compressed binary frame. */
function addEvent(
  batch: CaptureItem[],
  sourced: SourcedEvent,
  inflated: InflatedFrame | undefined,
) {
  if (inflated && sourced.event.type === 'ws') {
    if (inflated.cut) {
      const frameName = `entry ${sourced.index + 1} at line ${sourced.line}, frame ${(sourced.frame ?? 0) + 1}`;
      batch.push(
        problem(
          `${frameName}: ${inflated.compression} frame inflates past the limit; only its beginning was read`,
          'frame',
          sourced.line,
        ),
      );
    }
    sourced.event = { ...sourced.event, data: inflated.data };
    sourced.compression = inflated.compression;
  }
  batch.push({ kind: 'event', sourced });
}

async function* harEvents(chunks: AsyncIterable<string>): AsyncGenerator<CaptureItem[]> {
  const reader = new HarEntryReader({ skipQuietFrames: true });
  for await (const chunk of chunks) {
    const batch: CaptureItem[] = [];
    for (const item of reader.push(chunk)) {
      const streaming = harEntryEvents(item, batch);
      if (streaming) await streaming;
    }
    // A chunk's entries in one batch: each step through async generators costs microseconds,
    // and a chunk holds hundreds of small entries.
    if (batch.length > 0) yield batch;
  }
  const batch: CaptureItem[] = [];
  for (const item of reader.end()) {
    const streaming = harEntryEvents(item, batch);
    if (streaming) await streaming;
  }
  if (batch.length > 0) yield batch;
}

/** The head of a WebSocket event line as the README shows it and JSON.stringify writes it. */
const WS_LINE_HEAD = /^\{"type":"ws","url":"[^"\\]*","direction":"(?:send|receive)","data":"/;

/**
 * A line no finding can come from, told without JSON.parse (the bulk of a scan's cost): a
 * WebSocket event whose head is exactly that of a valid one and whose text string ends the
 * line, and in which nothing the detector's prefilter would let through can be embedded
 * (core's mayEmbedEnvelope). It is counted as an event unparsed. Any other line (another key
 * order, an HTTP or close event, a payload with a "code") is parsed and checked in full; the
 * one thing not seen on a quiet line is damage inside its data string.
 */
function quietLine(text: string): boolean {
  let last = text.length - 1;
  if (text.charCodeAt(last) === 13) last--;
  if (text.charCodeAt(last) !== 125 || text.charCodeAt(last - 1) !== 34) return false;
  return WS_LINE_HEAD.test(text) && !mayEmbedEnvelope(text);
}

function lineItem(line: SplitLine): CaptureItem | undefined {
  if (line.tooLong !== undefined) {
    const mb = (line.tooLong / 1024 / 1024).toFixed(0);
    return problem(
      `line ${line.number}: ${mb} MB long, over the 64 MB a line may have; skipped`,
      'line',
      line.number,
    );
  }
  if (line.text.trim() === '') return undefined;
  if (quietLine(line.text)) return QUIET;
  let value: unknown;
  try {
    value = JSON.parse(line.text);
  } catch {
    return problem(`line ${line.number}: not JSON, skipped`, 'line', line.number);
  }
  const event = lineEvent(value);
  if (typeof event === 'string') {
    return problem(`line ${line.number}: ${event}, skipped`, 'line', line.number);
  }
  const method = event.type === 'http' ? event.method : undefined;
  const sourced: SourcedEvent = {
    event,
    capture: 'jsonl',
    index: line.number - 1,
    line: line.number,
    ...(method !== undefined ? { method } : {}),
  };
  return { kind: 'event', sourced };
}

async function* jsonlEvents(chunks: AsyncIterable<string>): AsyncGenerator<CaptureItem[]> {
  const splitter = new LineSplitter();
  // Until one line is an event, a file of text with a brace in it may not be JSON Lines at all.
  let held: CaptureItem[] | undefined = [];
  const take = (line: SplitLine, batch: CaptureItem[]) => {
    const item = lineItem(line);
    if (!item) return;
    if (held) {
      if (item.kind === 'problem' && held.length < HELD_PROBLEMS) {
        held.push(item);
        return;
      }
      batch.push(...held);
      held = undefined;
    }
    batch.push(item);
  };
  for await (const chunk of chunks) {
    const batch: CaptureItem[] = [];
    for (const line of splitter.push(chunk)) take(line, batch);
    if (batch.length > 0) yield batch;
  }
  const batch: CaptureItem[] = [];
  for (const line of splitter.end()) take(line, batch);
  if (held && held.length > 0) batch.push(problem(NEITHER, 'rest', undefined, true));
  if (batch.length > 0) yield batch;
}

/** The events of a capture in batches (one a chunk, or an entry), told HAR or JSON Lines by
 * its head; a read error rejects. */
export async function* readCapture(chunks: AsyncIterable<string>): AsyncGenerator<CaptureItem[]> {
  const source = chunks[Symbol.asyncIterator]();
  const head: string[] = [];
  let text = '';
  let kind: ReturnType<typeof sniffCapture>;
  while (kind === undefined) {
    const next = await source.next();
    if (next.done) {
      kind = sniffCapture(text, true);
      break;
    }
    head.push(next.value);
    text += next.value;
    kind = sniffCapture(text, false);
  }
  text = '';
  if (kind === 'empty') return;
  const all = chunksFrom(head, source);
  yield* kind === 'har' ? harEvents(all) : jsonlEvents(all);
}
