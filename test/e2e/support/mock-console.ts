// Test support (Node): drives the mock exchange's console page (test/mock-exchange) as a user
// does: presses a scenario's button and waits for the outcome in the page's own log.
import type { Page } from 'puppeteer-core';

/** The last step a scenario logs: a WebSocket's close, or an HTTP response. */
export type ScenarioOutcome = 'close' | 'response';

/**
 * Presses the button `#<id>` and waits until the page's log shows one more `outcome` line;
 * returns that line (e.g. `× close 4004 "No data received in 30s" (clean)`).
 */
export async function pressScenario(
  page: Page,
  id: string,
  outcome: ScenarioOutcome,
  timeoutMs = 15_000,
): Promise<string> {
  const selector = `#log li.${outcome}`;
  const before = await page.$$eval(selector, (items) => items.length);
  await page.click(`#${id}`);
  await page.waitForFunction(
    (css, count) => document.querySelectorAll(css).length > count,
    { timeout: timeoutMs },
    selector,
    before,
  );
  return page.$$eval(selector, (items) => items.at(-1)?.textContent ?? '');
}

/** The console page's market-stream counters, mutated in place by the page (window.__mock). */
export interface MarketStats {
  received: number;
  errors: number;
  startedAt: number;
  perSecond: number;
  running: boolean;
}

export function readMarketStats(page: Page): Promise<MarketStats> {
  return page.evaluate(() => {
    const { stats } = (window as unknown as { __mock: { stats: MarketStats } }).__mock;
    return { ...stats };
  });
}
