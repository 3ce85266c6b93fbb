// Keeps the custom catalogues in storage: in storage.sync when they fit one sync item (so they
// follow the user's profile), in storage.local otherwise. An import is parsed and checked in
// full first and written in one call; a bad or oversized import changes nothing.
import {
  type CustomCatalogue,
  mergeCustomCatalogues,
  NO_CUSTOM_CATALOGUES,
  type ParseOptions,
  parseCustomCatalogue,
  readStoredCatalogues,
  removeCustomExchange,
  type StoredCustomCatalogues,
} from '../core/custom-catalogue/index.ts';
import type { StorageAreaName, StorageLike } from './extension-api.ts';
import { CUSTOM_CATALOGUES_KEY } from './storage-keys.ts';

/** chrome.storage.sync.QUOTA_BYTES_PER_ITEM (Firefox uses the same): key plus JSON value. */
export const SYNC_ITEM_BYTES = 8192;

export interface LoadedCatalogues {
  stored: StoredCustomCatalogues;
  /** Where they live; undefined when there are none. */
  area: StorageAreaName | undefined;
  /** Stored catalogues that no longer check out and were left out. */
  problems: string[];
}

export function storedBytes(stored: StoredCustomCatalogues): number {
  return new TextEncoder().encode(CUSTOM_CATALOGUES_KEY + JSON.stringify(stored)).length;
}

async function read(storage: StorageLike, area: StorageAreaName): Promise<unknown> {
  try {
    return (await storage[area].get(CUSTOM_CATALOGUES_KEY))[CUSTOM_CATALOGUES_KEY];
  } catch {
    return undefined;
  }
}

/** The newer of the sync and local copies (sync may bring an older one from another device). */
export async function loadCustomCatalogues(storage: StorageLike): Promise<LoadedCatalogues> {
  const [sync, local] = await Promise.all([read(storage, 'sync'), read(storage, 'local')]);
  const fromSync = readStoredCatalogues(sync);
  const fromLocal = readStoredCatalogues(local);
  if (sync === undefined && local === undefined) {
    return { stored: NO_CUSTOM_CATALOGUES, area: undefined, problems: [] };
  }
  const useSync =
    local === undefined ||
    (sync !== undefined && fromSync.stored.updatedAt >= fromLocal.stored.updatedAt);
  const chosen = useSync ? fromSync : fromLocal;
  return { ...chosen, area: useSync ? 'sync' : 'local' };
}

export type WriteOutcome =
  | { ok: true; area: StorageAreaName | undefined; bytes: number; stored: StoredCustomCatalogues }
  | { ok: false; problems: string[] };

/** Writes the whole set in one call to the area it fits, then drops the copy in the other. */
async function write(storage: StorageLike, stored: StoredCustomCatalogues): Promise<WriteOutcome> {
  const bytes = storedBytes(stored);
  if (stored.catalogues.length === 0) {
    await Promise.allSettled([
      storage.sync.remove(CUSTOM_CATALOGUES_KEY),
      storage.local.remove(CUSTOM_CATALOGUES_KEY),
    ]);
    return { ok: true, area: undefined, bytes: 0, stored };
  }
  const item = { [CUSTOM_CATALOGUES_KEY]: stored };
  let area: StorageAreaName = bytes <= SYNC_ITEM_BYTES ? 'sync' : 'local';
  try {
    await storage[area].set(item);
  } catch (error) {
    // Sync can refuse for its total quota or its write rate; local still keeps it here.
    if (area === 'local') return { ok: false, problems: [refused(error)] };
    area = 'local';
    try {
      await storage.local.set(item);
    } catch (localError) {
      return { ok: false, problems: [refused(localError)] };
    }
  }
  await storage[area === 'sync' ? 'local' : 'sync'].remove(CUSTOM_CATALOGUES_KEY).catch(() => {});
  return { ok: true, area, bytes, stored };
}

function refused(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return `the browser refused to store the catalogue: ${message}`;
}

export type ImportOutcome =
  | (Extract<WriteOutcome, { ok: true }> & { imported: CustomCatalogue[] })
  | { ok: false; problems: string[] };

export async function importCustomCatalogue(
  storage: StorageLike,
  text: string,
  options: ParseOptions = {},
  now: number = Date.now(),
): Promise<ImportOutcome> {
  const parsed = parseCustomCatalogue(text, options);
  if (!parsed.ok) return parsed;
  // Stored catalogues that no longer check out are dropped on the next write.
  const { stored } = await loadCustomCatalogues(storage);
  const merged = mergeCustomCatalogues(stored, parsed.catalogues, now);
  const written = await write(storage, merged);
  return written.ok ? { ...written, imported: parsed.catalogues } : written;
}

export async function removeCustomCatalogue(
  storage: StorageLike,
  exchange: string,
  now: number = Date.now(),
): Promise<WriteOutcome> {
  const { stored } = await loadCustomCatalogues(storage);
  return write(storage, removeCustomExchange(stored, exchange, now));
}
