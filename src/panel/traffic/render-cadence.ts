// Pure (timers injected): when rows reach the store and the view. Rows are queued on arrival and
// applied in batches at most every `calmMs` (every `floodMs` under a flood); subscribers are told
// once per applied batch, before the next paint when the clock can say when that is.
import type { TrafficRow } from './traffic-row.ts';

export interface SessionClock {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** Runs before the next paint (requestAnimationFrame); without it, renders run at once. */
  requestFrame?: (run: () => void) => void;
}

export interface CadenceOptions {
  clock: SessionClock;
  calmMs: number;
  floodMs: number;
  /** A batch larger than this makes the next one wait floodMs. */
  floodRows: number;
  /** The queue never holds more than this: hidden panels' timers are throttled to seconds. */
  maxQueued(): number;
  /** Applies a batch to the store. */
  apply(rows: TrafficRow[]): void;
  /** Rows that became due by now from elsewhere (held-back sockets), applied with the batch. */
  takeDue(now: number): readonly TrafficRow[];
  /** When the next held-back row becomes due, if any. */
  nextDue(): number | undefined;
}

export interface RenderCadence {
  queue(rows: readonly TrafficRow[]): void;
  /** A flush is wanted within `delayMs` (a held-back row falls due then). */
  schedule(delayMs?: number): void;
  /** Something besides rows changed: the next flush re-renders. */
  markDirty(): void;
  /** Applies what is queued now; true when anything changed. */
  flush(): boolean;
  /** Re-renders (once per frame at most). */
  render(): void;
  /** Applies what is queued and notifies now (tests, and before a clear). */
  flushNow(): void;
  dropQueued(): void;
  subscribe(listener: () => void): () => void;
  dispose(): void;
}

export function createRenderCadence(options: CadenceOptions): RenderCadence {
  const { clock } = options;
  let interval = options.calmMs;
  let pending: TrafficRow[] = [];
  let dirty = false;
  let timer: unknown;
  let timerDue = 0;
  let lastFlush = Number.NEGATIVE_INFINITY;
  let frameRequested = false;
  const listeners = new Set<() => void>();

  function notify(): void {
    frameRequested = false;
    for (const listener of [...listeners]) listener();
  }

  function render(): void {
    if (!clock.requestFrame) {
      notify();
      return;
    }
    if (frameRequested) return;
    frameRequested = true;
    clock.requestFrame(notify);
  }

  function flush(): boolean {
    const now = clock.now();
    lastFlush = now;
    for (const row of options.takeDue(now)) pending.push(row);
    const changed = dirty || pending.length > 0;
    dirty = false;
    interval = pending.length > options.floodRows ? options.floodMs : options.calmMs;
    if (pending.length === 0) return changed;
    const rows = pending;
    pending = [];
    options.apply(rows);
    return true;
  }

  function run(): void {
    timer = undefined;
    const changed = flush();
    const next = options.nextDue();
    if (next !== undefined) schedule(next - clock.now());
    if (changed) render();
  }

  function schedule(delay = 0): void {
    const now = clock.now();
    const due = Math.max(lastFlush + interval, now + Math.max(0, delay));
    if (timer !== undefined && timerDue <= due) return;
    if (timer !== undefined) clock.clearTimeout(timer);
    timerDue = due;
    timer = clock.setTimeout(run, due - now);
  }

  function cancel(): void {
    if (timer !== undefined) clock.clearTimeout(timer);
    timer = undefined;
  }

  return {
    queue(rows) {
      for (const row of rows) pending.push(row);
      if (pending.length > options.maxQueued()) flush();
      schedule();
    },
    schedule,
    markDirty() {
      dirty = true;
    },
    flush,
    render,
    flushNow() {
      cancel();
      flush();
      notify();
    },
    dropQueued() {
      pending = [];
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      cancel();
      listeners.clear();
    },
  };
}
