// Test support (Node): stops the extension's service worker the way the browser does when it
// is idle, and lets the restarted worker run (puppeteer's auto-attach holds a new worker until
// a debugger releases it; a browser without a debugger attached does not).
import type { Browser, Page } from 'puppeteer-core';

async function releaseWorkers(browser: Browser): Promise<void> {
  for (const target of browser.targets()) {
    if (target.type() !== 'service_worker') continue;
    try {
      const session = await target.createCDPSession();
      await session.send('Runtime.runIfWaitingForDebugger');
      await session.detach();
    } catch {
      // The worker went away between listing and attaching: the next round finds the new one.
    }
  }
}

/** Stops every service worker of the browser, then keeps releasing the restarted ones for
 * `releaseMs` while the relays and the panel reconnect. */
export async function stopServiceWorkers(
  browser: Browser,
  page: Page,
  releaseMs = 3_000,
): Promise<void> {
  const session = await page.createCDPSession();
  await session.send('ServiceWorker.enable');
  await session.send('ServiceWorker.stopAllWorkers');
  await session.detach();
  const until = Date.now() + releaseMs;
  while (Date.now() < until) {
    await releaseWorkers(browser);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
