// Bench (Node): the console page streaming into Chromium with dist/chrome and the Exchange Lens
// panel open in DevTools: the page's rate, the panel's responsiveness and memory (panel and hub
// heaps), what the panel dropped, and whether every error frame reached it.
import type { Browser, Target } from 'puppeteer-core';
import { launchChromiumWithExtension } from '../../test/e2e/support/chromium.ts';
import { showExtensionPanel } from '../../test/e2e/support/devtools.ts';
import { builtExtension } from '../../test/e2e/support/dist.ts';
import { checkErrors, type ErrorCheck } from './error-check.ts';
import { type HeapFigures, sampleHeap } from './heap-sampler.ts';
import { measurePageRate, stopStream } from './page-rate.ts';
import {
  installPanelProbe,
  type PanelNotices,
  type PanelProbe,
  type ProbeSample,
} from './panel-probe.ts';
import {
  browserVersion,
  loadNow,
  type RunFacts,
  type RunSetup,
  serverSide,
  sleep,
} from './run-setup.ts';

const PANEL = { title: 'Exchange Lens', path: '/src/panel/index.html' };
const HEAP_EVERY_MS = 3_000;
const SETTLE_LIMIT_MS = 60_000;

export interface ExtensionRunResult extends RunFacts {
  samples: ProbeSample[];
  probeFailures: number;
  panelHeap: HeapFigures;
  hubHeap: HeapFigures;
  notices: PanelNotices;
  /** Seconds the panel took, after the stream stopped, to show its last rows. */
  settleSeconds: number;
  errors: ErrorCheck;
}

function findTarget(browser: Browser, match: (target: Target) => boolean): Target | undefined {
  return browser.targets().find(match);
}

/** Samples responsiveness once a second until `stop()`; a sample takes part of its second. */
function probeEverySecond(probe: PanelProbe) {
  const samples: ProbeSample[] = [];
  let failures = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const started = Date.now();
      const sample = await probe.sample().catch(() => undefined);
      if (sample) samples.push(sample);
      else failures++;
      await sleep(Math.max(0, 1000 - (Date.now() - started)));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      return { samples, failures };
    },
  };
}

/** Waits until the panel's counts stop moving: the rows still queued when the stream stopped. */
async function settle(probe: PanelProbe): Promise<{ notices: PanelNotices; seconds: number }> {
  const started = Date.now();
  let last = await probe.notices();
  let steady = 0;
  while (steady < 3 && Date.now() - started < SETTLE_LIMIT_MS) {
    await sleep(1000);
    const now = await probe.notices();
    const same =
      now.listed === last.listed &&
      now.errors === last.errors &&
      now.pageDropped === last.pageDropped;
    steady = same ? steady + 1 : 0;
    last = now;
  }
  return { notices: last, seconds: Math.round((Date.now() - started) / 1000) - 3 };
}

export async function extensionRun(setup: RunSetup): Promise<ExtensionRunResult> {
  const label = 'extension, panel open';
  const loadBefore = loadNow();
  const launched = await launchChromiumWithExtension(builtExtension('chrome'));
  try {
    const { browser, extensionId } = launched;
    const page = await browser.newPage();
    await page.goto(setup.exchange.url);
    const { frame } = await showExtensionPanel(page, { ...PANEL, extensionId });
    await frame.waitForSelector('[data-testid="traffic-list"]', { timeout: 15_000 });
    const probe = await installPanelProbe(frame);
    const panelUrl = `chrome-extension://${extensionId}${PANEL.path}`;
    const panelHeap = await sampleHeap(
      findTarget(browser, (t) => t.url() === panelUrl),
      HEAP_EVERY_MS,
    );
    const hubHeap = await sampleHeap(
      findTarget(
        browser,
        (t) =>
          t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${extensionId}/`),
      ),
      HEAP_EVERY_MS,
    );

    await page.goto(setup.marketUrl);
    const prober = probeEverySecond(probe);
    const pid = browser.process()?.pid;
    const rate = await measurePageRate(page, pid, setup.seconds, setup.warmupMs, label);
    const { samples, failures } = await prober.stop();
    const final = await stopStream(page);
    // Memory is judged while streaming, and what stays after a collection once it stops; the
    // scrolling below makes garbage of its own.
    const panelMemory = await panelHeap.stop();
    const hubMemory = await hubHeap.stop();
    const pageTotal = { received: final.received, errors: final.errors };
    const server = serverSide(setup.exchange);
    process.stdout.write('  stream stopped; waiting for the panel to show its last rows\n');
    const settled = await settle(probe);
    const read = await probe.errorRows('/ws/market');
    return {
      label,
      browserVersion: await browserVersion(browser),
      rate,
      pageTotal,
      server,
      loadBefore,
      loadAfter: loadNow(),
      samples,
      probeFailures: failures,
      panelHeap: panelMemory,
      hubHeap: hubMemory,
      notices: settled.notices,
      settleSeconds: Math.max(0, settled.seconds),
      errors: checkErrors(pageTotal, setup.errorEvery, read, settled.notices),
    };
  } finally {
    await launched.close();
  }
}
