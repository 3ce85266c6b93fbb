// Panel glue (extension page): which sites the wrapper runs on, and asking the user for more.
// Talks to the browser's permissions and runtime APIs only; the hub registers the scripts.
import type { Browser } from 'webextension-polyfill';
import type { SiteAccess } from './capture-model.ts';
import { matchesPattern, originPattern } from './match-pattern.ts';

function manifestMatches(browser: Browser): string[] {
  const scripts = browser.runtime.getManifest().content_scripts ?? [];
  return scripts.flatMap((script) => script.matches ?? []);
}

export function createSiteAccess(browser: Browser): SiteAccess {
  // Firefox does not expose permissions.request (nor always permissions) to DevTools pages.
  const permissions = browser.permissions as Browser['permissions'] | undefined;
  const canRequest = typeof permissions?.request === 'function';
  return {
    canRequest,
    async covers(url) {
      if (manifestMatches(browser).some((pattern) => matchesPattern(pattern, url))) return true;
      const pattern = originPattern(url);
      if (!pattern || typeof permissions?.contains !== 'function') return false;
      return permissions.contains({ origins: [pattern] });
    },
    request(url) {
      const pattern = originPattern(url);
      if (!pattern || !permissions) return Promise.reject(new Error(`no origin in ${url}`));
      return permissions.request({ origins: [pattern] });
    },
    openOptions() {
      return browser.runtime.openOptionsPage();
    },
  };
}
