// Background: a closed tab's recent findings go with it. storage.session would otherwise keep
// them until the browser quits, and a new tab reusing the id would show a stranger's errors.
// The module itself, not the storage barrel: the barrel's active catalogue would bring the
// bundled catalogues into every service-worker wake.
import type { StorageAreaLike } from '../storage/extension-api.ts';
import { clearRecentFindingsIn } from '../storage/recent-findings.ts';

export interface TabRemovedEvent {
  addListener(listener: (tabId: number) => void): void;
}

export function forgetClosedTabs(onRemoved: TabRemovedEvent, area: StorageAreaLike): void {
  onRemoved.addListener((tabId) => {
    clearRecentFindingsIn(area, tabId).catch(() => {});
  });
}
