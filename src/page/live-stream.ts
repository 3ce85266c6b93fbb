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

  /** End (exclusive) of the batch that starts at `from`, within the batch caps. */
  function batchEnd(entries: List<FrameEntry>, from: number, to: number): number {
    let cost = 0;
    let end = from;
    while (end < to) {
      const entry = entries[end] as FrameEntry;
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

  function sendInBatches(entries: List<FrameEntry>, from: number, to: number, replay: boolean) {
    for (let at = from; at < to; ) {
      const end = batchEnd(entries, at, to);
      deps.send(entries, at, end, replay);
      at = end;
    }
  }

  // History goes out one batch per task, so opening DevTools on a busy page never blocks it for
  // the whole history at once; live frames wait behind it to keep the order.
  let replaying: { entries: List<FrameEntry>; at: number; timer: number | undefined } | undefined;

  function replayStep() {
    const current = replaying;
    if (!current) return;
    const end = batchEnd(current.entries, current.at, current.entries.length);
    if (end > current.at) deps.send(current.entries, current.at, end, true);
    current.at = end;
    if (current.at < current.entries.length) {
      current.timer = deps.setTimer(replayStep, 0);
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
    let end = 0;
    const oldest = deps.now() - limits.blobWaitMs;
    while (end < buffer.length) {
      const entry = buffer[end] as FrameEntry;
      if (waitForBlobs && entry.pending && entry.frame.time > oldest) break;
      end += 1;
    }
    sendInBatches(buffer, 0, end, false);
    if (end === buffer.length) {
      resetBuffer();
      return;
    }
    const rest = deps.list<FrameEntry>();
    let restCost = 0;
    for (let i = end; i < buffer.length; i += 1) {
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
      // Replay what is complete; entries still reading a Blob follow in the live stream.
      const ready = deps.list<FrameEntry>();
      resetBuffer();
      for (let i = 0; i < history.length; i += 1) {
        const entry = history[i] as FrameEntry;
        if (entry.pending) {
          buffer[buffer.length] = entry;
          bufferCost += entry.cost;
        } else ready[ready.length] = entry;
      }
      replaying = { entries: ready, at: 0, timer: undefined };
      replayStep();
      if (buffer.length > 0) schedule(limits.flushMs);
    },
    stop() {
      live = false;
      cancelTimer();
      cancelReplay();
      resetBuffer();
    },
    push(entry) {
      if (!live) return;
      buffer[buffer.length] = entry;
      bufferCost += entry.cost;
      const full = buffer.length >= limits.batchFrames || bufferCost >= limits.batchChars;
      schedule(entry.important || full ? 0 : limits.flushMs);
    },
    settled() {
      if (live && buffer.length > 0) schedule(0);
    },
  };
}
