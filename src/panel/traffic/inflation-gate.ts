// Pure (inflater and timers injected): keeps rows in arrival order while compressed frames are
// inflated. A row whose payload sniffs as gzip, zlib or raw deflate waits for its inflation;
// the rows after it wait behind it, so ids stay ascending in the store. Nothing else waits: with
// no compressed frame queued, rows pass straight through. Raw deflate has no header and is only
// a guess: after a few failed guesses on one socket, its frames are not tried any more.
import type { Compression } from '../../core/bytes/compression.ts';
import type { Detector } from '../../core/index.ts';
import type { Inflater } from './inflate.ts';
import { compressedBytes, compressionOfRow, inflatedRow } from './inflated-row.ts';
import type { TrafficRow } from './traffic-row.ts';

/** An inflation that has not answered by then lets its row through as it was (hex). */
const MAX_WAIT_MS = 2_000;
const RAW_GUESSES_PER_SOCKET = 3;
const MAX_SOCKETS_REMEMBERED = 1_000;

export interface InflationGate {
  /** Rows that may go on now, in order; the others follow through `release`. */
  admit(rows: readonly TrafficRow[]): TrafficRow[];
  /** Forgets what is waiting (a clear). */
  drop(): void;
  /** Resolves once nothing waits (imports end on it). */
  idle(): Promise<void>;
}

export interface InflationGateOptions {
  inflate: Inflater;
  detector(): Detector;
  release(rows: TrafficRow[]): void;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

interface Slot {
  row: TrafficRow;
  pending: boolean;
}

const socketOf = (row: TrafficRow) => `${row.doc ?? ''}|${row.socket ?? row.url}`;

export function createInflationGate(options: InflationGateOptions): InflationGate {
  let queue: Slot[] = [];
  let generation = 0;
  let idleWaiters: (() => void)[] = [];
  /** Failed raw-deflate guesses in a row, per socket. */
  const rawFailures = new Map<string, number>();

  function drain(): TrafficRow[] {
    const ready: TrafficRow[] = [];
    let i = 0;
    while (i < queue.length && !(queue[i] as Slot).pending) ready.push((queue[i++] as Slot).row);
    if (i > 0) queue = queue.slice(i);
    if (queue.length === 0 && idleWaiters.length > 0) {
      const waiters = idleWaiters;
      idleWaiters = [];
      for (const resolve of waiters) resolve();
    }
    return ready;
  }

  function wanted(row: TrafficRow): Compression | undefined {
    const format = compressionOfRow(row);
    if (format !== 'deflate-raw') return format;
    return (rawFailures.get(socketOf(row)) ?? 0) >= RAW_GUESSES_PER_SOCKET ? undefined : format;
  }

  function noteGuess(row: TrafficRow, format: Compression, ok: boolean): void {
    if (format !== 'deflate-raw') return;
    const key = socketOf(row);
    if (rawFailures.size >= MAX_SOCKETS_REMEMBERED && !rawFailures.has(key)) rawFailures.clear();
    rawFailures.set(key, ok ? 0 : (rawFailures.get(key) ?? 0) + 1);
  }

  function start(slot: Slot, format: Compression): void {
    const at = generation;
    let settled = false;
    const finish = (row: TrafficRow) => {
      if (settled || at !== generation) return;
      settled = true;
      options.clearTimeout(timer);
      slot.row = row;
      slot.pending = false;
      const ready = drain();
      if (ready.length > 0) options.release(ready);
    };
    const timer = options.setTimeout(() => finish(slot.row), MAX_WAIT_MS);
    const { row } = slot;
    const inputCut = row.payload?.truncated === true;
    options.inflate(compressedBytes(row), format, { inputCut }).then(
      (outcome) => {
        noteGuess(row, format, outcome.ok);
        finish(inflatedRow(row, format, outcome, options.detector()));
      },
      () => finish(row),
    );
  }

  return {
    admit(rows) {
      if (queue.length === 0 && !rows.some((row) => wanted(row) !== undefined)) return [...rows];
      for (const row of rows) {
        const format = wanted(row);
        const slot: Slot = { row, pending: format !== undefined };
        queue.push(slot);
        if (format !== undefined) start(slot, format);
      }
      return drain();
    },
    drop() {
      generation++;
      queue = [];
      drain();
    },
    idle() {
      if (queue.length === 0) return Promise.resolve();
      return new Promise((resolve) => idleWaiters.push(resolve));
    },
  };
}
