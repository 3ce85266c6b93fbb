// Panel UI: the saved filters, read from the settings through the services seam and kept in
// step with changes made elsewhere (another DevTools window, another device through sync).
import { useEffect, useState } from 'preact/hooks';
import type { SavedFilter } from '../../core/settings/index.ts';
import type { SavedFilterStore } from '../panel-services.ts';

export interface SavedFilters {
  filters: readonly SavedFilter[];
  /** Why the last save or delete was refused. */
  problem: string | undefined;
  save(name: string, query: string): Promise<boolean>;
  remove(name: string): Promise<void>;
}

export function useSavedFilters(store: SavedFilterStore): SavedFilters {
  const [filters, setFilters] = useState<readonly SavedFilter[]>([]);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  useEffect(() => {
    let live = true;
    store.load().then(
      (loaded) => live && setFilters(loaded),
      () => {},
    );
    const stop = store.watch((changed) => setFilters(changed));
    return () => {
      live = false;
      stop();
    };
  }, [store]);

  async function write(next: SavedFilter[]): Promise<boolean> {
    const outcome = await store.save(next).catch((error: unknown) => ({
      ok: false as const,
      problems: [`the browser refused to save: ${String(error)}`],
    }));
    if (!outcome.ok) {
      setProblem(outcome.problems.join('; '));
      return false;
    }
    setProblem(undefined);
    setFilters(next);
    return true;
  }

  return {
    filters,
    problem,
    save: (name, query) => {
      const trimmed = name.trim();
      // Saving under a name in use replaces that filter, in its place.
      const at = filters.findIndex((filter) => filter.name === trimmed);
      const next = [...filters];
      if (at >= 0) next[at] = { name: trimmed, query: query.trim() };
      else next.push({ name: trimmed, query: query.trim() });
      return write(next);
    },
    remove: async (name) => {
      await write(filters.filter((filter) => filter.name !== name));
    },
  };
}
