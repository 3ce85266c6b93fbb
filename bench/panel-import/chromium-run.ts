// Bench (Node driving Chromium): the built panel opened as a tab (?tabId of a plain page), a
// generated HAR chosen in its Import HAR input, and the time from choosing the file to its rows
// shown as the panel measures it (import-status data-ms: read, parse, rows built and detected,
// the frame after they are applied), next to the wall clock seen from here. Then, with the
// history limit raised to hold 10,000 rows, the filter typed: input to the next painted frame.
import type { Browser, ElementHandle, Page } from 'puppeteer-core';
import { launchChromiumWithExtension } from '../../test/e2e/support/chromium.ts';
import { builtExtension } from '../../test/e2e/support/dist.ts';
import { pollFor } from '../../test/e2e/support/poll.ts';
import { median } from '../timing.ts';
import { FILTER_QUERIES } from './node-runs.ts';

const PANEL = '/src/panel/index.html';

export interface ChromiumImport {
  panelMs: number;
  wallMs: number;
  rowsShown: string;
  /** The extension process's JS heap after a collection, the import's rows held. */
  heapMB: number;
}

export interface ChromiumFilter {
  query: string;
  /** Input event to the list's DOM updated and laid out: the filter's and the render's work. */
  renderMedianMs: number;
  /** Input event to the second animation frame: the results on screen, vsync included. */
  paintedMedianMs: number;
  rowsInView: number;
}

async function openPanel(browser: Browser, extensionId: string, tabId: number): Promise<Page> {
  const page = await browser.newPage();
  await page.setViewport({ width: 1400, height: 900 });
  await page.goto(`chrome-extension://${extensionId}${PANEL}?tabId=${tabId}`);
  await page.waitForSelector('[data-testid="import-har"]');
  return page;
}

async function importOnce(page: Page, file: string): Promise<ChromiumImport> {
  const input = (await page.$('[data-testid="import-har"]')) as ElementHandle<HTMLInputElement>;
  const started = performance.now();
  await input.uploadFile(file);
  const status = await pollFor(
    () =>
      page.evaluate(() => {
        const line = document.querySelector('[data-testid="import-status"]');
        const state = line?.getAttribute('data-state');
        if (state === 'failed') return { failed: line?.textContent ?? '' };
        if (state !== 'done') return undefined;
        return { ms: Number(line?.getAttribute('data-ms')), text: line?.textContent ?? '' };
      }),
    { what: 'the import to finish', timeoutMs: 300_000, intervalMs: 25 },
  );
  const wallMs = performance.now() - started;
  if ('failed' in status) throw new Error(status.failed);
  // What the import keeps, not what it left for the collector: collect first.
  const cdp = await page.createCDPSession();
  for (let i = 0; i < 2; i++) {
    await cdp.send('HeapProfiler.collectGarbage');
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const { usedSize: heap } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return {
    panelMs: status.ms,
    wallMs: Math.round(wallMs),
    rowsShown: status.text,
    heapMB: Math.round(heap / 1024 / 1024),
  };
}

/** Typing a query: input event to the DOM rendered and laid out, and to the painted frame. */
async function timeFilter(
  page: Page,
  query: string,
): Promise<{ renderMs: number; paintedMs: number; rows: number }> {
  return page.evaluate(async (text) => {
    const input = document.querySelector('[data-testid="filter"]') as HTMLInputElement;
    const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
    const started = performance.now();
    setValue?.call(input, text);
    input.dispatchEvent(new Event('input', { bubbles: true }));
    // Preact renders in a microtask; a macrotask later the DOM is updated. Reading a layout
    // property makes the browser lay it out now.
    await new Promise((resolve) => setTimeout(resolve, 0));
    const rows = document.querySelectorAll('[data-testid="row"]').length;
    void (document.querySelector('[data-testid="traffic-list"]') as HTMLElement).offsetHeight;
    const renderMs = performance.now() - started;
    await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
    return { renderMs, paintedMs: performance.now() - started, rows };
  }, query);
}

export async function runInChromium(
  file: string,
  runs: number,
): Promise<{
  imports: ChromiumImport[];
  importMedianMs: number;
  filterRows: string;
  filters: ChromiumFilter[];
}> {
  const launched = await launchChromiumWithExtension(builtExtension('chrome'));
  try {
    const { browser, extensionId } = launched;
    const blank = await browser.newPage();
    await blank.goto(`chrome-extension://${extensionId}${PANEL}`);
    const tabId = await blank.evaluate(async () => (await chrome.tabs.getCurrent())?.id ?? 0);
    const imports: ChromiumImport[] = [];
    for (let i = 0; i < runs; i++) {
      const page = await openPanel(browser, extensionId, tabId);
      imports.push(await importOnce(page, file));
      await page.close();
    }
    // 10,000 rows held: the history setting counts non-error rows.
    await blank.evaluate(() => chrome.storage.sync.set({ 'settings.historyMaxRows': 10_000 }));
    const page = await openPanel(browser, extensionId, tabId);
    const held = await importOnce(page, file);
    const filters: ChromiumFilter[] = [];
    for (const query of FILTER_QUERIES) {
      const render: number[] = [];
      const painted: number[] = [];
      let rowsInView = 0;
      for (let i = 0; i < 7; i++) {
        const timing = await timeFilter(page, query);
        render.push(timing.renderMs);
        painted.push(timing.paintedMs);
        rowsInView = timing.rows;
        await timeFilter(page, '');
      }
      const round = (ms: number) => Number(ms.toFixed(1));
      filters.push({
        query,
        renderMedianMs: round(median(render)),
        paintedMedianMs: round(median(painted)),
        rowsInView,
      });
    }
    return {
      imports,
      importMedianMs: median(imports.map((run) => run.panelMs)),
      filterRows: held.rowsShown,
      filters,
    };
  } finally {
    await launched.close();
  }
}
