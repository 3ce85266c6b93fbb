import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../../src/core/index.ts';
import type { TrafficRow } from '../../../../src/panel/traffic/traffic-row.ts';
import { TrafficStore } from '../../../../src/panel/traffic/traffic-store.ts';

let id = 0;
function row(level: TrafficRow['level'], weight = 10, exchange = 'okx'): TrafficRow {
  const findings: Finding[] =
    level === 'plain'
      ? []
      : [
          {
            exchange: exchange as Finding['exchange'],
            attribution: 'host',
            confidence: 'certain',
            reason: 'the host is OKX',
            dialect: 'okx-ws-event',
            surface: 'ws-message',
            code: '1',
            alternatives: [],
            severity: level === 'error' ? 'error' : 'info',
          },
        ];
  id++;
  return {
    id,
    time: id,
    kind: 'receive',
    source: 'wrapper',
    url: 'wss://x',
    where: 'x',
    preview: '',
    findings,
    level,
    haystack: '',
    weight,
  };
}

const rows = (level: TrafficRow['level'], count: number) =>
  Array.from({ length: count }, () => row(level));
const levels = (store: TrafficStore) => store.snapshot().rows.map((r) => r.level);

describe('TrafficStore', () => {
  it('drops the oldest non-error rows first and keeps every error', () => {
    const store = new TrafficStore({ maxPlainRows: 3, maxRows: 6 });
    const error = row('error');
    store.append([...rows('plain', 2), error, ...rows('plain', 4)]);
    const snapshot = store.snapshot();
    expect(snapshot.rows).toHaveLength(4);
    expect(snapshot.rows[0]).toBe(error);
    expect(snapshot.droppedPlain).toBe(3);
    expect(snapshot.droppedErrors).toBe(0);
    expect(snapshot.added).toBe(7);
  });

  it('lets errors take the slots of non-error rows before dropping any error', () => {
    const store = new TrafficStore({ maxPlainRows: 3, maxRows: 5 });
    store.append(rows('plain', 3));
    store.append(rows('error', 4));
    expect(levels(store)).toEqual(['plain', 'error', 'error', 'error', 'error']);
    store.append(rows('error', 2));
    expect(levels(store)).toEqual(['error', 'error', 'error', 'error', 'error']);
    expect(store.snapshot().droppedPlain).toBe(3);
    expect(store.snapshot().droppedErrors).toBe(1);
  });

  it('counts notes as non-error rows', () => {
    const store = new TrafficStore({ maxPlainRows: 1, maxRows: 10 });
    store.append([row('note'), row('note'), row('error')]);
    expect(levels(store)).toEqual(['note', 'error']);
  });

  it('keeps the characters held under the budget, oldest non-error rows first', () => {
    const store = new TrafficStore({ maxPlainRows: 100, maxRows: 100, maxChars: 1_000 });
    const big = [row('plain', 400), row('error', 400), row('plain', 400)];
    store.append(big);
    expect(store.snapshot().rows.map((r) => r.id)).toEqual([big[1]?.id, big[2]?.id]);
  });

  it('counts error findings by exchange for the rows it holds', () => {
    const store = new TrafficStore({ maxPlainRows: 10, maxRows: 2 });
    store.append([row('error', 1, 'okx'), row('error', 1, 'gateway'), row('note', 1, 'rfc6455')]);
    expect(store.snapshot().errorsByExchange).toEqual({ okx: 1, gateway: 1 });
    store.append([row('error', 1, 'okx')]);
    expect(store.snapshot().errorsByExchange).toEqual({ okx: 1, gateway: 1 });
  });

  it('keeps snapshots immutable while it moves on', () => {
    const store = new TrafficStore();
    store.append(rows('plain', 2));
    const before = store.snapshot();
    store.append(rows('plain', 2));
    expect(before.rows).toHaveLength(2);
    expect(store.snapshot().rows).toHaveLength(4);
  });

  it('clears everything, counts included, and retains by predicate', () => {
    const store = new TrafficStore({ maxPlainRows: 1 });
    store.append([...rows('plain', 3), row('error')]);
    store.retain((r) => r.level === 'error');
    expect(levels(store)).toEqual(['error']);
    expect(store.snapshot().droppedPlain).toBe(2);
    store.clear();
    expect(store.snapshot()).toMatchObject({
      rows: [],
      droppedPlain: 0,
      added: 0,
      errorsByExchange: {},
    });
  });
});
