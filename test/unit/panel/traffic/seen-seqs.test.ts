import { describe, expect, it } from 'vitest';
import { FrameDeduper, SeenSeqs } from '../../../../src/panel/traffic/seen-seqs.ts';

const accepted = (seen: SeenSeqs, seqs: number[]) => seqs.filter((seq) => seen.mark(seq));

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
    for (let seq = 0; seq < 10_000; seq += 2) seen.mark(seq);
    expect(seen.ranges).toBeLessThanOrEqual(1024);
    // Recent numbers are still told apart exactly.
    expect(seen.mark(9_998)).toBe(false);
    expect(seen.mark(9_997)).toBe(true);
  });
});

describe('FrameDeduper', () => {
  it('keeps sequence numbers per frame and document', () => {
    const dedupe = new FrameDeduper();
    expect(dedupe.accept(0, 'a', 1)).toBe(true);
    expect(dedupe.accept(0, 'b', 1)).toBe(true);
    expect(dedupe.accept(0, 'a', 1)).toBe(false);
    // Another frame naming the same document id touches nothing of frame 0's.
    expect(dedupe.accept(3, 'a', 1)).toBe(true);
    expect(dedupe.accept(0, 'a', 1)).toBe(false);
  });

  it('counts as missing only what the page says its history dropped', () => {
    const dedupe = new FrameDeduper();
    dedupe.accept(0, 'a', 1);
    dedupe.accept(0, 'a', 2);
    // A jump in the numbers with nothing dropped is not a loss...
    dedupe.accept(0, 'a', Number.MAX_SAFE_INTEGER);
    expect(dedupe.missing()).toBe(0);
    // ...and a loss is never more than the gap nor than what was dropped.
    dedupe.reportDropped(0, 'a', 40);
    expect(dedupe.missing()).toBe(40);
    dedupe.accept(1, 'b', 10);
    dedupe.reportDropped(1, 'b', 1_000_000);
    expect(dedupe.missing()).toBe(40 + 9);
  });

  it("lets no frame push the top frame's documents out, however many it loads", () => {
    const dedupe = new FrameDeduper();
    for (let seq = 1; seq <= 5; seq += 1) dedupe.accept(0, 'top', seq);
    for (let i = 0; i < 2_000; i += 1) dedupe.accept(1 + (i % 300), `junk-${i}`, 1);
    // A replay after a service-worker restart: the top document's frames are not taken twice.
    for (let seq = 1; seq <= 5; seq += 1) expect(dedupe.accept(0, 'top', seq)).toBe(false);
  });

  it('forgets the oldest documents of a frame that loads many, not another frame', () => {
    const dedupe = new FrameDeduper();
    dedupe.accept(2, 'kept', 1);
    for (let i = 0; i < 50; i += 1) dedupe.accept(1, `reload-${i}`, 1);
    expect(dedupe.accept(2, 'kept', 1)).toBe(false);
    expect(dedupe.accept(1, 'reload-49', 1)).toBe(false);
    expect(dedupe.accept(1, 'reload-0', 1)).toBe(true);
  });
});
