// Storage glue bound to the real browser (webextension-polyfill): the one place that does so.
// Entry files and browser-services modules import this; everything else takes a StorageLike.
import browser from 'webextension-polyfill';
import type { StorageAreaLike, StorageLike } from './extension-api.ts';

export function extensionStorage(): StorageLike {
  return browser.storage;
}

/** storage.session (Chromium 102+, Firefox 115+), else local: where recent findings live. */
export function recentFindingsArea(): StorageAreaLike {
  return browser.storage.session ?? browser.storage.local;
}
