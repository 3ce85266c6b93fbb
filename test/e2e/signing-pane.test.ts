// End-to-end (Node driving Chromium): the DevTools panel's signing pane on the mock exchange,
// which verifies signatures for real: a request signed in the pane is accepted; "Explain
// signing" on a -1021 row explains it by the clock, on a -1022 row names the planted mistake;
// the OKX passphrase is masked until shown and never sits in an attribute; and the secrets and
// the passphrase typed into the pane are found nowhere: storage, DOM, console. One story in five
// steps over one browser and one DevTools session (the last step audits all the others): hence
// one file near 300 lines.
import type { ConsoleMessage, Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MOCK_CREDENTIALS } from '../mock-exchange/credentials.ts';
import { GATEWAY_ORDER } from '../mock-exchange/scenarios/gateway.ts';
import { type MockExchange, startMockExchange } from '../mock-exchange/server.ts';
import { locateBrowser, requireExecutable, suiteTitle } from './support/browsers.ts';
import { type ChromiumWithExtension, launchChromiumWithExtension } from './support/chromium.ts';
import { showExtensionPanel } from './support/devtools.ts';
import { builtExtension } from './support/dist.ts';
import { pressScenario } from './support/mock-console.ts';
import { type PanelRow, waitForRow } from './support/panel-dom.ts';
import { pollFor } from './support/poll.ts';
import {
  allAttributes,
  byTestId,
  click,
  explainRow,
  fill,
  headersToSend,
  readPane,
  waitForPane,
} from './support/signing-pane-dom.ts';

const PANEL = { title: 'Exchange Lens', path: '/src/panel/index.html' };
const SECRET = MOCK_CREDENTIALS.gatewaySecret;
const OKX_SECRET = MOCK_CREDENTIALS.okxSecret;
const PASSPHRASE = MOCK_CREDENTIALS.okxPassphrase;
const MASK = '••••••••';
const ORDER_BODY = `${GATEWAY_ORDER}&quantity=0.010`;

const isError = (code: string) => (row: PanelRow) =>
  row.error && row.code === code && row.kind === 'http';

function occurrences(text: string, needle: string): number {
  return text.split(needle).length - 1;
}

const chromium = locateBrowser('chromium');

