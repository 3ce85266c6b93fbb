// The popup's list for a query: recent findings of the tab (empty query), then search hits. The
// search index is built after the first paint (the empty query needs none) and rebuilt only when
// the catalogue changes.
import { useEffect, useMemo, useRef } from 'preact/hooks';
import type { Catalogue } from '../core/catalogue/catalogue.ts';
import { isBundledExchange } from '../core/catalogue/types.ts';
import { buildSearchIndex, type SearchIndex, search } from '../core/search/index.ts';
import type { ResultRow } from './result-rows.ts';

/** Rows drawn at once: six screens of the popup. More only slow each keystroke down (rows
 * are built and laid out on every change); typing or a chip narrows the rest. */
export const SHOWN_ROWS = 30;
/** A query with no letter or digit searches nothing yet. */
const SEARCHABLE = /[\p{L}\p{N}]/u;

export interface SearchResults {
  rows: ResultRow[];
  /** All matches, of which `rows` shows the first SHOWN_ROWS. */
  total: number;
  /** Exchanges for the chips: bundled in their order, then custom ones. */
  exchanges: string[];
}

function exchangesOf(catalogue: Catalogue): string[] {
  const seen = new Set(catalogue.entries.map((entry) => entry.exchange));
  const all = [...seen];
  return [...all.filter(isBundledExchange), ...all.filter((id) => !isBundledExchange(id))];
}

export function useSearchResults(
  catalogue: Catalogue,
  query: string,
  chips: ReadonlySet<string>,
  recent: readonly ResultRow[],
): SearchResults {
  const built = useRef<{ catalogue: Catalogue; index: SearchIndex } | null>(null);
  const indexOf = (current: Catalogue): SearchIndex => {
    if (built.current?.catalogue !== current) {
      built.current = { catalogue: current, index: buildSearchIndex(current.entries) };
    }
    return built.current.index;
  };

  useEffect(() => {
    // Build (and warm up) the index right after the paint, before the first keystroke.
    const timer = setTimeout(() => search(indexOf(catalogue), 'warm up'), 0);
    return () => clearTimeout(timer);
  }, [catalogue]);

  const exchanges = useMemo(() => exchangesOf(catalogue), [catalogue]);

  // "-" on the way to "-1021" keeps the list it had: same rows, nothing to redraw.
  const searched = SEARCHABLE.test(query) ? query : '';
  const results = useMemo(() => {
    const wanted = (exchange: string) => chips.size === 0 || chips.has(exchange);
    if (searched === '') {
      const shownRecent = recent.filter((row) =>
        wanted(row.entry?.exchange ?? row.recent?.exchange ?? ''),
      );
      const entries = catalogue.entries.filter((entry) => wanted(entry.exchange));
      const rows = [
        ...shownRecent,
        ...entries.slice(0, SHOWN_ROWS).map((entry) => ({ key: entry.id, entry })),
      ];
      return { rows, total: shownRecent.length + entries.length };
    }
    const hits = search(indexOf(catalogue), searched, { exchanges: chips });
    const rows = hits
      .slice(0, SHOWN_ROWS)
      .map(({ entry, kind }) => ({ key: entry.id, entry, kind }));
    return { rows, total: hits.length };
  }, [catalogue, searched, chips, recent]);

  return { ...results, exchanges };
}
