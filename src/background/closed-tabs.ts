// Background: a closed tab's recent findings go with it. storage.session would otherwise keep
// them until the browser quits, and a new tab reusing the id would show a stranger's errors.
import { clearRecentFindingsIn, type StorageAreaLike } from '../storage/index.ts';

export interface TabRemovedEvent {
  addListener(listener: (tabId: number) => void): void;
}

export function forgetClosedTabs(onRemoved: TabRemovedEvent, area: StorageAreaLike): void {
  onRemoved.addListener((tabId) => {
    clearRecentFindingsIn(area, tabId).catch(() => {});
  });
}
