import { describe, expect, it } from 'vitest';
import { hexDump } from '../../../../src/core/bytes/hex-dump.ts';
import { countAfter, filterRows, indexOfId } from '../../../../src/panel/traffic/row-filter.ts';
import type { TrafficRow } from '../../../../src/panel/traffic/traffic-row.ts';
import {
  ANNOTATED_HEIGHT,
  LINE_HEIGHT,
  OVERSCAN,
  rowOffsets,
  visibleRange,
} from '../../../../src/panel/view/list-geometry.ts';

function row(id: number, level: TrafficRow['level'], haystack = ''): TrafficRow {
  const findings = level === 'plain' ? [] : [{} as TrafficRow['findings'][number]];
  return {
    id,
    time: 0,
    kind: 'receive',
    source: 'wrapper',
    url: '',
    where: '',
    preview: '',
    findings,
    level,
    haystack,
    weight: 0,
  };
}

describe('list geometry', () => {
  it('gives annotated rows two lines and finds the rows in view', () => {
    const rows = Array.from({ length: 1_000 }, (_, i) =>
      row(i + 1, i % 10 === 0 ? 'error' : 'plain'),
    );
    const offsets = rowOffsets(rows);
    expect(offsets[1]).toBe(ANNOTATED_HEIGHT);
    expect(offsets[2]).toBe(ANNOTATED_HEIGHT + LINE_HEIGHT);
    const [start, end] = visibleRange(offsets, offsets[500] ?? 0, 10 * LINE_HEIGHT);
    expect(start).toBe(500 - OVERSCAN);
    expect(end - start).toBeLessThan(30);
    expect(visibleRange(rowOffsets([]), 0, 600)).toEqual([0, 0]);
  });
});

describe('row filter', () => {
  const rows = [row(1, 'plain', 'ticker'), row(3, 'error', 'login failed 60009'), row(7, 'note')];

  it('keeps errors only, and matches text case-insensitively', () => {
    expect(filterRows(rows, { errorsOnly: true, text: '' }).map((r) => r.id)).toEqual([3]);
    expect(filterRows(rows, { errorsOnly: false, text: ' LOGIN ' }).map((r) => r.id)).toEqual([3]);
    expect(filterRows(rows, { errorsOnly: false, text: '' })).toBe(rows);
  });

  it('finds rows by id and counts newer ones', () => {
    expect(indexOfId(rows, 7)).toBe(2);
    expect(indexOfId(rows, 4)).toBe(-1);
    expect(countAfter(rows, 1)).toBe(2);
    expect(countAfter(rows, 0)).toBe(3);
    expect(countAfter(rows, 7)).toBe(0);
  });
});

describe('hexDump', () => {
  it('prints offset, hex and printable ASCII', () => {
    const bytes = new Uint8Array([0x7b, 0x22, 0x61, 0x00, ...new Array(14).fill(0x41)]);
    expect(hexDump(bytes).split('\n')).toEqual([
      '00000000  7b 22 61 00 41 41 41 41  41 41 41 41 41 41 41 41  {"a.AAAAAAAAAAAA',
      '00000010  41 41                                             AA',
    ]);
  });
});
