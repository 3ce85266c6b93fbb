// Test support (Node): asks the extension which tab shows a URL, from one of its own pages.
import type { Page } from 'puppeteer-core';
import { pollFor } from './poll.ts';

/**
 * The id of the tab showing `url`, from tabs.query in an extension page. Tab URLs are visible
 * to the extension where it has host access (the content scripts' matches cover 127.0.0.1).
 */
export function tabIdOf(extensionPage: Page, url: string): Promise<number> {
  return pollFor(
    () =>
      extensionPage.evaluate(async (wanted) => {
        const api = (globalThis as unknown as { browser?: typeof chrome }).browser ?? chrome;
        const tabs = await api.tabs.query({});
        return tabs.find((tab) => tab.url === wanted)?.id;
      }, url),
    { what: `a tab showing ${url}`, timeoutMs: 10_000 },
  );
}
