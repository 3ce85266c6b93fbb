// Bench (Node): the case that matters most: the extension installed and capturing, DevTools
// closed, a busy page. The console page streams market data at a rate; measured over a window:
// the page's main-thread CPU (CDP Performance.getMetrics TaskDuration and ScriptDuration: the
// renderer thread that runs the page's scripts, the MAIN-world wrapper and the relay alike), the
// browser's processes' CPU, and the handler delay from the server's stamp in each frame to the
// page's onmessage (window.__mock.delays). Without the extension, then with it; with it, the
// panel is opened afterwards to show that the frames were captured while DevTools was closed.
import type { CDPSession, Page } from 'puppeteer-core';
import { launchChromiumWithExtension } from '../../test/e2e/support/chromium.ts';
import { showExtensionPanel } from '../../test/e2e/support/devtools.ts';
import { builtExtension } from '../../test/e2e/support/dist.ts';
import { readMarketStats } from '../../test/e2e/support/mock-console.ts';
import { launchPlainChromium } from '../../test/e2e/support/plain-chromium.ts';
import { waitForStream } from './page-rate.ts';
import { installPanelProbe } from './panel-probe.ts';
import { treeCpuSeconds } from './process-cpu.ts';
import { browserVersion, loadNow, type RunSetup, sleep } from './run-setup.ts';
import { round } from './statistics.ts';

const PANEL = { title: 'Exchange Lens', path: '/src/panel/index.html' };

export interface HandlerDelay {
  count: number;
  p50: number | null;
  p99: number | null;
  max: number | null;
}

export interface ClosedRun {
  label: string;
  rate: number;
  seconds: number;
  framesPerSecond: number;
  /** Share of one core the page's main thread was busy (TaskDuration / wall). */
  pageCpu: number;
  /** The part of it spent running scripts (ScriptDuration / wall). */
  pageScriptCpu: number;
  /** Cores' worth used by all the browser's processes (/proc), the hub included. */
  browserCores: number;
  handlerDelayMs: HandlerDelay;
  /** With the extension: what the panel listed of the stream once opened after the run. */
  capturedWhileClosed?: { listed: number; errors: number };
  loadBefore: number;
  loadAfter: number;
  browserVersion: string;
}

type Mock = { __mock: { delays: { reset(): void; read(): HandlerDelay } } };

async function metrics(session: CDPSession): Promise<{ task: number; script: number }> {
  const { metrics: list } = await session.send('Performance.getMetrics');
  const value = (name: string) => list.find((m) => m.name === name)?.value ?? 0;
  return { task: value('TaskDuration'), script: value('ScriptDuration') };
}

async function measure(
  page: Page,
  browserPid: number | undefined,
  seconds: number,
  warmupMs: number,
) {
  const session = await page.createCDPSession();
  await session.send('Performance.enable');
  await waitForStream(page);
  await sleep(warmupMs);
  await page.evaluate(() => (window as unknown as Mock).__mock.delays.reset());
  const first = {
    ...(await metrics(session)),
    at: Date.now(),
    browser: treeCpuSeconds(browserPid),
  };
  const received = (await readMarketStats(page)).received;
  await sleep(seconds * 1000);
  const last = { ...(await metrics(session)), at: Date.now(), browser: treeCpuSeconds(browserPid) };
  const after = (await readMarketStats(page)).received;
  const delay = await page.evaluate(() => (window as unknown as Mock).__mock.delays.read());
  const wall = (last.at - first.at) / 1000;
  await session.detach().catch(() => undefined);
  return {
    seconds: round(wall, 2),
    framesPerSecond: Math.round((after - received) / wall),
    pageCpu: round((last.task - first.task) / wall, 3),
    pageScriptCpu: round((last.script - first.script) / wall, 3),
    browserCores: round((last.browser - first.browser) / wall, 2),
    handlerDelayMs: delay,
  };
}

function closedUrl(setup: RunSetup, rate: number): string {
  const url = new URL(setup.marketUrl);
  url.searchParams.set('rate', String(rate));
  url.searchParams.set('delays', '1');
  return url.href;
}

export async function closedRun(
  setup: RunSetup,
  rate: number,
  withExtension: boolean,
): Promise<ClosedRun> {
  const label = withExtension ? 'extension capturing, DevTools closed' : 'no extension';
  const loadBefore = loadNow();
  const extension = withExtension
    ? await launchChromiumWithExtension(builtExtension('chrome'))
    : undefined;
  const launched = extension ?? (await launchPlainChromium());
  try {
    const { browser } = launched;
    const page = await browser.newPage();
    await page.goto(closedUrl(setup, rate));
    const figures = await measure(page, browser.process()?.pid, setup.seconds, setup.warmupMs);
    await page.evaluate(() =>
      (window as unknown as { __mock: { market: { stop(): void } } }).__mock.market.stop(),
    );
    let capturedWhileClosed: ClosedRun['capturedWhileClosed'];
    if (extension) {
      const { frame } = await showExtensionPanel(page, {
        ...PANEL,
        extensionId: extension.extensionId,
      });
      await frame.waitForSelector('[data-testid="traffic-list"]', { timeout: 15_000 });
      const probe = await installPanelProbe(frame);
      await sleep(2000);
      const notices = await probe.notices();
      capturedWhileClosed = { listed: notices.listed, errors: notices.errors };
    }
    return {
      label,
      rate,
      ...figures,
      ...(capturedWhileClosed ? { capturedWhileClosed } : {}),
      loadBefore,
      loadAfter: loadNow(),
      browserVersion: await browserVersion(browser),
    };
  } finally {
    await launched.close();
  }
}
