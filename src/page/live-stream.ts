// MAIN world (page): streams frames to the relay in batches while a panel is open: never one
// event per frame. A batch leaves after flushMs, or at batchFrames / batchChars, whichever comes
// first, and on the next tick when an important frame (close, error) arrives.
import type { CaptureLimits } from './capture-limits.ts';
import type { FrameEntry } from './frame-entry.ts';

export interface LiveStreamDeps {
  limits: Pick<CaptureLimits, 'flushMs' | 'batchFrames' | 'batchChars' | 'blobWaitMs'>;
  now(): number;
  setTimer(fn: () => void, ms: number): number;
  clearTimer(id: number): void;
  /** Sends one batch; entries are in seq order and within the batch caps. */
  send(entries: FrameEntry[], replay: boolean): void;
}

export interface LiveStream {
  readonly live: boolean;
  /** Goes live; with `history`, sends it first as replay batches. */
  start(history?: FrameEntry[]): void;
  stop(): void;
  push(entry: FrameEntry): void;
  /** A pending entry's payload arrived (or failed): let the stream move on. */
  settled(): void;
}

export function createLiveStream(deps: LiveStreamDeps): LiveStream {
  const { limits } = deps;
  let live = false;
  let buffer: FrameEntry[] = [];
  let bufferCost = 0;
  let timer: number | undefined;
  let timerMs = 0;

  function sendInBatches(entries: FrameEntry[], from: number, to: number, replay: boolean) {
    let batch: FrameEntry[] = [];
    let cost = 0;
    for (let i = from; i < to; i += 1) {
      const entry = entries[i] as FrameEntry;
      if (
        batch.length > 0 &&
        (batch.length >= limits.batchFrames || cost + entry.cost > limits.batchChars)
      ) {
        deps.send(batch, replay);
        batch = [];
        cost = 0;
      }
      batch[batch.length] = entry;
      cost += entry.cost;
    }
    if (batch.length > 0) deps.send(batch, replay);
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

  // Sends everything up to the first entry whose Blob is still being read (unless it has waited
  // too long: then it goes without its payload rather than holding the stream).
  function flush(waitForBlobs = true) {
    timer = undefined;
    let end = 0;
    const oldest = deps.now() - limits.blobWaitMs;
    while (end < buffer.length) {
      const entry = buffer[end] as FrameEntry;
      if (waitForBlobs && entry.pending && entry.frame.time > oldest) break;
      end += 1;
    }
    sendInBatches(buffer, 0, end, false);
    const rest: FrameEntry[] = [];
    bufferCost = 0;
    for (let i = end; i < buffer.length; i += 1) {
      const entry = buffer[i] as FrameEntry;
      rest[rest.length] = entry;
      bufferCost += entry.cost;
    }
    buffer = rest;
    if (buffer.length > 0) schedule(limits.flushMs);
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
      live = true;
      if (!history) return;
      // Replay what is complete; entries still reading a Blob follow in the live stream.
      const ready: FrameEntry[] = [];
      buffer = [];
      bufferCost = 0;
      for (let i = 0; i < history.length; i += 1) {
        const entry = history[i] as FrameEntry;
        if (entry.pending) {
          buffer[buffer.length] = entry;
          bufferCost += entry.cost;
        } else ready[ready.length] = entry;
      }
      sendInBatches(ready, 0, ready.length, true);
      if (buffer.length > 0) schedule(limits.flushMs);
    },
    stop() {
      live = false;
      cancelTimer();
      buffer = [];
      bufferCost = 0;
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
