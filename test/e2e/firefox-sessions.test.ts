// End-to-end (Node driving Firefox): Export HAR and Import HAR in Firefox. The panel page is
// opened as a tab on the inspected tab (?tabId=N), as firefox-capture.test.ts does; the export
// is a plain <a download> of a Blob, which Firefox honours without the downloads permission.
import { rm } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MOCK_CREDENTIALS } from '../mock-exchange/credentials.ts';
import { type MockExchange, startMockExchange } from '../mock-exchange/server.ts';
import { locateBrowser, requireExecutable, suiteTitle } from './support/browsers.ts';
import { builtExtension } from './support/dist.ts';
import { tabIdOf } from './support/extension-tabs.ts';
import {
  type FirefoxWithExtension,
  firefoxDownloadPrefs,
  launchFirefoxWithExtension,
  openExtensionPage,
} from './support/firefox.ts';
import { pressScenario } from './support/mock-console.ts';
import { type PanelRow, waitForRows } from './support/panel-dom.ts';
import { comparable, downloadFolder, exportHar, importHar } from './support/panel-sessions.ts';

const PANEL_PATH = '/src/panel/index.html';
const READY = '[data-testid="panel"]';
const firefox = locateBrowser('firefox');

const errorCodes = (rows: PanelRow[]) =>
  rows
    .filter((row) => row.error)
    .map((row) => row.code)
    .sort();

describe.skipIf(firefox.skip)(suiteTitle('Export and import HAR in Firefox', firefox), () => {
  let exchange: MockExchange | undefined;
  let launched: FirefoxWithExtension | undefined;
  let downloads = '';

  beforeAll(async () => {
    exchange = await startMockExchange({ port: 0, okxIdleMs: 1_000 });
    downloads = await downloadFolder();
    launched = await launchFirefoxWithExtension(
      builtExtension('firefox'),
      requireExecutable(firefox),
      { prefs: firefoxDownloadPrefs(downloads) },
    );
  });

  afterAll(async () => {
    await launched?.close();
    await exchange?.close();
    if (downloads) await rm(downloads, { recursive: true, force: true });
  });

  it('exports the panel as HAR with close codes and no credential, and imports it back as it was', async () => {
    if (!launched || !exchange) throw new Error('Firefox or the mock exchange did not start');
    const page = await launched.browser.newPage();
    await page.goto(exchange.url);
    expect(await pressScenario(page, 'okx-login-failure', 'close')).toContain('close 4001');
    expect(await pressScenario(page, 'okx-idle-close', 'close')).toContain('close 4004');
    expect(await pressScenario(page, 'binance-ws-timestamp', 'close')).toContain('close 1000');

    const { page: lookup } = await openExtensionPage(
      launched.browser,
      launched.extensionUrl(PANEL_PATH),
      READY,
    );
    const tabId = await tabIdOf(lookup, exchange.url);
    await lookup.close();
    const { page: panel } = await openExtensionPage(
      launched.browser,
      launched.extensionUrl(`${PANEL_PATH}?tabId=${tabId}`),
      READY,
    );
    await panel.setViewport({ width: 1400, height: 2000 });
    // The last socket's normal close comes in the batch after its error: wait for it too, or
    // the export would hold a row the list did not show yet.
    const live = await waitForRows(
      panel,
      (rows) =>
        errorCodes(rows).length >= 4 &&
        rows.some((row) => row.kind === 'close' && row.code === '1000')
          ? rows
          : undefined,
      'the 60009, 4001, 4004 and -1021 rows and the normal close',
    );
    expect(errorCodes(live)).toEqual(['-1021', '4001', '4004', '60009']);

    const exported = await exportHar(panel, downloads);
    expect(exported.status).toMatch(/\(credentials redacted\)$/);
    for (const secret of [
      MOCK_CREDENTIALS.okxApiKey,
      MOCK_CREDENTIALS.okxPassphrase,
      MOCK_CREDENTIALS.gatewayApiKey,
    ]) {
      expect(exported.text).not.toContain(secret);
    }
    const closes = JSON.parse(exported.text)
      .log.entries.map(
        (entry: { _webSocketClose?: { code: number } }) => entry._webSocketClose?.code,
      )
      .filter(Boolean)
      .sort();
    expect(closes).toEqual([1000, 4001, 4004]);

    const { page: fresh } = await openExtensionPage(
      launched.browser,
      launched.extensionUrl(PANEL_PATH),
      READY,
    );
    await fresh.setViewport({ width: 1400, height: 2000 });
    expect(await importHar(fresh, exported.path)).toMatchObject({ state: 'done' });
    const imported = await waitForRows(
      fresh,
      (rows) => (rows.length === live.length ? rows : undefined),
      `${live.length} imported rows`,
    );
    const received = (rows: PanelRow[]) =>
      rows.filter((row) => row.kind !== 'send').map(comparable);
    expect(received(imported).sort()).toEqual(received(live).sort());
  });
});
