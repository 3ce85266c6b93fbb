// Unit (Node): the page's bounded history: recent messages within caps, errors kept apart.
import { describe, expect, it } from 'vitest';
import { createPageHistory } from '../../../src/page/page-history.ts';
import { entry, list, seqs, texts, toArray } from './entries.ts';

const LIMITS = { historyMessages: 5, historyChars: 10_000, keptFrames: 3, keptChars: 10_000 };

describe('page history', () => {
  it('keeps the last messages and counts what it dropped', () => {
    const history = createPageHistory(LIMITS, list);
    for (let i = 0; i < 8; i += 1) history.keep(entry(`m${i}`));
    expect(texts(history.entries())).toEqual(['m3', 'm4', 'm5', 'm6', 'm7']);
    expect(history.dropped).toBe(3);
  });

  it('drops the oldest messages when their payloads pass the character cap', () => {
    const history = createPageHistory({ ...LIMITS, historyChars: 3 * (1000 + 120) }, list);
    for (let i = 0; i < 5; i += 1) history.keep(entry(`${i}`.repeat(1000)));
    expect(toArray(history.entries()).map((e) => e.frame.text?.[0])).toEqual(['2', '3', '4']);
    expect(history.dropped).toBe(2);
  });

  it('keeps errors and closes through a flood of ordinary messages, in seq order', () => {
    const history = createPageHistory(LIMITS, list);
    const error = entry('{"code":"51008"}', { important: true });
    history.keep(entry('before'));
    history.keep(error);
    for (let i = 0; i < 1000; i += 1) history.keep(entry(`tick ${i}`));
    const close = entry('', { kind: 'close', important: true });
    history.keep(close);
    history.keep(entry('after'));
    const kept = history.entries();
    expect(texts(kept)).toEqual([
      '{"code":"51008"}',
      'tick 996',
      'tick 997',
      'tick 998',
      'tick 999',
      '',
      'after',
    ]);
    expect(seqs(kept)).toEqual([...seqs(kept)].sort((a, b) => a - b));
    expect(history.dropped).toBe(997);
  });

  it('bounds the important store too, and counts its drops', () => {
    const history = createPageHistory(LIMITS, list);
    for (let i = 0; i < 5; i += 1) history.keep(entry(`{"code":${i}}`, { important: true }));
    expect(texts(history.entries())).toEqual(['{"code":2}', '{"code":3}', '{"code":4}']);
    expect(history.dropped).toBe(2);
  });

  it('counts a late Blob payload against the cap', () => {
    const history = createPageHistory({ ...LIMITS, historyChars: 1000 }, list);
    const blob = entry('', { pending: true });
    history.keep(entry('x'));
    history.keep(blob);
    history.grow(blob, 900);
    expect(toArray(history.entries())).toEqual([blob]);
    expect(history.dropped).toBe(1);
  });
});
