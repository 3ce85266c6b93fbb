// Panel glue (extension page): which sites the wrapper runs on, and asking the user for more.
// Talks to the browser's permissions and runtime APIs only; the hub registers the scripts.
import type { Browser } from 'webextension-polyfill';
import type { SiteAccess } from './capture-model.ts';
import { matchesPattern, originPattern } from './match-pattern.ts';

function manifestMatches(browser: Browser): string[] {
  const scripts = browser.runtime.getManifest().content_scripts ?? [];
  return scripts.flatMap((script) => script.matches ?? []);
}

function originOf(url: string): string | undefined {
  try {
    const { origin } = new URL(url);
    return origin === 'null' ? undefined : origin;
  } catch {
    return undefined;
  }
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
    async openOptions(url) {
      const site = url === undefined ? undefined : originOf(url);
      if (!site) return browser.runtime.openOptionsPage();
      // openOptionsPage cannot carry a query: open the page itself, offering this site.
      const page = `/src/options/index.html?grant=${encodeURIComponent(site)}`;
      await browser.tabs.create({ url: browser.runtime.getURL(page) });
    },
  };
}
