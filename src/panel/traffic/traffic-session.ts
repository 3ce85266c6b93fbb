// Pure (timers injected): everything the traffic pane knows. Sources push in (hub frames, HAR
// entries) and capture-sources.ts turns them into rows, detected once on arrival; the render
// cadence applies them to the store in batches and tells subscribers. This file decides what is
// kept: the current document's rows, or everything with preserve log.
import { createDetector, type Detector } from '../../core/index.ts';
import type { CaptureDocument, TabFrames } from '../../protocol/index.ts';
import { createCaptureSources } from './capture-sources.ts';
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
}

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
  let lastId = 0;
  const sources = createCaptureSources({ next: () => ++lastId });
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
    apply: (rows) => store.append(rows),
    takeDue: (now) => sources.takeDue(now).filter(kept),
    nextDue: () => sources.nextDue(),
  });
  let missingShown = 0;
  let cached: TrafficSnapshot | undefined;
  let cachedFrom: StoreSnapshot | undefined;

  function forgetPageDrops(): void {
    sources.forgetDrops();
    missingShown = 0;
    cached = undefined;
  }

  return {
    ingestFrames(message) {
      cadence.queue(sources.fromWrapper(message, detector).filter(kept));
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
      else if (rows.length > 0) cadence.queue(rows.filter(kept));
    },
    navigated(since) {
      if (preserveLog) return;
      cutoff = since;
      cadence.flush();
      store.retain((row) => row.time >= since);
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
      sources.dropHeld();
      store.clear();
      forgetPageDrops();
      sources.keepNumbersOf([]);
      cadence.render();
    },
    snapshot() {
      const fromStore = store.snapshot();
      if (!cached || cachedFrom !== fromStore) {
        cached = { ...fromStore, pageDropped: sources.pageDropped(), preserveLog };
        cachedFrom = fromStore;
      }
      return cached;
    },
    subscribe: (listener) => cadence.subscribe(listener),
    flushNow: () => cadence.flushNow(),
    dispose: () => cadence.dispose(),
  };
}
