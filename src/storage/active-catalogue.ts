// What the panel, popup and hub explain with: the bundled catalogue plus the user's custom
// catalogues, and the user's host map, read from storage and rebuilt when either changes.
import { BUNDLED_CATALOGUE, type Catalogue, createCatalogue } from '../core/catalogue/catalogue.ts';
import { catalogueEntries, type StoredCustomCatalogues } from '../core/custom-catalogue/index.ts';
import type { DetectorOptions } from '../core/detect/detector.ts';
import { loadCustomCatalogues } from './custom-catalogue-store.ts';
import type { StorageLike } from './extension-api.ts';
import { loadSettings } from './settings-store.ts';
import { CUSTOM_CATALOGUES_KEY, SETTINGS_KEYS } from './storage-keys.ts';

/** The bundled catalogue followed by the custom entries; the bundled one when there are none. */
export function catalogueWith(stored: StoredCustomCatalogues): Catalogue {
  const custom = catalogueEntries(stored.catalogues);
  if (custom.length === 0) return BUNDLED_CATALOGUE;
  return createCatalogue([...BUNDLED_CATALOGUE.entries, ...custom]);
}

export async function loadCatalogue(storage: StorageLike): Promise<Catalogue> {
  return catalogueWith((await loadCustomCatalogues(storage)).stored);
}

/** Options for createDetector: the active catalogue and the user's host map. */
export async function loadDetectorOptions(
  storage: StorageLike,
): Promise<Required<DetectorOptions>> {
  const [catalogue, settings] = await Promise.all([loadCatalogue(storage), loadSettings(storage)]);
  return { catalogue, hosts: settings.hosts };
}

/** Calls `onChange` with fresh detector options when the catalogues or the host map change. */
export function watchDetectorOptions(
  storage: StorageLike,
  onChange: (options: Required<DetectorOptions>) => void,
): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area !== 'sync' && area !== 'local') return;
    if (CUSTOM_CATALOGUES_KEY in changes || SETTINGS_KEYS.hosts in changes) {
      void loadDetectorOptions(storage).then(onChange);
    }
  };
  storage.onChanged.addListener(listener);
  return () => storage.onChanged.removeListener(listener);
}
