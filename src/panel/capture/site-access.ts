// Panel glue (extension page): which sites the wrapper runs on, and asking the user for more.
// Talks to the browser's permissions and runtime APIs only; the hub registers the scripts.
import type { Browser } from 'webextension-polyfill';
import { captureSite } from '../../core/sites/capture-site.ts';
import { captureScripts } from '../../core/sites/content-scripts.ts';
import { matchesPattern } from '../../core/sites/match-pattern.ts';
import type { SiteAccess } from './capture-model.ts';

export function createSiteAccess(browser: Browser): SiteAccess {
  // Firefox does not expose permissions.request (nor always permissions) to DevTools pages.
  const permissions = browser.permissions as Browser['permissions'] | undefined;
  const canRequest = typeof permissions?.request === 'function';
  return {
    canRequest,
    async covers(url) {
      const { builtIn } = captureScripts(browser.runtime.getManifest());
      if (builtIn.some((pattern) => matchesPattern(pattern, url))) return true;
      const site = captureSite(url);
      if (!site || typeof permissions?.contains !== 'function') return false;
      return permissions.contains({ origins: [site.pattern] });
    },
    request(url) {
      const site = captureSite(url);
      if (!site || !permissions) return Promise.reject(new Error(`no origin in ${url}`));
      return permissions.request({ origins: [site.pattern] });
    },
    async openOptions(url) {
      const site = url === undefined ? undefined : captureSite(url);
      if (!site) return browser.runtime.openOptionsPage();
      // openOptionsPage cannot carry a query: open the page itself, offering this site.
      const page = `/src/options/index.html?grant=${encodeURIComponent(site.origin)}`;
      await browser.tabs.create({ url: browser.runtime.getURL(page) });
    },
  };
}
