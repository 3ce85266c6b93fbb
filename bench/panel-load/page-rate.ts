// Bench (Node): the console page's own message rate (window.__mock.stats, counted by the page's
// onmessage) over a measured window, and the CPU the browser and this process used meanwhile.
import type { Page } from 'puppeteer-core';
import { type MarketStats, readMarketStats } from '../../test/e2e/support/mock-console.ts';
import { pollFor } from '../../test/e2e/support/poll.ts';
import { ownCpuSeconds, treeCpuSeconds } from './process-cpu.ts';
import { median, round } from './statistics.ts';

export interface RateWindow {
  /** Length of the measured window (page clock), seconds. */
  seconds: number;
  /** Frames the page's onmessage counted in the window. */
  received: number;
  /** received / seconds */
  framesPerSecond: number;
  /** Median and lowest of the page's own per-second counts. */
  perSecondMedian: number | null;
  perSecondMin: number | null;
  /** Cores' worth of CPU used by the browser's processes, and by this Node process (the mock
   * exchange and the driver), over the window. The machine has os.cpus().length of them. */
  browserCores: number;
  benchProcessCores: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function pageNow(page: Page): Promise<MarketStats & { now: number }> {
  const stats = await readMarketStats(page);
  return { ...stats, now: await page.evaluate(() => Date.now()) };
}

export async function waitForStream(page: Page): Promise<void> {
  await pollFor(async () => ((await readMarketStats(page)).startedAt > 0 ? true : undefined), {
    what: 'the market stream to open in the page',
    timeoutMs: 20_000,
  });
}

/** Measures `seconds` of the page's rate after `warmupMs`, with a progress line every 10 s. */
export async function measurePageRate(
  page: Page,
  browserPid: number | undefined,
  seconds: number,
  warmupMs: number,
  label: string,
): Promise<RateWindow> {
  await waitForStream(page);
  await sleep(warmupMs);
  const first = await pageNow(page);
  const cpuStart = { browser: treeCpuSeconds(browserPid), own: ownCpuSeconds(), at: Date.now() };
  const perSecond: number[] = [];
  const deadline = Date.now() + seconds * 1000;
  let nextReport = Date.now() + 10_000;
  while (Date.now() < deadline) {
    await sleep(Math.min(1000, Math.max(0, deadline - Date.now())));
    const now = await readMarketStats(page);
    perSecond.push(now.perSecond);
    if (Date.now() >= nextReport) {
      nextReport += 10_000;
      const elapsed = Math.round(seconds - (deadline - Date.now()) / 1000);
      process.stdout.write(`  ${label}: ${elapsed} s, ${now.perSecond} frames/s now\n`);
    }
  }
  const last = await pageNow(page);
  const wall = (Date.now() - cpuStart.at) / 1000;
  const windowSeconds = (last.now - first.now) / 1000;
  const received = last.received - first.received;
  return {
    seconds: round(windowSeconds, 2),
    received,
    framesPerSecond: Math.round(received / windowSeconds),
    perSecondMedian: median(perSecond),
    perSecondMin: perSecond.length > 0 ? Math.min(...perSecond) : null,
    browserCores: round((treeCpuSeconds(browserPid) - cpuStart.browser) / wall, 2),
    benchProcessCores: round((ownCpuSeconds() - cpuStart.own) / wall, 2),
  };
}

/** Stops the stream from the page (as its Stop button does) and returns its final counts. */
export async function stopStream(page: Page): Promise<MarketStats> {
  await page.evaluate(() => {
    (window as unknown as { __mock: { market: { stop(): void } } }).__mock.market.stop();
  });
  await sleep(300);
  return readMarketStats(page);
}
