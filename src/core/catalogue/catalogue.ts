// An indexed, read-only view of catalogue entries: the bundled ones plus any custom ones.
import { BUNDLED_ENTRIES } from './generated/bundled-entries.ts';
import type { CatalogueEntry, ExchangeId, Surface } from './types.ts';

export interface Catalogue {
  readonly entries: readonly CatalogueEntry[];
  /** Every entry with this exact code, in catalogue order. */
  byCode(code: string): readonly CatalogueEntry[];
  byExchange(exchange: ExchangeId): readonly CatalogueEntry[];
}

const NONE: readonly CatalogueEntry[] = Object.freeze([]);

function groupBy<K>(
  entries: readonly CatalogueEntry[],
  key: (entry: CatalogueEntry) => K,
): Map<K, CatalogueEntry[]> {
  const groups = new Map<K, CatalogueEntry[]>();
  for (const entry of entries) {
    const group = groups.get(key(entry));
    if (group) group.push(entry);
    else groups.set(key(entry), [entry]);
  }
  return groups;
}

export function createCatalogue(entries: readonly CatalogueEntry[]): Catalogue {
  // A Map keyed by code: payload text never reaches an object's prototype chain.
  const codes = groupBy(entries, (entry) => entry.code);
  const exchanges = groupBy(entries, (entry) => entry.exchange);
  return {
    entries,
    byCode: (code) => codes.get(code) ?? NONE,
    byExchange: (exchange) => exchanges.get(exchange) ?? NONE,
  };
}

export const BUNDLED_CATALOGUE: Catalogue = createCatalogue(BUNDLED_ENTRIES);

/** Surfaces a code can be looked up on, for each place it was observed. */
export function surfacesFor(observed: Surface): readonly Surface[] {
  switch (observed) {
    case 'close-frame':
      return ['close-frame'];
    case 'http-status':
      return ['http-status'];
    default:
      // Binance-style codes appear in REST bodies and WebSocket API replies alike.
      return ['rest', 'ws-message'];
  }
}
