// Pure (timers injected): everything the traffic pane knows. Sources push in (hub frames, HAR
// entries, an imported file) and capture-sources.ts turns them into rows, detected once on
// arrival; compressed frames are inflated first (inflation-gate.ts, order kept); the render
// cadence applies rows to the store in batches and tells subscribers; the pairing index links
// replies to requests as rows are applied. This file decides what is kept: the current
// document's rows, or everything with preserve log.
import { createDetector, type Detector } from '../../core/index.ts';
import type { CaptureDocument, TabFrames } from '../../protocol/index.ts';
import { createCaptureSources } from './capture-sources.ts';
import { type HarImportOptions, type HarImportSummary, importHarEntries } from './har-import.ts';
import { createInflater, type Inflater } from './inflate.ts';
import { createInflationGate } from './inflation-gate.ts';
import { PairingIndex, type PairingView } from './pairing-index.ts';
import { createRenderCadence, type SessionClock } from './render-cadence.ts';
import type { TrafficRow } from './traffic-row.ts';
import { type StoreLimits, type StoreSnapshot, TrafficStore } from './traffic-store.ts';

export type { SessionClock } from './render-cadence.ts';

export interface TrafficSessionOptions {
  detector?: Detector;
  limits?: Partial<StoreLimits>;
  clock?: SessionClock;
  /** Store updates and renders happen at most this often: 100 ms, 10 per second. */
  renderIntervalMs?: number;
  /**
   * Under a flood (a batch of more than floodRows rows) the next batch waits this long instead:
   * nobody reads rows replaced 10 times a second, and layout is the panel's largest cost.
   */
  floodIntervalMs?: number;
  floodRows?: number;
  /** A WebSocket DevTools logged waits this long for the wrapper's frames of the same URL. */
  fallbackDelayMs?: number;
  /** Inflates compressed frames; DecompressionStream by default. */
  inflate?: Inflater;
  /**
   * What "now" is when judging unanswered requests: the clock (live), or the newest row (a file,
   * whose requests are judged against its own end, not against today).
   */
  asOf?: 'clock' | 'last-row';
}

export interface TrafficSnapshot extends StoreSnapshot {
  /**
   * Frames of the tab's pages that never reached the panel: gaps in their sequence numbers
   * (the page's capture history dropped them before the panel connected or caught up). The
   * `dropped` of TabFrames is not used: it counts history-ring drops, which also happen to
   * frames the panel got live.
   */
  pageDropped: number;
  preserveLog: boolean;
  /** Which reply answers which request, as of this snapshot. */
  pairs: PairingView;
  /** The time unanswered requests are judged at (epoch ms). */
  asOf: number;
}

export type { HarImportSummary } from './har-import.ts';

export interface TrafficSession {
  /** Frames of the inspected tab from the hub; replayed frames already held are dropped. */
  ingestFrames(message: TabFrames): void;
  /** A finished request from DevTools' network log, with its body when fetched. */
  ingestHar(entry: unknown, body?: string): void;
  /** The inspected page navigated; `since` is the new document's time origin (epoch ms). */
  navigated(since: number): void;
  /** The hub's capture status: which frame runs which document (rows name their frame). */
  setDocuments(documents: readonly CaptureDocument[]): void;
  setPreserveLog(preserve: boolean): void;
  /** Detector for rows from now on (the user's catalogues and hosts); rows held keep theirs. */
  setDetector(detector: Detector): void;
  setLimits(limits: Partial<StoreLimits>): void;
  clear(): void;
  snapshot(): TrafficSnapshot;
  subscribe(listener: () => void): () => void;
  /** Applies what is queued and notifies now (tests, and before a clear). */
  flushNow(): void;
  /** Rows from a HAR file's entries, explained as if live, in time order; resolves when shown. */
  importHar(
    entries: Iterable<unknown> | AsyncIterable<unknown>,
    options: Pick<HarImportOptions, 'file' | 'total' | 'onProgress'>,
  ): Promise<HarImportSummary>;
  /** An empty session for an imported file: this one's detector, limits and clock. */
  forImport(): TrafficSession;
  dispose(): void;
}

