// The options page's services on the real browser: storage through src/storage, the host
// permissions, the manifest's built-in hosts and the site the panel asked to offer (?grant=).
import browser from 'webextension-polyfill';
import { captureScripts } from '../core/sites/content-scripts.ts';
import { extensionStorage } from '../storage/browser-storage.ts';
import type { OptionsServices } from './options-services.ts';

export function browserOptionsServices(search: string): OptionsServices {
  const grant = new URLSearchParams(search).get('grant');
  return {
    storage: extensionStorage(),
    permissions: browser.permissions,
    builtInPatterns: captureScripts(browser.runtime.getManifest()).builtIn,
    ...(grant ? { grantRequest: grant } : {}),
  };
}
