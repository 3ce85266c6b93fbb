// Reads, writes and watches the user's settings in storage.sync. A change is checked in full
// before it is written, and written in one call, so a bad value never lands half-way.
import { checkSettingsChange, readSettings, type Settings } from '../core/settings/index.ts';
import type { StorageLike } from './extension-api.ts';
import { SETTINGS_KEYS } from './storage-keys.ts';

const NAMES = Object.keys(SETTINGS_KEYS) as (keyof Settings)[];
const KEYS: string[] = Object.values(SETTINGS_KEYS);

export async function loadSettings(storage: StorageLike): Promise<Settings> {
  const stored = await storage.sync.get(KEYS).catch(() => ({}) as Record<string, unknown>);
  return readSettings(Object.fromEntries(NAMES.map((name) => [name, stored[SETTINGS_KEYS[name]]])));
}

export type SaveOutcome = { ok: true } | { ok: false; problems: string[] };

function failure(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return `the browser refused to save: ${message}`;
}

export async function saveSettings(
  storage: StorageLike,
  change: Partial<Settings>,
): Promise<SaveOutcome> {
  const checked = checkSettingsChange(change);
  if ('problems' in checked) return { ok: false, problems: checked.problems };
  const items: Record<string, unknown> = {};
  for (const name of NAMES) {
    if (checked.change[name] !== undefined) items[SETTINGS_KEYS[name]] = checked.change[name];
  }
  try {
    await storage.sync.set(items);
    return { ok: true };
  } catch (error) {
    return { ok: false, problems: [failure(error)] };
  }
}

/** Calls `onChange` with the new settings whenever any of them changes; returns the stop. */
export function watchSettings(
  storage: StorageLike,
  onChange: (settings: Settings) => void,
): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (area === 'sync' && KEYS.some((key) => key in changes)) {
      void loadSettings(storage).then(onChange);
    }
  };
  storage.onChanged.addListener(listener);
  return () => storage.onChanged.removeListener(listener);
}
