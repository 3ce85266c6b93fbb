// Pure (clock and yielding injected): rows from a HAR file's entries, built by the same
// functions as live rows and detected as if live, emitted in time order: a socket's frames and
// the HTTP requests made meanwhile interleave as they happened. HAR entries are sorted by start
// and every row of an entry is no older than its start, so rows older than the newest start
// seen can go at once: memory holds one pending row per entry still open, never the file's
// rows. The entries come as any (async) iterable: the file as it streams in (har-file.ts).
import {
  harCaptureSource,
  harResponseBody,
  harStartedAt,
  harUrl,
  isWebSocketEntry,
} from '../../core/capture/har-entry.ts';
import type { Detector } from '../../core/index.ts';
import { keptMessages } from './logged-socket.ts';
import { FALLBACK_NOTE, fallbackRowsOf, httpRowFromEntry } from './rows-from-har.ts';
import { wrapperRowsOf } from './rows-from-har-socket.ts';
import type { TrafficRow } from './traffic-row.ts';

export const IMPORTED_SOCKET_NOTE =
  'From a HAR file without close frames (DevTools writes none): close codes are not available for this socket';

export interface HarImportProgress {
  entries: number;
  /** Entries in the file, when known up front. */
  total?: number;
  rows: number;
}

export interface HarImportSummary {
  entries: number;
  rows: number;
  /** Entries without a request URL. */
  skipped: number;
}

export interface HarImportOptions {
  /** The file's name, kept on every row. */
  file: string;
  total?: number;
  detector: Detector;
  nextId(): number;
  emit(rows: TrafficRow[]): void;
  /** Lets the page paint between slices of work. */
  pause(): Promise<void>;
  now(): number;
  /** Work done between pauses. */
  sliceMs?: number;
  onProgress?(progress: HarImportProgress): void;
}

interface Cursor {
  rows: Iterator<TrafficRow>;
  head: TrafficRow;
  entry: number;
  /** Rows taken from this cursor so far: orders rows of one entry with equal times. */
  taken: number;
}

const before = (a: Cursor, b: Cursor): boolean =>
  a.head.time !== b.head.time
    ? a.head.time < b.head.time
    : a.entry !== b.entry
      ? a.entry < b.entry
      : a.taken < b.taken;

/** A binary heap of cursors, earliest head first. */
class CursorHeap {
  private items: Cursor[] = [];
  peek(): Cursor | undefined {
    return this.items[0];
  }
  push(cursor: Cursor): void {
    const items = this.items;
    items.push(cursor);
    for (let i = items.length - 1; i > 0; ) {
      const parent = (i - 1) >> 1;
      if (!before(items[i] as Cursor, items[parent] as Cursor)) break;
      [items[i], items[parent]] = [items[parent] as Cursor, items[i] as Cursor];
      i = parent;
    }
  }
  pop(): Cursor | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (top === undefined || last === undefined || items.length === 0) return top;
    items[0] = last;
    for (let i = 0; ; ) {
      const left = 2 * i + 1;
      const right = left + 1;
      let least = i;
      if (left < items.length && before(items[left] as Cursor, items[least] as Cursor))
        least = left;
      if (right < items.length && before(items[right] as Cursor, items[least] as Cursor)) {
        least = right;
      }
      if (least === i) break;
      [items[i], items[least]] = [items[least] as Cursor, items[i] as Cursor];
      i = least;
    }
    return top;
  }
}

/** Rows handed on at once at most, and how often the clock is read while emitting. */
const MAX_BATCH = 2_000;
const CHECK_EVERY = 256;

/** Ids are given when a row is emitted, in time order; this one is thrown away. */
const PROVISIONAL = { next: () => 0 };

function* rowsOfEntry(entry: unknown, detector: Detector): Generator<TrafficRow> {
  if (!isWebSocketEntry(entry)) {
    const row = httpRowFromEntry(entry, harResponseBody(entry), 0, detector);
    if (row) yield row;
    return;
  }
  const source = harCaptureSource(entry);
  if (source === 'wrapper') {
    yield* wrapperRowsOf(entry, detector);
    return;
  }
  const url = harUrl(entry);
  if (url === undefined) return;
  const socket = { url, started: harStartedAt(entry), messages: keptMessages(entry) };
  const note = source ? FALLBACK_NOTE : IMPORTED_SOCKET_NOTE;
  yield* fallbackRowsOf(socket, PROVISIONAL, detector, note);
}

export async function importHarEntries(
  entries: Iterable<unknown> | AsyncIterable<unknown>,
  options: HarImportOptions,
): Promise<HarImportSummary> {
  const { detector, file } = options;
  const sliceMs = options.sliceMs ?? 12;
  const heap = new CursorHeap();
  let out: TrafficRow[] = [];
  let sliceStart = options.now();
  const summary: HarImportSummary = { entries: 0, rows: 0, skipped: 0 };

  function take(cursor: Cursor): void {
    const { head } = cursor;
    out.push({ ...head, id: options.nextId(), imported: { file, entry: cursor.entry } });
    summary.rows++;
    cursor.taken++;
    const next = cursor.rows.next();
    if (next.done) return;
    cursor.head = next.value;
    heap.push(cursor);
  }

  async function maybePause(): Promise<void> {
    if (out.length >= MAX_BATCH) flush();
    if (options.now() - sliceStart < sliceMs) return;
    flush();
    options.onProgress?.({ entries: summary.entries, total: options.total, rows: summary.rows });
    await options.pause();
    sliceStart = options.now();
  }

  function flush(): void {
    if (out.length > 0) options.emit(out);
    out = [];
  }

  /** Emits every row up to `time` (all rows, at the end), pausing as it goes. */
  async function emitUpTo(time: number): Promise<void> {
    let count = 0;
    for (let top = heap.peek(); top && top.head.time <= time; top = heap.peek()) {
      heap.pop();
      take(top);
      if (++count % CHECK_EVERY === 0) await maybePause();
    }
  }

  let index = 0;
  for await (const entry of entries) {
    const at = index++;
    summary.entries++;
    if (harUrl(entry) === undefined) {
      summary.skipped++;
      continue;
    }
    const start = harStartedAt(entry);
    if (start !== undefined) await emitUpTo(start);
    const rows = rowsOfEntry(entry, detector);
    const first = rows.next();
    if (!first.done) heap.push({ rows, head: first.value, entry: at, taken: 0 });
    await maybePause();
  }
  await emitUpTo(Number.POSITIVE_INFINITY);
  flush();
  options.onProgress?.({ entries: summary.entries, total: options.total, rows: summary.rows });
  return summary;
}