const defaultClock: SessionClock = {
  now: () => Date.now(),
  setTimeout: (run, ms) => globalThis.setTimeout(run, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
  ...(typeof globalThis.requestAnimationFrame === 'function'
    ? { requestFrame: (run: () => void) => void globalThis.requestAnimationFrame(run) }
    : {}),
};

export function createTrafficSession(options: TrafficSessionOptions = {}): TrafficSession {
  let detector = options.detector ?? createDetector();
  const clock = options.clock ?? defaultClock;
  const fallbackDelay = options.fallbackDelayMs ?? 1_500;
  const store = new TrafficStore(options.limits);
  const pairs = new PairingIndex();
  let lastId = 0;
  const sources = createCaptureSources({ next: () => ++lastId });
  const gate = createInflationGate({
    inflate: options.inflate ?? createInflater(),
    detector: () => detector,
    release: (rows) => cadence.queue(rows),
    setTimeout: (run, ms) => clock.setTimeout(run, ms),
    clearTimeout: (handle) => clock.clearTimeout(handle),
  });
  let preserveLog = false;
  /** Without preserve log, rows older than the current document are not taken. */
  let cutoff = Number.NEGATIVE_INFINITY;
  const kept = (row: TrafficRow) => preserveLog || row.time >= cutoff;
  const cadence = createRenderCadence({
    clock,
    calmMs: options.renderIntervalMs ?? 100,
    floodMs: options.floodIntervalMs ?? 250,
    floodRows: options.floodRows ?? 200,
    maxQueued: () => store.limits.maxRows,
    apply,
    takeDue: (now) => gate.admit(sources.takeDue(now).filter(kept)),
    nextDue: () => sources.nextDue(),
  });
  let missingShown = 0;
  let cached: TrafficSnapshot | undefined;
  let cachedFrom: StoreSnapshot | undefined;
  let newestTime = Number.NEGATIVE_INFINITY;
  let deadline: { timer: unknown; due: number } | undefined;

  function apply(rows: TrafficRow[]): void {
    store.append(rows);
    pairs.add(rows);
    for (const row of rows) if (row.time > newestTime) newestTime = row.time;
    // Links to rows the store dropped are forgotten once they outnumber the rows held.
    const held = store.snapshot().rows;
    if (pairs.size > 2 * held.length + 1_000) forgetDroppedPairs(held);
    armDeadline();
  }

  function forgetDroppedPairs(held: readonly TrafficRow[]): void {
    const ids = new Set(held.map((row) => row.id));
    pairs.retain((id) => ids.has(id));
  }

  function asOf(): number {
    return options.asOf === 'last-row' ? Math.max(0, newestTime) : clock.now();
  }

  /** A request becomes unanswered with no row arriving: re-render then. */
  function armDeadline(): void {
    if (options.asOf === 'last-row') return;
    const due = pairs.nextDeadline(clock.now());
    if (due === undefined || (deadline && deadline.due <= due)) return;
    if (deadline) clock.clearTimeout(deadline.timer);
    const timer = clock.setTimeout(() => {
      deadline = undefined;
      cached = undefined;
      cadence.render();
      armDeadline();
    }, due - clock.now());
    deadline = { timer, due };
  }

  const admit = (rows: TrafficRow[]) => cadence.queue(gate.admit(rows));

  function forgetPageDrops(): void {
    sources.forgetDrops();
    missingShown = 0;
    cached = undefined;
  }

  return {
    ingestFrames(message) {
      admit(sources.fromWrapper(message, detector).filter(kept));
      const missing = sources.pageDropped();
      if (missing !== missingShown) {
        missingShown = missing;
        cached = undefined;
        cadence.markDirty();
      }
    },
    ingestHar(entry, body) {
      const rows = sources.fromNetwork(entry, body, detector, clock.now() + fallbackDelay);
      if (rows === 'held') cadence.schedule(fallbackDelay);
      else if (rows.length > 0) admit(rows.filter(kept));
    },
    navigated(since) {
      if (preserveLog) return;
      cutoff = since;
      cadence.flush();
      store.retain((row) => row.time >= since);
      forgetDroppedPairs(store.snapshot().rows);
      forgetPageDrops();
      sources.keepNumbersOf(store.snapshot().rows);
      cadence.render();
    },
    setDocuments: (documents) => sources.setDocuments(documents),
    setPreserveLog(preserve) {
      preserveLog = preserve;
      if (preserve) cutoff = Number.NEGATIVE_INFINITY;
      cached = undefined;
      cadence.render();
    },
    setDetector(next) {
      detector = next;
    },
    setLimits(limits) {
      cadence.flush();
      store.setLimits(limits);
      cadence.render();
    },
    clear() {
      cadence.dropQueued();
      gate.drop();
      sources.dropHeld();
      store.clear();
      pairs.clear();
      forgetPageDrops();
      sources.keepNumbersOf([]);
      cadence.render();
    },
    snapshot() {
      const fromStore = store.snapshot();
      if (!cached || cachedFrom !== fromStore) {
        const at = asOf();
        const newest = fromStore.rows[fromStore.rows.length - 1]?.id ?? 0;
        cached = {
          ...fromStore,
          pageDropped: sources.pageDropped(),
          preserveLog,
          pairs: pairs.view(newest, at),
          asOf: at,
        };
        cachedFrom = fromStore;
      }
      return cached;
    },
    subscribe: (listener) => cadence.subscribe(listener),
    flushNow: () => cadence.flushNow(),
    async importHar(entries, importOptions) {
      const summary = await importHarEntries(entries, {
        ...importOptions,
        detector,
        nextId: () => ++lastId,
        emit: admit,
        pause: () => new Promise((resolve) => clock.setTimeout(resolve, 0)),
        now: () => clock.now(),
      });
      await gate.idle();
      cadence.flushNow();
      return summary;
    },
    forImport: () =>
      createTrafficSession({
        ...options,
        detector,
        limits: store.limits,
        clock,
        asOf: 'last-row',
      }),
    dispose() {
      if (deadline) clock.clearTimeout(deadline.timer);
      cadence.dispose();
    },
  };
}
