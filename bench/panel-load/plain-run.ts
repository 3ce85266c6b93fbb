// Bench (Node): the console page's own message rate in Chromium without the extension, with or
// without DevTools open: the baselines of the load benchmark.
import { launchPlainChromium } from '../../test/e2e/support/plain-chromium.ts';
import { measurePageRate, stopStream } from './page-rate.ts';
import { browserVersion, loadNow, type RunFacts, type RunSetup, serverSide } from './run-setup.ts';

export async function plainRun(setup: RunSetup, withDevtools: boolean): Promise<RunFacts> {
  const label = withDevtools ? 'no extension, DevTools open' : 'no extension';
  const loadBefore = loadNow();
  const plain = await launchPlainChromium();
  try {
    const page = await plain.browser.newPage();
    if (withDevtools) {
      await page.goto(setup.exchange.url);
      await page.openDevTools();
    }
    await page.goto(setup.marketUrl);
    const pid = plain.browser.process()?.pid;
    const rate = await measurePageRate(page, pid, setup.seconds, setup.warmupMs, label);
    const final = await stopStream(page);
    return {
      label,
      browserVersion: await browserVersion(plain.browser),
      rate,
      pageTotal: { received: final.received, errors: final.errors },
      server: serverSide(setup.exchange),
      loadBefore,
      loadAfter: loadNow(),
    };
  } finally {
    await plain.close();
  }
}
