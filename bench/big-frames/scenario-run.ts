// Bench (Node): one scenario of the big-frames benchmark in a fresh Chromium with dist/chrome
// and the panel open: the page (or a Worker, or fetch) receives the big payloads; the panel's
// JS heap is sampled throughout and after a forced collection, the extension renderer's peak
// resident memory read from /proc, and what the panel shows of the payloads read back.
import { readdirSync, readFileSync } from 'node:fs';
import type { Browser, Frame, Page } from 'puppeteer-core';
import { launchChromiumWithExtension } from '../../test/e2e/support/chromium.ts';
import { showExtensionPanel } from '../../test/e2e/support/devtools.ts';
import { builtExtension } from '../../test/e2e/support/dist.ts';
import { openDetails, readRows, waitForRows } from '../../test/e2e/support/panel-dom.ts';
import { sleep } from '../panel-load/run-setup.ts';
import { type HeapTimeline, sampleHeapTimeline } from './heap-timeline.ts';

const PANEL = { title: 'Exchange Lens', path: '/src/panel/index.html' };

export type ScenarioName = 'page-socket' | 'worker-socket' | 'http-bodies';

export interface ScenarioResult {
  scenario: ScenarioName;
  /** What the page reported receiving (frames or bodies). */
  pageReceived: number;
  panelHeap: HeapTimeline;
  /** Peak resident memory of the renderer that hosts the extension's pages (VmHWM), MB. */
  extensionRendererPeakMB: number | null;
  /** Rows the panel lists whose size column says MB (the payload's full size). */
  bigRows: number;
  /** The error frame or body after the big ones reached the panel. */
  errorShown: boolean;
  /** The details pane of the first big row: its "truncated at … of …" note, or null. */
  cutNote: string | null;
}

/** The renderer processes among the browser's descendants started for extensions. */
function extensionRendererPeakMB(browserPid: number | undefined): number | null {
  if (browserPid === undefined) return null;
  let peak: number | null = null;
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const cmdline = readFileSync(`/proc/${name}/cmdline`, 'utf8');
      if (!cmdline.includes('--type=renderer') || !cmdline.includes('--extension-process')) {
        continue;
      }
      const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${name}/status`, 'utf8'));
      if (hwm) peak = Math.max(peak ?? 0, Math.round(Number(hwm[1]) / 1024));
    } catch {
      // The process ended while listing.
    }
  }
  return peak;
}

async function drive(page: Page, scenario: ScenarioName, count: number, mb: number) {
  const call = {
    'page-socket': 'bigFramesInPage',
    'worker-socket': 'bigFramesInWorker',
    'http-bodies': 'bigBodies',
  }[scenario];
  return (await page.evaluate(`window.${call}(${count}, ${mb})`)) as { received: number };
}

async function cutNoteOf(panel: Frame, rowId: number | undefined): Promise<string | null> {
  if (rowId === undefined) return null;
  const details = await openDetails(panel, rowId).catch(() => undefined);
  return details?.fields['payload-truncated'] ?? null;
}

export async function runScenario(
  origin: string,
  scenario: ScenarioName,
  count: number,
  mb: number,
): Promise<ScenarioResult> {
  const launched = await launchChromiumWithExtension(builtExtension('chrome'));
  try {
    const { browser, extensionId } = launched;
    const page = await browser.newPage();
    await page.goto(`${origin}/`);
    const { frame } = await showExtensionPanel(page, { ...PANEL, extensionId });
    await frame.waitForSelector('[data-testid="traffic-list"]', { timeout: 15_000 });
    const panelUrl = `chrome-extension://${extensionId}${PANEL.path}`;
    const target = (browser as Browser).targets().find((t) => t.url() === panelUrl);
    const heap = await sampleHeapTimeline(target, 50);
    const { received } = await drive(page, scenario, count, mb);
    const wantError = scenario !== 'http-bodies';
    const errorShown = await waitForRows(
      frame,
      (rows) =>
        (wantError ? rows.some((row) => row.code === '60012') : rows.length >= count) || undefined,
      'the rows after the big payloads',
      60_000,
    ).then(
      () => true,
      () => false,
    );
    // Sockets DevTools logged are held ~1.5 s for the wrapper's frames: sample past that.
    await sleep(4_000);
    const panelHeap = await heap.stop();
    const rows = await readRows(frame);
    const sized = await frame.evaluate(() =>
      [...document.querySelectorAll('[data-testid="row"]')]
        .filter((row) => / MB$/.test(row.querySelector('.cell-size')?.textContent ?? ''))
        .map((row) => Number(row.getAttribute('data-row-id'))),
    );
    return {
      scenario,
      pageReceived: received,
      panelHeap,
      extensionRendererPeakMB: extensionRendererPeakMB(browser.process()?.pid),
      bigRows: sized.length,
      errorShown: scenario === 'http-bodies' ? rows.length >= count : errorShown,
      cutNote: await cutNoteOf(frame, sized[0]),
    };
  } finally {
    await launched.close();
  }
}
