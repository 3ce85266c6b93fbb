// MAIN world (page): streams frames to the relay in batches while a panel is open: never one
// event per frame. A batch leaves after flushMs, or at batchFrames / batchChars, whichever comes
// first, and on the next tick when an important frame (close, error) arrives. Lists are
// prototype-less (deps.list) and ranges are passed as indices: no Array method is ever called.
import type { CaptureLimits } from './capture-limits.ts';
import type { FrameEntry } from './frame-entry.ts';
import type { List } from './natives.ts';

export interface LiveStreamDeps {
  limits: Pick<CaptureLimits, 'flushMs' | 'batchFrames' | 'batchChars' | 'blobWaitMs'>;
  now(): number;
  setTimer(fn: () => void, ms: number): number;
  clearTimer(id: number): void;
  list<T>(): List<T>;
  /** An entry is to be sent (live, or replayed): start reading its Blob, if it has one unread
   * (then it is pending until settled()). */
  prepare(entry: FrameEntry): void;
  /** Sends entries[from..to) as one batch; they are in seq order and within the batch caps. */
  send(entries: List<FrameEntry>, from: number, to: number, replay: boolean): void;
}

export interface LiveStream {
  readonly live: boolean;
  /** Goes live; with `history`, sends it first as replay batches. */
  start(history?: List<FrameEntry>): void;
  stop(): void;
  push(entry: FrameEntry): void;
  /** A pending entry's payload arrived (or failed): let the stream move on. */
  settled(): void;
}

export function createLiveStream(deps: LiveStreamDeps): LiveStream {
  const { limits } = deps;
  let live = false;
  let buffer = deps.list<FrameEntry>();
  let bufferCost = 0;
  let timer: number | undefined;
  let timerMs = 0;

  /** Still reading its Blob, and not for too long: frames wait behind it, in order. */
  const waiting = (entry: FrameEntry, now: number) =>
    entry.pending && now - entry.readStarted < limits.blobWaitMs;

  /** End (exclusive) of the batch that starts at `from`, within the batch caps, before the
   * first entry still waiting (with `waitForBlobs`). */
  function batchEnd(entries: List<FrameEntry>, from: number, to: number, waitForBlobs: boolean) {
    const now = deps.now();
    let cost = 0;
    let end = from;
    while (end < to) {
      const entry = entries[end] as FrameEntry;
      if (waitForBlobs && waiting(entry, now)) break;
      if (
        end > from &&
        (end - from >= limits.batchFrames || cost + entry.cost > limits.batchChars)
      ) {
        break;
      }
      cost += entry.cost;
      end += 1;
    }
    return end;
  }

  /** Sends batches from the start of `entries` up to the first entry still waiting; returns
   * how many were sent. */
  function sendReady(entries: List<FrameEntry>, waitForBlobs: boolean): number {
    let at = 0;
    while (at < entries.length) {
      const end = batchEnd(entries, at, entries.length, waitForBlobs);
      if (end === at) break;
      deps.send(entries, at, end, false);
      at = end;
    }
    return at;
  }

  // History goes out one batch per task, so opening DevTools on a busy page never blocks it for
  // the whole history at once; live frames wait behind it to keep the order. A Blob still being
  // read holds the replay as it holds live batches.
  let replaying: { entries: List<FrameEntry>; at: number; timer: number | undefined } | undefined;

  function replayStep() {
    const current = replaying;
    if (!current) return;
    current.timer = undefined;
    const end = batchEnd(current.entries, current.at, current.entries.length, true);
    const sent = end > current.at;
    if (sent) deps.send(current.entries, current.at, end, true);
    current.at = end;
    if (current.at < current.entries.length) {
      // A batch went: the next one on the next task. Else a Blob being read holds the next
      // entry: settled() wakes the replay, or its deadline does.
      const next = current.entries[current.at] as FrameEntry;
      const deadline = next.readStarted + limits.blobWaitMs - deps.now();
      current.timer = deps.setTimer(replayStep, sent || deadline < 0 ? 0 : deadline);
      return;
    }
    replaying = undefined;
    if (buffer.length > 0) schedule(0);
  }

  function cancelReplay() {
    if (replaying?.timer !== undefined) deps.clearTimer(replaying.timer);
    replaying = undefined;
  }

  function schedule(ms: number) {
    if (timer !== undefined) {
      if (timerMs <= ms) return;
      deps.clearTimer(timer);
    }
    timerMs = ms;
    timer = deps.setTimer(flush, ms);
  }

  function cancelTimer() {
    if (timer !== undefined) deps.clearTimer(timer);
    timer = undefined;
  }

  function resetBuffer() {
    buffer = deps.list<FrameEntry>();
    bufferCost = 0;
  }

  // Sends everything up to the first entry whose Blob is still being read (unless it has waited
  // too long: then it goes without its payload rather than holding the stream).
  function flush(waitForBlobs = true) {
    timer = undefined;
    if (replaying) return;
    const sent = sendReady(buffer, waitForBlobs);
    if (sent === buffer.length) {
      resetBuffer();
      return;
    }
    const rest = deps.list<FrameEntry>();
    let restCost = 0;
    for (let i = sent; i < buffer.length; i += 1) {
      const entry = buffer[i] as FrameEntry;
      rest[rest.length] = entry;
      restCost += entry.cost;
    }
    buffer = rest;
    bufferCost = restCost;
    schedule(limits.flushMs);
  }

  return {
    get live() {
      return live;
    },
    start(history) {
      if (live) {
        cancelTimer();
        flush(false);
      }
      cancelReplay();
      live = true;
      if (!history) return;
      resetBuffer();
      // Blobs the history never read are read now; the replay waits for each in turn.
      for (let i = 0; i < history.length; i += 1) deps.prepare(history[i] as FrameEntry);
      replaying = { entries: history, at: 0, timer: undefined };
      replayStep();
    },
    stop() {
      live = false;
      cancelTimer();
      cancelReplay();
      resetBuffer();
    },
    push(entry) {
      if (!live) return;
      deps.prepare(entry);
      buffer[buffer.length] = entry;
      bufferCost += entry.cost;
      const full = buffer.length >= limits.batchFrames || bufferCost >= limits.batchChars;
      schedule(entry.important || full ? 0 : limits.flushMs);
    },
    settled() {
      if (replaying) {
        if (replaying.timer !== undefined) deps.clearTimer(replaying.timer);
        replaying.timer = deps.setTimer(replayStep, 0);
        return;
      }
      if (live && buffer.length > 0) schedule(0);
    },
  };
}
