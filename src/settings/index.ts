// Settings glue (extension pages and the hub): the storage helpers bound to the real browser.
// Components take a StorageLike instead, so tests can pass in-memory fakes.
import browser from 'webextension-polyfill';
import type { StorageAreaLike, StorageLike } from './extension-api.ts';
import {
  clearRecentFindingsIn,
  type RecentFindingInput,
  recordRecentFindingIn,
} from './recent-findings.ts';

export * from './active-catalogue.ts';
export * from './custom-catalogue-store.ts';
export type * from './extension-api.ts';
export * from './recent-findings.ts';
export * from './settings-store.ts';
export * from './storage-keys.ts';

export function extensionStorage(): StorageLike {
  return browser.storage;
}

function sessionArea(): StorageAreaLike {
  // storage.session exists in Chromium 102+ and Firefox 115+; local is the fallback that works.
  return browser.storage.session ?? browser.storage.local;
}

/** For the panel and hub: records a finding seen in a tab, for the popup to show on top. */
export function recordRecentFinding(tabId: number, finding: RecentFindingInput): Promise<void> {
  return recordRecentFindingIn(sessionArea(), tabId, finding);
}

/** For the hub, when a tab closes. */
export function clearRecentFindings(tabId: number): Promise<void> {
  return clearRecentFindingsIn(sessionArea(), tabId);
}

export function recentFindingsArea(): StorageAreaLike {
  return sessionArea();
}
