// Test support: the panel's services without a browser: copies, saved files and saved filters
// are kept in memory for the test to read.
import type { SavedFilter } from '../../../../src/core/settings/index.ts';
import { checkSettingsChange } from '../../../../src/core/settings/index.ts';
import type { PanelServices } from '../../../../src/panel/panel-services.ts';
import type { SigningServices } from '../../../../src/panel/sign/signing-services.ts';

export interface FakePanelServices extends PanelServices {
  copied: string[];
  files: { name: string; text: string; type: string }[];
  savedFilters: readonly SavedFilter[];
}

export function fakePanelServices(
  signing: SigningServices,
  filters: readonly SavedFilter[] = [],
): FakePanelServices {
  const watchers = new Set<(filters: readonly SavedFilter[]) => void>();
  const services: FakePanelServices = {
    signing,
    copied: [],
    files: [],
    savedFilters: filters,
    async copy(text) {
      services.copied.push(text);
    },
    saveFile(name, text, type) {
      services.files.push({ name, text, type });
    },
    filters: {
      load: async () => services.savedFilters,
      async save(next) {
        const checked = checkSettingsChange({ savedFilters: next });
        if ('problems' in checked) return { ok: false, problems: checked.problems };
        services.savedFilters = checked.change.savedFilters ?? [];
        for (const watcher of watchers) watcher(services.savedFilters);
        return { ok: true };
      },
      watch(onChange) {
        watchers.add(onChange);
        return () => watchers.delete(onChange);
      },
    },
  };
  return services;
}
