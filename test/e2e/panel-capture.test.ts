// End-to-end (Node driving Chromium): the DevTools panel explains the exchange errors of a page
// on the mock exchange: WebSocket errors and close codes from before DevTools opened (the
// page's capture history), and HTTP and WebSocket errors seen while it is open; then what real
// exchanges send, under their own host names, each by its own exchange's meaning.
import type { Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_CATALOGUE, type CatalogueEntry, describeRetry } from '../../src/core/index.ts';
import { REAL_ENVELOPES } from '../fixtures/real-envelopes/index.ts';
import { SCENARIOS } from '../mock-exchange/scenarios/index.ts';
import { type MockExchange, startMockExchange } from '../mock-exchange/server.ts';
import { locateBrowser, requireExecutable, suiteTitle } from './support/browsers.ts';
import { type ChromiumWithExtension, launchChromiumWithExtension } from './support/chromium.ts';
import { showExtensionPanel } from './support/devtools.ts';
import { builtExtension } from './support/dist.ts';
import { pressScenario } from './support/mock-console.ts';
import {
  openDetails,
  type PanelRow,
  readCaptureBanner,
  readRows,
  setErrorsOnly,
  typeFilter,
  waitForRow,
  waitForRows,
} from './support/panel-dom.ts';
import { checkCorpusRows, runCorpusPage } from './support/real-exchange-check.ts';
import {
  type RealExchangeServer,
  startRealExchangeServer,
} from './support/real-exchange-server.ts';
import { stopServiceWorkers } from './support/service-worker.ts';

const PANEL = { title: 'Exchange Lens', path: '/src/panel/index.html' };
/** The end of OKX's 60018 message, after the placeholder the mock fills with the bad argument. */
const CHANNEL_HELP =
  "doesn't exist. Please use the correct URL, channel and parameters referring to API document.";

