// Pure (timers injected): everything the traffic pane knows. Sources push in (hub frames, HAR
// entries); rows are built and detected once on arrival, queued, and applied to the store in
// batches at most every `renderIntervalMs`; subscribers re-render once per applied batch.

import { harUrl, isWebSocketEntry } from '../../core/capture/har-entry.ts';
import { createDetector, type Detector } from '../../core/index.ts';
import type { TabFrames } from '../../protocol/index.ts';
import { rowsFromTabFrames } from './rows-from-frames.ts';
import { fallbackRowsFromEntry, httpRowFromEntry } from './rows-from-har.ts';
import { FrameDeduper } from './seen-seqs.ts';
import type { TrafficRow } from './traffic-row.ts';
import { type StoreLimits, type StoreSnapshot, TrafficStore } from './traffic-store.ts';

export interface SessionClock {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** Runs before the next paint (requestAnimationFrame); without it, renders run at once. */
  requestFrame?: (run: () => void) => void;
}

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

const MAX_WRAPPER_URLS = 2_000;

const defaultClock: SessionClock = {
  now: () => Date.now(),
  setTimeout: (run, ms) => globalThis.setTimeout(run, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
  ...(typeof globalThis.requestAnimationFrame === 'function'
    ? { requestFrame: (run: () => void) => void globalThis.requestAnimationFrame(run) }
    : {}),
};

function normaliseUrl(url: string): string {
  try {
    return new URL(url).href;
  } catch {
    return url;
  }
}

export function createTrafficSession(options: TrafficSessionOptions = {}): TrafficSession {
  let detector = options.detector ?? createDetector();
  const clock = options.clock ?? defaultClock;
  const calmInterval = options.renderIntervalMs ?? 100;
  const floodInterval = options.floodIntervalMs ?? 250;
  const floodRows = options.floodRows ?? 200;
  let interval = calmInterval;
  const fallbackDelay = options.fallbackDelayMs ?? 1_500;
  const store = new TrafficStore(options.limits);
  const seen = new FrameDeduper();
  let lastId = 0;
  const ids = { next: () => ++lastId };

  let pending: TrafficRow[] = [];
  let pendingSockets: { entry: unknown; due: number }[] = [];
  const wrapperUrls = new Set<string>();
  /** Gaps already there at the last clear or navigation: not news any more. */
  let missingBaseline = 0;
  let missingShown = 0;
  let preserveLog = false;
  /** Without preserve log, rows older than the current document are not taken. */
  let cutoff = Number.NEGATIVE_INFINITY;

  const listeners = new Set<() => void>();
  let timer: unknown;
  let timerDue = 0;
  let lastFlush = Number.NEGATIVE_INFINITY;
  let frameRequested = false;
  /** Something besides rows changed (a page's drop count): the next flush re-renders. */
  let dirty = false;
  let cached: TrafficSnapshot | undefined;
  let cachedFrom: StoreSnapshot | undefined;

  function notify(): void {
    frameRequested = false;
    cached = undefined;
    for (const listener of [...listeners]) listener();
  }

  function requestRender(): void {
    if (!clock.requestFrame) {
      notify();
      return;
    }
    if (frameRequested) return;
    frameRequested = true;
    clock.requestFrame(notify);
  }

  function takeDueSockets(now: number): void {
    if (pendingSockets.length === 0) return;
    const waiting: typeof pendingSockets = [];
    for (const item of pendingSockets) {
      if (item.due > now) {
        waiting.push(item);
        continue;
      }
      const url = harUrl(item.entry);
      // The wrapper reported this socket: its frames (with close codes) are already shown.
      if (url === undefined || wrapperUrls.has(normaliseUrl(url))) continue;
      pending.push(...fallbackRowsFromEntry(item.entry, ids, detector));
    }
    pendingSockets = waiting;
  }

  function flush(): boolean {
    const now = clock.now();
    lastFlush = now;
    takeDueSockets(now);
    const changed = dirty || pending.length > 0;
    dirty = false;
    interval = pending.length > floodRows ? floodInterval : calmInterval;
    if (pending.length === 0) return changed;
    const rows = pending;
    pending = [];
    store.add(rows);
    return true;
  }

  function run(): void {
    timer = undefined;
    const changed = flush();
    const next = pendingSockets.reduce((soonest, item) => Math.min(soonest, item.due), Infinity);
    if (next !== Infinity) schedule(next - clock.now());
    if (changed) requestRender();
  }

  function schedule(delay = 0): void {
    const now = clock.now();
    const due = Math.max(lastFlush + interval, now + Math.max(0, delay));
    if (timer !== undefined && timerDue <= due) return;
    if (timer !== undefined) clock.clearTimeout(timer);
    timerDue = due;
    timer = clock.setTimeout(run, due - now);
  }

  function queue(rows: readonly TrafficRow[]): void {
    for (const row of rows) if (preserveLog || row.time >= cutoff) pending.push(row);
    // Timers of a hidden panel can be throttled to seconds: the queue must stay bounded too.
    if (pending.length > store.limits.maxRows) flush();
    schedule();
  }

  function rememberWrapperUrls(message: TabFrames): void {
    for (const frame of message.frames) {
      if (wrapperUrls.has(frame.url)) continue;
      if (wrapperUrls.size >= MAX_WRAPPER_URLS) wrapperUrls.clear();
      wrapperUrls.add(frame.url);
      wrapperUrls.add(normaliseUrl(frame.url));
    }
  }

  function pageDroppedTotal(): number {
    return Math.max(0, seen.missing() - missingBaseline);
  }

  function forgetPageDrops(): void {
    missingBaseline = seen.missing();
  }

  return {
    ingestFrames(message) {
      rememberWrapperUrls(message);
      queue(rowsFromTabFrames(message, seen, ids, detector));
      const missing = pageDroppedTotal();
      if (missing !== missingShown) {
        missingShown = missing;
        cached = undefined;
        dirty = true;
      }
    },
    ingestHar(entry, body) {
      if (isWebSocketEntry(entry)) {
        pendingSockets.push({ entry, due: clock.now() + fallbackDelay });
        schedule(fallbackDelay);
        return;
      }
      const row = httpRowFromEntry(entry, body, ids.next(), detector);
      if (row) queue([row]);
    },
    navigated(since) {
      if (preserveLog) return;
      cutoff = since;
      flush();
      store.retain((row) => row.time >= since);
      forgetPageDrops();
      requestRender();
    },
    setPreserveLog(preserve) {
      preserveLog = preserve;
      if (preserve) cutoff = Number.NEGATIVE_INFINITY;
      cached = undefined;
      requestRender();
    },
    setDetector(next) {
      detector = next;
    },
    setLimits(limits) {
      flush();
      store.setLimits(limits);
      requestRender();
    },
    clear() {
      pending = [];
      pendingSockets = [];
      store.clear();
      forgetPageDrops();
      requestRender();
    },
    snapshot() {
      const fromStore = store.snapshot();
      if (!cached || cachedFrom !== fromStore) {
        cached = { ...fromStore, pageDropped: pageDroppedTotal(), preserveLog };
        cachedFrom = fromStore;
      }
      return cached;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    flushNow() {
      if (timer !== undefined) clock.clearTimeout(timer);
      timer = undefined;
      flush();
      notify();
    },
    dispose() {
      if (timer !== undefined) clock.clearTimeout(timer);
      timer = undefined;
      listeners.clear();
    },
  };
}
