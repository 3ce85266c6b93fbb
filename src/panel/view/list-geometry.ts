// Pure: geometry of the virtualised list. Rows have one of two fixed heights (one line, or two
// when the row carries an annotation), so offsets are a prefix sum and lookups a binary search.
import type { TrafficRow } from '../traffic/traffic-row.ts';

export const LINE_HEIGHT = 22;
export const ANNOTATED_HEIGHT = 2 * LINE_HEIGHT;
/** Rows rendered beyond each edge of the viewport, so fast scrolling shows no gaps. */
export const OVERSCAN = 8;

export function hasAnnotation(row: TrafficRow): boolean {
  return row.findings.length > 0 || row.kind === 'error';
}

export function rowHeight(row: TrafficRow): number {
  return hasAnnotation(row) ? ANNOTATED_HEIGHT : LINE_HEIGHT;
}

/** offsets[i] is the top of row i; offsets[rows.length] the total height. */
export function rowOffsets(rows: readonly TrafficRow[]): Float64Array {
  const offsets = new Float64Array(rows.length + 1);
  for (let i = 0; i < rows.length; i++) {
    offsets[i + 1] = (offsets[i] as number) + rowHeight(rows[i] as TrafficRow);
  }
  return offsets;
}

/** Index of the row that covers pixel y (clamped to the rows). */
export function rowAt(offsets: Float64Array, y: number): number {
  const count = offsets.length - 1;
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((offsets[mid] as number) <= y) lo = mid;
    else hi = mid - 1;
  }
  return Math.max(0, lo);
}

/** [start, end) of the rows to render for a viewport at scrollTop. */
export function visibleRange(
  offsets: Float64Array,
  scrollTop: number,
  viewport: number,
): [number, number] {
  const count = offsets.length - 1;
  if (count <= 0) return [0, 0];
  const first = rowAt(offsets, scrollTop);
  const last = rowAt(offsets, scrollTop + viewport);
  return [Math.max(0, first - OVERSCAN), Math.min(count, last + 1 + OVERSCAN)];
}