function entry(id: string): CatalogueEntry {
  const found = BUNDLED_CATALOGUE.entries.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no catalogue entry ${id}`);
  return found;
}

/** What the annotation of a row explained by `id` reads like: the catalogue's own words. */
/** The entry the mock's console button expects its error to be explained by. */
function scenarioEntry(id: string): string {
  const found = SCENARIOS.find((scenario) => scenario.id === id)?.expect.findings[0]?.entry;
  if (!found) throw new Error(`no scenario ${id} with an explained finding`);
  return found;
}

function annotationOf(id: string, exchange: string, message?: string) {
  const explained = entry(id);
  return {
    exchange,
    code: explained.code,
    category: explained.category,
    message: message ?? explained.messages.en,
    fix: explained.fix,
    retry: describeRetry(explained.retry),
  };
}

const isError = (code: string, kind?: string) => (row: PanelRow) =>
  row.error && row.code === code && (kind === undefined || row.kind === kind);

const chromium = locateBrowser('chromium');

describe.skipIf(chromium.skip)(suiteTitle('DevTools panel capture in Chromium', chromium), () => {
  let exchange: MockExchange | undefined;
  let real: RealExchangeServer | undefined;
  let launched: ChromiumWithExtension | undefined;
  let page: Page | undefined;
  let panel: Frame | undefined;

  const opened = () => {
    if (!page || !panel) throw new Error('the panel did not open (see the first test)');
    return { page, panel };
  };

  beforeAll(async () => {
    exchange = await startMockExchange({ port: 0, okxIdleMs: 1_000 });
    real = await startRealExchangeServer(REAL_ENVELOPES);
    launched = await launchChromiumWithExtension(
      builtExtension('chrome'),
      requireExecutable(chromium),
      { localHosts: real.hosts },
    );
  });

  afterAll(async () => {
    await launched?.close();
    await exchange?.close();
    await real?.close();
  });

  it('explains a WebSocket error and an idle close that happened before DevTools opened', async () => {
    if (!launched || !exchange) throw new Error('Chromium or the mock exchange did not start');
    page = await launched.browser.newPage();
    await page.goto(exchange.url);

    // DevTools is closed: only the page's WebSocket wrapper sees these.
    expect(await pressScenario(page, 'okx-empty-instid', 'close')).toContain('close 1000');
    expect(await pressScenario(page, 'okx-idle-close', 'close')).toContain('close 4004');

    ({ frame: panel } = await showExtensionPanel(page, {
      ...PANEL,
      extensionId: launched.extensionId,
    }));
    await setErrorsOnly(panel, true);
    const [instId, idle] = await waitForRows(
      panel,
      (rows) => {
        const wanted = [
          rows.find(isError('60027', 'receive')),
          rows.find(isError('4004', 'close')),
        ];
        return wanted.every(Boolean) ? wanted : undefined;
      },
      'the 60027 error and the 4004 close from before DevTools opened',
    );

    expect(instId?.kindLabel).toBe('WS received');
    expect(instId?.preview).toContain('"code":"60027","msg":"Parameter instId can not be empty."');
    // On 127.0.0.1 no host names OKX: the envelope's shape does.
    expect(instId?.annotation).toMatchObject({
      exchangeId: 'okx',
      ...annotationOf('okx:ws-message:60027', 'OKX', 'Parameter instId can not be empty.'),
    });

    expect(idle?.kindLabel).toBe('close');
    expect(idle?.preview).toBe('4004 No data received in 30s · clean');
    expect(idle?.annotation).toMatchObject({
      exchangeId: 'okx',
      ...annotationOf('okx:close-frame:4004', 'OKX'),
    });
    expect(idle?.annotation?.retry).toBe('reconnect');

    expect(await readCaptureBanner(panel)).toEqual({
      state: 'active',
      text: 'WebSocket capture is active on this page.',
    });
  });

  it('adds the HTTP and WebSocket errors that happen while DevTools is open', async () => {
    const { page, panel } = opened();
    expect(await pressScenario(page, 'gateway-bad-symbol', 'response')).toContain('-1120');
    expect(await pressScenario(page, 'woo-rate-limit', 'response')).toContain('-1003');
    expect(await pressScenario(page, 'okx-bad-channel', 'close')).toContain('close 1000');

    const [symbol, rateLimit, channel] = await waitForRows(
      panel,
      (rows) => {
        const wanted = [
          rows.find(isError('-1120', 'http')),
          rows.find(isError('-1003', 'http')),
          rows.find(isError('60018', 'receive')),
        ];
        return wanted.every(Boolean) ? wanted : undefined;
      },
      'rows for gateway -1120, WOO X -1003 and OKX 60018',
    );

    expect(symbol?.kindLabel).toBe('HTTP');
    expect(symbol?.preview).toBe('GET 400 · {"code":-1120,"msg":"Invalid symbol"}');
    expect(symbol?.annotation).toMatchObject({
      exchangeId: 'gateway',
      ...annotationOf('gateway:rest:-1120', 'Gateway'),
    });

    expect(rateLimit?.preview).toMatch(/^GET 429 · \{"success":false,"code":-1003,/);
    expect(rateLimit?.annotation).toMatchObject({
      exchangeId: 'woo',
      ...annotationOf('woo:rest:-1003', 'WOO X'),
    });

    expect(channel?.preview).toContain('"code":"60018"');
    expect(channel?.annotation).toMatchObject({
      exchangeId: 'okx',
      ...annotationOf(
        'okx:ws-message:60018',
        'OKX',
        `Wrong URL or channel:tickerz,instId:BTC-USDT ${CHANNEL_HELP}`,
      ),
    });

    // The mock's Binance Spot and Bybit v5 buttons, on 127.0.0.1: the server's words pick
    // the exchange, and Bybit's error comes with HTTP 200.
    expect(await pressScenario(page, 'binance-insufficient-balance', 'response')).toContain(
      '-2010',
    );
    expect(await pressScenario(page, 'bybit-insufficient-balance', 'response')).toContain('110007');
    const [balance, bybit] = await waitForRows(
      panel,
      (rows) => {
        const wanted = [rows.find(isError('-2010', 'http')), rows.find(isError('110007', 'http'))];
        return wanted.every(Boolean) ? wanted : undefined;
      },
      'rows for Binance -2010 and Bybit 110007',
    );
    expect(balance?.annotation).toMatchObject({
      exchangeId: 'binance',
      fix: entry(scenarioEntry('binance-insufficient-balance')).fix,
    });
    expect(bybit?.preview).toMatch(/^POST 200 · /);
    expect(bybit?.annotation).toMatchObject({
      exchangeId: 'bybit',
      fix: entry(scenarioEntry('bybit-insufficient-balance')).fix,
    });

    // The errors from before DevTools opened are still listed, in order, above the new ones.
    const codes = (await readRows(panel)).filter((row) => row.error).map((row) => row.code);
    expect(codes).toEqual(['60027', '4004', '-1120', '-1003', '60018', '-2010', '110007']);
  });

  it('shows the catalogue entry, the filled placeholder and the close meaning in the details', async () => {
    const { panel } = opened();
    const instId = await waitForRow(panel, isError('60027'), 'the 60027 row');
    const details = await openDetails(panel, instId.id);
    expect(details.entryIds).toEqual(['okx:ws-message:60027']);
    expect(details.entryFixes[0]).toContain(entry('okx:ws-message:60027').fix);
    expect(details.fields.placeholders).toBe('{0} = instId');
    expect(details.fields.attribution).toContain('OKX, by envelope shape');
    expect(details.fields['observed-message']).toBe('Parameter instId can not be empty.');
    expect(details.text).toContain('Error: OKX 60027: Parameter {0} can not be empty.');

    const idle = await waitForRow(panel, isError('4004', 'close'), 'the 4004 row');
    const close = await openDetails(panel, idle.id);
    expect(close.fields).toMatchObject({
      'close-code': '4004',
      'close-reason': 'No data received in 30s',
      'close-clean': 'yes',
      'close-meaning': 'No data received in 30s: No data received in 30s (exchange-specific)',
    });
    expect(close.entryIds).toEqual(['okx:close-frame:4004']);
  });

  it('prints a hostile payload as text', async () => {
    const { page, panel } = opened();
    const hostile = '<img src=x onerror="window.__pwned=1"><b>bold</b>';
    // The page itself sends it; the mock echoes the unknown instId back in its 60018 message.
    await page.evaluate((instId) => {
      const socket = new WebSocket(`ws://${location.host}/ws/v5/public`);
      socket.onopen = () =>
        socket.send(JSON.stringify({ op: 'subscribe', args: [{ channel: 'tickers', instId }] }));
      socket.onmessage = () => socket.close();
    }, hostile);

    await typeFilter(panel, 'onerror');
    const row = await waitForRow(panel, isError('60018'), 'the row of the hostile 60018');
    expect(row.preview).toContain(hostile.replaceAll('"', '\\"'));
    expect(row.annotation?.message).toBe(
      `Wrong URL or channel:tickers,instId:${hostile} ${CHANNEL_HELP}`,
    );
    const markup = await panel.evaluate(() => ({
      images: document.querySelectorAll('img').length,
      bold: document.querySelectorAll('.row b, .annotation b').length,
      pwned: 'pwned' in window,
    }));
    expect(markup).toEqual({ images: 0, bold: 0, pwned: false });
    await typeFilter(panel, '');
    // The list renders on its next frame: the next test must not read the filtered one.
    await waitForRow(panel, isError('-1120'), 'the -1120 row once the filter is cleared');
  });

  it('keeps capturing after the browser stops the service worker, losing and doubling nothing', async () => {
    const { page, panel } = opened();
    if (!launched) throw new Error('Chromium did not start');
    const errorCodes = async () =>
      (await readRows(panel)).filter((row) => row.error).map((row) => row.code);
    const before = await errorCodes();

    await stopServiceWorkers(launched.browser, page);
    expect(await pressScenario(page, 'okx-empty-instid', 'close')).toContain('close 1000');

    await waitForRows(
      panel,
      (rows) => (rows.filter((row) => row.error).length > before.length ? rows : undefined),
      'the 60027 sent after the service worker restarted',
    );
    // The page replays its history on reconnect; the panel must not list it twice.
    expect(await errorCodes()).toEqual([...before, '60027']);
  });

  it('explains what real exchanges send by their own meanings, host by host', async () => {
    const { page, panel } = opened();
    if (!real) throw new Error('the real-exchange server did not start');
    await runCorpusPage(page, real);
    // Notices (OKX's 64008) are notes: the list shows them only with errors-only off.
    await setErrorsOnly(panel, false);
    const checked = await checkCorpusRows(panel, real, REAL_ENVELOPES, () => true);
    expect(checked).toBe(REAL_ENVELOPES.length);
  });
});
