import { describe, expect, it } from 'vitest';
import { FrameDeduper, SeenSeqs } from '../../../../src/panel/traffic/seen-seqs.ts';

const accepted = (seen: SeenSeqs, seqs: number[]) => seqs.filter((seq) => seen.add(seq));

describe('SeenSeqs', () => {
  it('takes a live stream once and a replay of it not at all', () => {
    const seen = new SeenSeqs();
    expect(accepted(seen, [1, 2, 3, 4, 5])).toEqual([1, 2, 3, 4, 5]);
    expect(accepted(seen, [1, 2, 3, 4, 5])).toEqual([]);
    expect(seen.ranges).toBe(1);
  });

  it('takes from a replay only what it had missed, gaps included', () => {
    const seen = new SeenSeqs();
    accepted(seen, [1, 2, 3, 7, 8]);
    // Replay after a service-worker restart: history with the page's own gaps (5 dropped).
    expect(accepted(seen, [2, 3, 4, 6, 7, 8, 9])).toEqual([4, 6, 9]);
    expect(accepted(seen, [5])).toEqual([5]);
    expect(seen.ranges).toBe(1);
  });

  it('handles out-of-order arrivals', () => {
    const seen = new SeenSeqs();
    expect(accepted(seen, [10, 5, 7, 6, 5, 10, 8, 9, 1])).toEqual([10, 5, 7, 6, 8, 9, 1]);
    expect(seen.ranges).toBe(2);
  });

  it('stays bounded when every other frame is missing', () => {
    const seen = new SeenSeqs();
    for (let seq = 0; seq < 10_000; seq += 2) seen.add(seq);
    expect(seen.ranges).toBeLessThanOrEqual(1024);
    // Recent numbers are still told apart exactly.
    expect(seen.add(9_998)).toBe(false);
    expect(seen.add(9_997)).toBe(true);
  });
});

describe('FrameDeduper', () => {
  it('keeps sequence numbers per document', () => {
    const dedupe = new FrameDeduper();
    expect(dedupe.accept('a', 1)).toBe(true);
    expect(dedupe.accept('b', 1)).toBe(true);
    expect(dedupe.accept('a', 1)).toBe(false);
  });
});