describe.skipIf(chromium.skip)(suiteTitle('Signing pane in Chromium', chromium), () => {
  let exchange: MockExchange | undefined;
  let launched: ChromiumWithExtension | undefined;
  let page: Page | undefined;
  let devtools: Page | undefined;
  let panel: Frame | undefined;
  /** The console page shows the test credentials: how often each is in it at load. */
  let secretsInPage: Record<string, number> = {};
  /** Every console message of the inspected page, the DevTools page (the panel's frame is in
   * it) and the extension's service worker. */
  const consoleText: string[] = [];
  const record = (where: string) => (message: ConsoleMessage) =>
    consoleText.push(`${where}: ${message.text()}`);

  const opened = () => {
    if (!page || !panel || !launched || !exchange) throw new Error('the panel did not open');
    return { page, panel, launched, exchange };
  };

  beforeAll(async () => {
    exchange = await startMockExchange({ port: 0 });
    launched = await launchChromiumWithExtension(
      builtExtension('chrome'),
      requireExecutable(chromium),
    );
    launched.serviceWorker.on('console', record('worker'));
  });

  afterAll(async () => {
    await launched?.close();
    await exchange?.close();
  });

  it('signs a request in the pane that the mock exchange accepts', async () => {
    if (!launched || !exchange) throw new Error('Chromium or the mock exchange did not start');
    page = await launched.browser.newPage();
    page.on('console', record('page'));
    await page.goto(exchange.url);
    const content = await page.content();
    secretsInPage = Object.fromEntries(
      [SECRET, OKX_SECRET, PASSPHRASE].map((value) => [value, occurrences(content, value)]),
    );
    ({ devtools, frame: panel } = await showExtensionPanel(page, {
      ...PANEL,
      extensionId: launched.extensionId,
    }));
    devtools.on('console', record('devtools'));

    await click(panel, byTestId('view-signing'));
    await panel.select(byTestId('sign-recipe'), 'gateway');
    await fill(panel, 'sign-method', 'POST');
    await fill(panel, 'sign-path', '/fapi/v1/order');
    await fill(panel, 'sign-body', ORDER_BODY);
    await fill(panel, 'sign-key', MOCK_CREDENTIALS.gatewayApiKey);
    await fill(panel, 'sign-secret', SECRET);
    await click(panel, byTestId('sign-now'));
    await waitForPane(panel, 'sign-signature', (s) => s.data.state === 'ready', 'a signature');

    const prehash = await readPane(panel, 'sign-prehash');
    expect(prehash?.text).toMatch(
      /^price=64000&quantity=0\.010&side=BUY&symbol=BTCUSDT&timeInForce=GTC&timestamp=\d{13}&type=LIMIT$/,
    );
    // What the pane says to send: its headers, query and body, sent from the inspected page.
    const toSend = {
      headers: await headersToSend(panel),
      ...(await panel.evaluate(() => {
        const text = (id: string) =>
          document.querySelector(`[data-testid="${id}"]`)?.textContent ?? '';
        return { query: text('sign-send-query'), body: text('sign-send-body') };
      })),
    };
    expect(toSend.headers).toEqual({ 'X-MBX-APIKEY': MOCK_CREDENTIALS.gatewayApiKey });
    expect(toSend.body).toMatch(/&signature=[0-9a-f]{64}$/);
    const reply = await page.evaluate(async ({ headers, query, body }) => {
      const response = await fetch(`/fapi/v1/order?${query}`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' },
        body,
      });
      return { status: response.status, text: await response.text() };
    }, toSend);
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.text)).toMatchObject({ code: 0, msg: 'success' });

    // The traffic list shows the order as a plain 200 row, no error.
    await click(panel, byTestId('view-traffic'));
    const row = await waitForRow(
      panel,
      (candidate) => candidate.kind === 'http' && candidate.where.includes('/fapi/v1/order'),
      'the signed order in the traffic list',
    );
    expect(row.preview).toMatch(/^POST 200 · \{"code":0,"msg":"success"/);
    expect(row.error).toBe(false);
    expect(row.annotation).toBeUndefined();
  });

  it('explains a -1021 by the clock: the timestamp is behind, outside the window', async () => {
    const { page, panel } = opened();
    expect(await pressScenario(page, 'gateway-skewed-timestamp', 'response')).toContain('-1021');
    const row = await waitForRow(panel, isError('-1021'), 'the -1021 row');
    expect(row.annotation?.category).toBe('timestamp');
    await explainRow(panel, row);

    // 127.0.0.1 names no exchange, but the gateway's own words do: the pane starts from the
    // gateway's recipe, and asks the gateway's time endpoint of the mock from the panel.
    expect((await readPane(panel, 'sign-recipe-reason'))?.text).toBe(
      "Picked gateway: the error is Gateway's (-1021); the request is signed its way (the X-MBX-APIKEY header).",
    );
    expect((await readPane(panel, 'sign-source-problem'))?.text).toBe(
      'Gateway -1021: Timestamp outside recv window',
    );
    // The request is judged against the mock's clock at the moment it was sent.
    const asGateway = await waitForPane(
      panel,
      'sign-clock-verdict',
      (v) => v.text.includes('GET /api/gateway/time'),
      'the clock verdict against /api/gateway/time',
    );
    expect(asGateway.data.verdict).toBe('rejected');
    expect(asGateway.text).toMatch(
      /^timestamp 10(\.\d)? s behind the server; the gateway accepts ±5000 ms: rejected\. Sync the clock \(NTP\)\./,
    );
    // Another recipe judges by its own window and asks its own time endpoint.
    await panel.select(byTestId('sign-recipe'), 'binance');
    const asBinance = await waitForPane(
      panel,
      'sign-clock-verdict',
      (v) => v.text.includes('GET /api/v3/time'),
      'the clock verdict against /api/v3/time',
    );
    expect(asBinance.text).toMatch(
      /^timestamp 10(\.\d)? s behind the server; recvWindow 5000 ms: rejected\. Sync the clock \(NTP\) or raise recvWindow \(at most 60000\)\./,
    );
    await panel.select(byTestId('sign-recipe'), 'gateway');
    await waitForPane(
      panel,
      'sign-clock-verdict',
      (v) => v.text.includes('GET /api/gateway/time'),
      'the clock verdict against /api/gateway/time again',
    );
    const reading = await readPane(panel, 'sign-clock-reading');
    expect(reading?.data.state).toBe('ok');
    expect(reading?.text).toMatch(/\(GET \/api\/gateway\/time, round trip \d+ ms\)\.$/);
    // This machine is the mock's clock.
    expect(Math.abs(Number(reading?.data.skewMs))).toBeLessThan(1_000);
  });

  it('names the planted mistake behind a -1022 once the secret is given', async () => {
    const { page, panel } = opened();
    // Nothing to set up: the row is the gateway's by its words, and so is the recipe.
    await click(panel, byTestId('view-traffic'));
    expect(await pressScenario(page, 'gateway-unsorted-params', 'response')).toContain('-1022');
    const row = await waitForRow(panel, isError('-1022'), 'the -1022 row');
    expect(row.annotation?.category).toBe('signature');
    await explainRow(panel, row);

    expect((await readPane(panel, 'sign-recipe-reason'))?.text).toBe(
      "Picked gateway: the error is Gateway's (-1022); the request is signed its way (the X-MBX-APIKEY header).",
    );
    // The secret typed for the first request was dropped when the user left the pane.
    expect(await panel.$eval(byTestId('sign-secret'), (e) => (e as HTMLInputElement).value)).toBe(
      '',
    );
    await waitForPane(panel, 'sign-diagnosis', (d) => d.data.verdict === 'need-secret', 'a prompt');
    await fill(panel, 'sign-secret', SECRET);
    const diagnosis = await waitForPane(
      panel,
      'sign-diagnosis',
      (d) => d.data.verdict === 'mistake',
      'the mistake',
    );
    expect(diagnosis.text).toContain('The signature differs; this reproduces the one sent:');
    const mistake = await readPane(panel, 'sign-mistake');
    expect(mistake?.data.mistakeId).toBe('params-unsorted');
    expect(mistake?.text).toBe(
      'params-unsorted: You signed the parameters in the order sent; the gateway sorts them by key first.',
    );
    expect((await readPane(panel, 'sign-diff-expected'))?.text).toMatch(/^price=64000&quantity=/);
    expect((await readPane(panel, 'sign-diff-reproduced'))?.text).toMatch(/^symbol=BTCUSDT&side=/);
    expect((await readPane(panel, 'sign-diff-expected-at'))?.text).toBe('p');
    // Every recipe that fits was tried: Binance's reproduces the signature, the gateway's not.
    const summary = await waitForPane(
      panel,
      'sign-recipes-summary',
      (s) => s.text !== '',
      'the recipes tried',
    );
    expect(summary.text).toBe(
      'It was signed as Binance signs (binance reproduces it), not as the gateway checks it: the difference is named above.',
    );

    // Remembered for this DevTools session: back in the pane after a look at the traffic.
    await click(panel, byTestId('sign-remember'));
    await click(panel, byTestId('view-traffic'));
    await click(panel, byTestId('view-signing'));
    expect(await panel.$eval(byTestId('sign-secret'), (e) => (e as HTMLInputElement).value)).toBe(
      SECRET,
    );
  });

  it('masks the OKX passphrase until shown, and never writes it into an attribute', async () => {
    const { panel } = opened();
    await panel.select(byTestId('sign-recipe'), 'okx');
    await fill(panel, 'sign-method', 'GET');
    await fill(panel, 'sign-path', '/api/v5/account/balance');
    await fill(panel, 'sign-key', MOCK_CREDENTIALS.okxApiKey);
    await fill(panel, 'sign-secret', OKX_SECRET);
    await fill(panel, 'sign-passphrase', PASSPHRASE);
    await click(panel, byTestId('sign-now'));
    await waitForPane(
      panel,
      'sign-signature',
      (s) => s.data.state === 'ready' && s.data.encoding === 'base64',
      'an OKX signature',
    );
    const masked = await headersToSend(panel);
    expect(masked).toMatchObject({
      'OK-ACCESS-KEY': MOCK_CREDENTIALS.okxApiKey,
      'OK-ACCESS-PASSPHRASE': MASK,
    });
    const hidden = await panel.evaluate(() => document.documentElement.outerHTML);
    expect(hidden).not.toContain(PASSPHRASE);
    expect(hidden).not.toContain(OKX_SECRET);

    await click(panel, byTestId('sign-secret-show'));
    await pollFor(
      async () =>
        (await headersToSend(panel))['OK-ACCESS-PASSPHRASE'] === PASSPHRASE ? true : undefined,
      { what: 'the passphrase shown in the headers' },
    );
    // Shown, it is text on screen: never in an attribute, nor is the secret (a property only).
    const attributes = await allAttributes(panel);
    expect(attributes).not.toContain(PASSPHRASE);
    expect(attributes).not.toContain(OKX_SECRET);
    await click(panel, byTestId('sign-secret-show'));
    expect((await headersToSend(panel))['OK-ACCESS-PASSPHRASE']).toBe(MASK);

    // Back to the gateway: its remembered secret returns, the OKX ones (not remembered) go.
    await panel.select(byTestId('sign-recipe'), 'gateway');
    expect(await panel.$eval(byTestId('sign-secret'), (e) => (e as HTMLInputElement).value)).toBe(
      SECRET,
    );
  });

  it('leaves the secrets nowhere: storage, the DOM, the console; gone with DevTools', async () => {
    const { page, panel, launched } = opened();
    // The probes prove that each console is heard.
    await panel.evaluate(() => console.info('exchange-lens-probe panel'));
    await page.evaluate(() => console.info('exchange-lens-probe page'));
    await launched.serviceWorker.evaluate(() => console.info('exchange-lens-probe worker'));
    const probes = [
      'devtools: exchange-lens-probe panel',
      'page: exchange-lens-probe page',
      'worker: exchange-lens-probe worker',
    ];
    await pollFor(async () => (probes.every((p) => consoleText.includes(p)) ? true : undefined), {
      what: 'the console probes of the panel, the page and the worker',
    });

    const stored = await launched.serviceWorker.evaluate(async () =>
      JSON.stringify([
        await chrome.storage.local.get(null),
        await chrome.storage.sync.get(null),
        await chrome.storage.session.get(null),
      ]),
    );
    // The storage read is a real one: the tab's recent findings are in it.
    expect(stored).toContain('"code":"-1022"');
    const typed = [SECRET, OKX_SECRET, PASSPHRASE];
    for (const value of typed) expect(stored).not.toContain(value);

    // The panel holds it in the field's value (a property), never in its markup.
    expect(await panel.$eval(byTestId('sign-secret'), (e) => (e as HTMLInputElement).value)).toBe(
      SECRET,
    );
    const markup = await panel.evaluate(() => document.documentElement.outerHTML);
    for (const value of typed) expect(markup).not.toContain(value);
    // The console page shows the test credentials itself; nothing added one more.
    const content = await page.content();
    for (const value of typed) expect(occurrences(content, value)).toBe(secretsInPage[value]);
    for (const value of typed) expect(consoleText.join('\n')).not.toContain(value);

    // DevTools closes: the panel page, and the remembered secret with it.
    await devtools?.close();
    const reopened = await showExtensionPanel(page, {
      ...PANEL,
      extensionId: launched.extensionId,
    });
    devtools = reopened.devtools;
    await click(reopened.frame, byTestId('view-signing'));
    expect(
      await reopened.frame.$eval(byTestId('sign-secret'), (e) => (e as HTMLInputElement).value),
    ).toBe('');
    expect(
      await reopened.frame.$eval(byTestId('sign-remember'), (e) => (e as HTMLInputElement).checked),
    ).toBe(false);
  });
});
