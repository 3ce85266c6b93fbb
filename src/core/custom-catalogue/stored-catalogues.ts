// The custom catalogues as kept in extension storage: one record list per exchange. Read back
// through the same checks as an import, since storage may hold an older or a tampered copy.
import { checkRecord, compactRecord } from './custom-record.ts';
import { exchangeIdProblem } from './exchange-id.ts';
import type { CustomCatalogue } from './parse-custom-catalogue.ts';

export interface StoredCustomCatalogue extends CustomCatalogue {
  /** Epoch ms of the import. */
  importedAt: number;
}

export interface StoredCustomCatalogues {
  version: 1;
  /** Epoch ms of the last change: picks the newer copy when sync and local both hold one. */
  updatedAt: number;
  catalogues: StoredCustomCatalogue[];
}

export const NO_CUSTOM_CATALOGUES: StoredCustomCatalogues = Object.freeze({
  version: 1,
  updatedAt: 0,
  catalogues: [],
});

/** An import replaces the catalogues of the exchanges it names and keeps the others. */
export function mergeCustomCatalogues(
  stored: StoredCustomCatalogues,
  imported: readonly CustomCatalogue[],
  now: number,
): StoredCustomCatalogues {
  const replaced = new Set(imported.map((catalogue) => catalogue.exchange));
  return {
    version: 1,
    updatedAt: now,
    catalogues: [
      ...stored.catalogues.filter((catalogue) => !replaced.has(catalogue.exchange)),
      ...imported.map((catalogue) => ({ ...catalogue, importedAt: now })),
    ],
  };
}

export function removeCustomExchange(
  stored: StoredCustomCatalogues,
  exchange: string,
  now: number,
): StoredCustomCatalogues {
  return {
    version: 1,
    updatedAt: now,
    catalogues: stored.catalogues.filter((catalogue) => catalogue.exchange !== exchange),
  };
}

function readCatalogue(value: unknown): StoredCustomCatalogue | string {
  if (typeof value !== 'object' || value === null) return 'a stored catalogue is not an object';
  const { exchange, source, importedAt, records } = value as Record<string, unknown>;
  if (typeof exchange !== 'string' || exchangeIdProblem(exchange)) {
    return `a stored catalogue has a bad exchange id ${JSON.stringify(exchange)}`;
  }
  if (!Array.isArray(records)) return `the stored ${exchange} catalogue has no records`;
  const checked: StoredCustomCatalogue['records'] = [];
  for (const record of records) {
    const result = checkRecord(record, exchange);
    if ('problems' in result) {
      return `the stored ${exchange} catalogue is damaged: ${result.problems[0]}`;
    }
    checked.push(compactRecord(result.record));
  }
  return {
    exchange,
    source: typeof source === 'string' && source !== '' ? source : 'custom catalogue',
    importedAt: typeof importedAt === 'number' ? importedAt : 0,
    records: checked,
  };
}

/** The stored catalogues that still check out, and what was wrong with the others. */
export function readStoredCatalogues(value: unknown): {
  stored: StoredCustomCatalogues;
  problems: string[];
} {
  if (value === undefined || value === null) return { stored: NO_CUSTOM_CATALOGUES, problems: [] };
  const root = value as Partial<StoredCustomCatalogues>;
  if (typeof value !== 'object' || root.version !== 1 || !Array.isArray(root.catalogues)) {
    return {
      stored: NO_CUSTOM_CATALOGUES,
      problems: ['the stored custom catalogues are unreadable'],
    };
  }
  const problems: string[] = [];
  const catalogues: StoredCustomCatalogue[] = [];
  for (const item of root.catalogues) {
    const read = readCatalogue(item);
    if (typeof read === 'string') problems.push(read);
    else catalogues.push(read);
  }
  const updatedAt = typeof root.updatedAt === 'number' ? root.updatedAt : 0;
  return { stored: { version: 1, updatedAt, catalogues }, problems };
}
