// Pure: which rows the list shows for the toolbar's errors-only toggle and text filter.
import type { TrafficRow } from './traffic-row.ts';

export interface RowFilter {
  errorsOnly: boolean;
  /** Matched case-insensitively against URL, preview, codes and messages. */
  text: string;
}

export function filterRows(rows: readonly TrafficRow[], filter: RowFilter): readonly TrafficRow[] {
  const needle = filter.text.trim().toLowerCase();
  if (!filter.errorsOnly && needle === '') return rows;
  return rows.filter(
    (row) =>
      (!filter.errorsOnly || row.level === 'error') &&
      (needle === '' || row.haystack.includes(needle)),
  );
}

/** Index of the row with this id in an id-sorted list, or -1. */
export function indexOfId(rows: readonly TrafficRow[], id: number): number {
  let lo = 0;
  let hi = rows.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = (rows[mid] as TrafficRow).id;
    if (at === id) return mid;
    if (at < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

/** How many rows of an id-sorted list came after `id`. */
export function countAfter(rows: readonly TrafficRow[], id: number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((rows[mid] as TrafficRow).id <= id) lo = mid + 1;
    else hi = mid;
  }
  return rows.length - lo;
}
