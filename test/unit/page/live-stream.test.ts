// Unit (Node, fake timers): live batches leave every 100 ms, at 500 frames or 1 MB, promptly
// for errors, with the history replayed first; never one message per frame.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CAPTURE_LIMITS } from '../../../src/page/capture-limits.ts';
import type { FrameEntry } from '../../../src/page/frame-entry.ts';
import { createLiveStream } from '../../../src/page/live-stream.ts';
import { entry, list, seqs } from './entries.ts';

interface Sent {
  entries: FrameEntry[];
  replay: boolean;
}

function stream() {
  const sent: Sent[] = [];
  const live = createLiveStream({
    limits: CAPTURE_LIMITS,
    now: () => Date.now(),
    setTimer: (fn, ms) => setTimeout(fn, ms) as unknown as number,
    clearTimer: (id) => clearTimeout(id),
    list,
    send: (entries, from, to, replay) => {
      const batch: FrameEntry[] = [];
      for (let i = from; i < to; i += 1) batch.push(entries[i] as FrameEntry);
      sent.push({ entries: batch, replay });
    },
  });
  return { live, sent };
}

describe('live stream', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('sends nothing while not live', () => {
    const { live, sent } = stream();
    live.push(entry('a'));
    vi.advanceTimersByTime(1000);
    expect(sent).toEqual([]);
  });

  it('gathers frames for 100 ms into one batch', () => {
    const { live, sent } = stream();
    live.start();
    for (let i = 0; i < 50; i += 1) live.push(entry(`tick ${i}`));
    vi.advanceTimersByTime(99);
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(sent.map((s) => s.entries.length)).toEqual([50]);
    expect(sent[0]?.replay).toBe(false);
  });

  it('flushes on the next tick at 500 frames, in batches of at most 500', () => {
    const { live, sent } = stream();
    live.start();
    for (let i = 0; i < 1200; i += 1) live.push(entry(`t${i}`));
    vi.advanceTimersByTime(0);
    expect(sent.map((s) => s.entries.length)).toEqual([500, 500, 200]);
    expect(sent.flatMap((s) => s.entries.map((e) => e.frame.seq))).toEqual(
      [...sent.flatMap((s) => s.entries.map((e) => e.frame.seq))].sort((a, b) => a - b),
    );
  });

  it('flushes on the next tick at 1 MB, in batches of at most 1 MB', () => {
    const { live, sent } = stream();
    live.start();
    for (let i = 0; i < 5; i += 1) live.push(entry('x'.repeat(300 * 1024)));
    vi.advanceTimersByTime(0);
    expect(sent.map((s) => s.entries.length)).toEqual([3, 2]);
  });

  it('flushes an error or close on the next tick, with what came before it', () => {
    const { live, sent } = stream();
    live.start();
    live.push(entry('tick'));
    live.push(entry('{"code":"50011"}', { important: true }));
    vi.advanceTimersByTime(0);
    expect(sent.map((s) => s.entries.length)).toEqual([2]);
  });

  it('replays the history first, in seq order, then streams', () => {
    const { live, sent } = stream();
    const history = list<FrameEntry>();
    for (let i = 0; i < 1100; i += 1) history[i] = entry(`h${i}`);
    live.start(history);
    // One batch per task: the page is never blocked for the whole history at once.
    expect(sent.map((s) => [s.entries.length, s.replay])).toEqual([[500, true]]);
    live.push(entry('new'));
    vi.advanceTimersByTime(5);
    // The live frame waited behind the replay, then left at once.
    expect(sent.map((s) => [s.entries.length, s.replay])).toEqual([
      [500, true],
      [500, true],
      [100, true],
      [1, false],
    ]);
    vi.advanceTimersByTime(100);
    expect(sent.at(-1)).toMatchObject({ replay: false });
    expect(sent.flatMap((s) => s.entries.map((e) => e.frame.seq))).toEqual([
      ...seqs(history),
      (seqs(history).at(-1) ?? 0) + 1,
    ]);
  });

  it('stops streaming when told', () => {
    const { live, sent } = stream();
    live.start();
    live.push(entry('a'));
    live.stop();
    live.push(entry('b'));
    vi.advanceTimersByTime(1000);
    expect(sent).toEqual([]);
  });

  it('holds frames behind a Blob still being read, then sends them in order', () => {
    const { live, sent } = stream();
    live.start();
    live.push(entry('before'));
    const blob = entry('', { pending: true });
    live.push(blob);
    live.push(entry('after'));
    vi.advanceTimersByTime(100);
    expect(sent.map((s) => s.entries.length)).toEqual([1]);
    blob.pending = false;
    live.settled();
    vi.advanceTimersByTime(0);
    expect(sent.map((s) => s.entries.length)).toEqual([1, 2]);
  });

  it('does not let a Blob that never finishes reading hold the stream', () => {
    const { live, sent } = stream();
    live.start();
    live.push(entry('', { pending: true }));
    live.push(entry('after'));
    vi.advanceTimersByTime(CAPTURE_LIMITS.blobWaitMs + 100);
    expect(sent.flatMap((s) => s.entries).length).toBe(2);
  });
});
