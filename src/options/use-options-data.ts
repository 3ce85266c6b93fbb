// The settings and custom catalogues the options page shows, loaded once and kept current when
// another page (or another device, through sync) changes them.
import { useEffect, useState } from 'preact/hooks';
import type { Settings } from '../core/settings/index.ts';
import type { StorageLike } from '../storage/index.ts';
import {
  CUSTOM_CATALOGUES_KEY,
  type LoadedCatalogues,
  loadCustomCatalogues,
  loadSettings,
  watchSettings,
} from '../storage/index.ts';

export interface OptionsData {
  settings: Settings | undefined;
  catalogues: LoadedCatalogues | undefined;
}

export function useOptionsData(storage: StorageLike): OptionsData {
  const [settings, setSettings] = useState<Settings>();
  const [catalogues, setCatalogues] = useState<LoadedCatalogues>();

  useEffect(() => {
    let live = true;
    const reloadCatalogues = () =>
      void loadCustomCatalogues(storage).then((loaded) => live && setCatalogues(loaded));
    void loadSettings(storage).then((loaded) => live && setSettings(loaded));
    reloadCatalogues();
    const stopSettings = watchSettings(storage, (loaded) => live && setSettings(loaded));
    const listener = (changes: Record<string, unknown>) => {
      if (CUSTOM_CATALOGUES_KEY in changes) reloadCatalogues();
    };
    storage.onChanged.addListener(listener);
    return () => {
      live = false;
      stopSettings();
      storage.onChanged.removeListener(listener);
    };
  }, [storage]);

  return { settings, catalogues };
}
