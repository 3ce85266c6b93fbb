// Every key this extension keeps in storage, in one place: settings in sync, the custom
// catalogues in sync or local (whichever fits), recent findings per tab in session.
import type { Settings } from '../core/settings/index.ts';

/** storage.sync: small, follows the user's browser profile. */
export const SETTINGS_KEYS = {
  hosts: 'settings.hosts',
  historyMaxRows: 'settings.historyMaxRows',
  lang: 'settings.lang',
  savedFilters: 'settings.savedFilters',
} as const satisfies Record<keyof Settings, string>;

/** storage.sync when it fits one sync item, storage.local otherwise. */
export const CUSTOM_CATALOGUES_KEY = 'customCatalogues';

/** storage.session: the last findings of a tab, written by the panel or hub, read by the popup. */
export function recentFindingsKey(tabId: number): string {
  return `recentFindings:${tabId}`;
}
