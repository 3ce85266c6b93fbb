// Pure: which rows the list shows for the toolbar's errors-only toggle and filter query.
import { type FilterQuery, matchesQuery, parseFilter } from './filter-query.ts';
import type { PairingView } from './pairing-index.ts';
import type { TrafficRow } from './traffic-row.ts';

export interface RowFilter {
  errorsOnly: boolean;
  /** The filter as typed (see filter-query.ts), when no parsed query is given. */
  text?: string;
  query?: FilterQuery;
  /** For slow:>N terms; without it no pair is slow. */
  pairs?: PairingView;
}

const NO_PAIRS: PairingView = {
  requestOf: () => undefined,
  stateOf: () => undefined,
  isSlow: () => false,
};

export function filterRows(rows: readonly TrafficRow[], filter: RowFilter): readonly TrafficRow[] {
  const query = filter.query ?? parseFilter(filter.text ?? '');
  if (!filter.errorsOnly && query.terms.length === 0) return rows;
  const context = { pairs: filter.pairs ?? NO_PAIRS };
  return rows.filter(
    (row) =>
      (!filter.errorsOnly || row.level === 'error') &&
      (query.terms.length === 0 || matchesQuery(row, query, context)),
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
