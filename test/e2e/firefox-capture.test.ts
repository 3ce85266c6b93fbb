// End-to-end (Node driving Firefox): the add-on's capture path delivers a page's WebSocket
// errors and close codes to the panel, the real exchanges' frames (under their own host names)
// each explained by its own exchange. Firefox's DevTools panels are out of reach of automation,
// so the panel page is opened as a tab on the inspected tab (?tabId=N), as the panel supports.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_CATALOGUE, describeRetry } from '../../src/core/index.ts';
import { REAL_ENVELOPES } from '../fixtures/real-envelopes/index.ts';
import { type MockExchange, startMockExchange } from '../mock-exchange/server.ts';
import { locateBrowser, requireExecutable, suiteTitle } from './support/browsers.ts';
import { builtExtension } from './support/dist.ts';
import { tabIdOf } from './support/extension-tabs.ts';
import {
  type FirefoxWithExtension,
  launchFirefoxWithExtension,
  openExtensionPage,
} from './support/firefox.ts';
import { pressScenario } from './support/mock-console.ts';
import { type PanelRow, readCaptureBanner, waitForRows } from './support/panel-dom.ts';
import { checkCorpusRows, runCorpusPage } from './support/real-exchange-check.ts';
import {
  type RealExchangeServer,
  startRealExchangeServer,
} from './support/real-exchange-server.ts';

const PANEL_PATH = '/src/panel/index.html';
const READY = '[data-testid="panel"]';

/** What the annotation of a row explained by `id` reads like: the catalogue's own words. */
function annotationOf(id: string, message?: string) {
  const entry = BUNDLED_CATALOGUE.entries.find((candidate) => candidate.id === id);
  if (!entry) throw new Error(`no catalogue entry ${id}`);
  return {
    exchangeId: entry.exchange,
    exchange: 'OKX',
    code: entry.code,
    category: entry.category,
    message: message ?? entry.messages.en,
    fix: entry.fix,
    retry: describeRetry(entry.retry),
  };
}

const isError = (code: string, kind: string) => (row: PanelRow) =>
  row.error && row.code === code && row.kind === kind;

const firefox = locateBrowser('firefox');

describe.skipIf(firefox.skip)(
  suiteTitle('WebSocket capture to the panel in Firefox', firefox),
  () => {
    let exchange: MockExchange | undefined;
    let real: RealExchangeServer | undefined;
    let launched: FirefoxWithExtension | undefined;

    beforeAll(async () => {
      exchange = await startMockExchange({ port: 0, okxIdleMs: 1_000 });
      real = await startRealExchangeServer(REAL_ENVELOPES);
      launched = await launchFirefoxWithExtension(
        builtExtension('firefox'),
        requireExecutable(firefox),
        { localHosts: real.hosts },
      );
    });

    afterAll(async () => {
      await launched?.close();
      await exchange?.close();
      await real?.close();
    });

    it('delivers a WebSocket error and a 4004 close to the panel, explained', async () => {
      if (!launched || !exchange) throw new Error('Firefox or the mock exchange did not start');
      const page = await launched.browser.newPage();
      await page.goto(exchange.url);
      expect(await pressScenario(page, 'okx-empty-instid', 'close')).toContain('close 1000');
      expect(await pressScenario(page, 'okx-idle-close', 'close')).toContain('close 4004');

      // Any extension page can name the tab; the panel without ?tabId says it has none.
      const { page: unbound } = await openExtensionPage(
        launched.browser,
        launched.extensionUrl(PANEL_PATH),
        READY,
      );
      const tabId = await tabIdOf(unbound, exchange.url);
      expect((await readCaptureBanner(unbound)).state).toBe('no-tab');
      await unbound.close();

      const { page: panel } = await openExtensionPage(
        launched.browser,
        launched.extensionUrl(`${PANEL_PATH}?tabId=${tabId}`),
        READY,
      );
      const [instId, idle] = await waitForRows(
        panel,
        (rows) => {
          const wanted = [
            rows.find(isError('60027', 'receive')),
            rows.find(isError('4004', 'close')),
          ];
          return wanted.every(Boolean) ? wanted : undefined;
        },
        'the 60027 error and the 4004 close captured before the panel opened',
      );
      expect(instId?.preview).toContain(
        '"code":"60027","msg":"Parameter instId can not be empty."',
      );
      expect(instId?.annotation).toMatchObject(
        annotationOf('okx:ws-message:60027', 'Parameter instId can not be empty.'),
      );
      expect(idle?.preview).toBe('4004 No data received in 30s · clean');
      expect(idle?.annotation).toMatchObject(annotationOf('okx:close-frame:4004'));

      expect(await readCaptureBanner(panel)).toEqual({
        state: 'active',
        text: `WebSocket capture is active on this page. Opened outside DevTools: WebSocket frames of tab ${tabId} only, no HTTP.`,
      });

      await expectLiveError(page, panel);
    });

    it("explains the real exchanges' WebSocket frames by their own meanings", async () => {
      if (!launched || !real) throw new Error('Firefox or the real-exchange server did not start');
      const page = await launched.browser.newPage();
      // Before the panel opens: the page's capture history brings them.
      await runCorpusPage(page, real);
      const { page: unbound } = await openExtensionPage(
        launched.browser,
        launched.extensionUrl(PANEL_PATH),
        READY,
      );
      const tabId = await tabIdOf(unbound, real.page);
      await unbound.close();
      const { page: panel } = await openExtensionPage(
        launched.browser,
        launched.extensionUrl(`${PANEL_PATH}?tabId=${tabId}`),
        READY,
      );
      // The panel opened as a tab sees WebSocket frames only (no DevTools, no HTTP).
      const sockets = (c: (typeof REAL_ENVELOPES)[number]) => c.event.type === 'ws';
      const checked = await checkCorpusRows(panel, real, REAL_ENVELOPES, sockets);
      expect(checked).toBe(REAL_ENVELOPES.filter(sockets).length);
    });
  },
);

/** A frame that arrives while the panel is open comes through the live stream, not a replay. */
async function expectLiveError(page: Page, panel: Page): Promise<void> {
  expect(await pressScenario(page, 'okx-bad-channel', 'close')).toContain('close 1000');
  const channel = await waitForRows(
    panel,
    (rows) => rows.find(isError('60018', 'receive')),
    'the 60018 error sent while the panel is open',
  );
  expect(channel.annotation).toMatchObject(
    annotationOf(
      'okx:ws-message:60018',
      "Wrong URL or channel:tickerz,instId:BTC-USDT doesn't exist. Please use the correct URL, channel and parameters referring to API document.",
    ),
  );
}
