// Test support (Node): opens Chromium DevTools on a page and shows an extension's panel.
import type { Frame, Page } from 'puppeteer-core';
import { pollFor } from './poll.ts';

declare const DevToolsAPI: { showPanel(id: string): void };

export interface PanelRef {
  extensionId: string;
  /** Title given to devtools.panels.create. */
  title: string;
  /** Page given to devtools.panels.create, from the extension root: /src/panel/index.html */
  path: string;
}

/** DevTools names an extension panel origin + title with whitespace and ports removed. */
export function panelViewId({ extensionId, title }: PanelRef): string {
  return `chrome-extension://${extensionId}${title}`.replace(/\s|:\d+/g, '');
}

/**
 * Opens DevTools on `page` (needs launch option handleDevToolsAsPage), selects the extension's
 * panel and returns the panel's frame once its document has loaded. The panel exists only after
 * the devtools_page has run, and frames are swapped while DevTools loads: retry and look
 * everything up again on each attempt.
 */
export async function showExtensionPanel(
  page: Page,
  panel: PanelRef,
): Promise<{ devtools: Page; frame: Frame }> {
  const devtools = await page.openDevTools();
  const url = `chrome-extension://${panel.extensionId}${panel.path}`;
  const viewId = panelViewId(panel);
  const frame = await pollFor(
    async () => {
      const found = devtools.frames().find((candidate) => candidate.url() === url);
      if (!found) {
        await devtools.evaluate((id) => DevToolsAPI.showPanel(id), viewId);
        return undefined;
      }
      const ready = await found.evaluate(() => document.readyState === 'complete');
      return ready ? found : undefined;
    },
    { what: `DevTools panel "${panel.title}" (${url})`, timeoutMs: 30_000, intervalMs: 250 },
  );
  return { devtools, frame };
}
