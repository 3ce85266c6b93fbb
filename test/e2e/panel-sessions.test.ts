// End-to-end (Node driving Chromium): the panel's sessions. A gzip-compressed error frame is
// explained; an error reply on the WebSocket API names the request it answers and its latency;
// the field filters work; a session with HTTP and WebSocket errors exported from the DevTools
// panel carries no credential unless asked, passes `exchange-lens scan` with the same findings,
// and imported into a fresh panel shows the same rows, close codes included.
import { rm } from 'node:fs/promises';
import type { Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLED_CATALOGUE } from '../../src/core/index.ts';
import { MOCK_CREDENTIALS } from '../mock-exchange/credentials.ts';
import { type MockExchange, startMockExchange } from '../mock-exchange/server.ts';
import { locateBrowser, requireExecutable, suiteTitle } from './support/browsers.ts';
import { type ChromiumWithExtension, launchChromiumWithExtension } from './support/chromium.ts';
import { showExtensionPanel } from './support/devtools.ts';
import { builtExtension } from './support/dist.ts';
import { pressScenario } from './support/mock-console.ts';
import {
  openDetails,
  type PanelRow,
  readDetails,
  setErrorsOnly,
  typeFilter,
  waitForRow,
  waitForRows,
} from './support/panel-dom.ts';
import {
  allowChromiumDownloads,
  comparable,
  downloadFolder,
  exportHar,
  importHar,
  scanWithCli,
} from './support/panel-sessions.ts';
import { pollFor } from './support/poll.ts';

const PANEL = { title: 'Exchange Lens', path: '/src/panel/index.html' };
/** Tall enough that every row of these sessions is in the (virtualised) list at once. */
const TALL = { width: 1400, height: 2400 };
const CREDENTIALS = [
  MOCK_CREDENTIALS.gatewayToken,
  MOCK_CREDENTIALS.gatewayApiKey,
  MOCK_CREDENTIALS.okxApiKey,
  MOCK_CREDENTIALS.okxPassphrase,
  MOCK_CREDENTIALS.wooApiKey,
];

const isError = (code: string, kind?: string) => (row: PanelRow) =>
  row.error && row.code === code && (kind === undefined || row.kind === kind);

const chromium = locateBrowser('chromium');

describe.skipIf(chromium.skip)(suiteTitle('Panel sessions in Chromium', chromium), () => {
  let exchange: MockExchange | undefined;
  let launched: ChromiumWithExtension | undefined;
  let page: Page | undefined;
  let panel: Frame | undefined;
  let downloads = '';
  let exported = '';

  const opened = () => {
    if (!page || !panel || !launched)
      throw new Error('the panel did not open (see the first test)');
    return { page, panel, launched };
  };

  beforeAll(async () => {
    exchange = await startMockExchange({ port: 0, okxIdleMs: 1_000 });
    launched = await launchChromiumWithExtension(
      builtExtension('chrome'),
      requireExecutable(chromium),
    );
    downloads = await downloadFolder();
    await allowChromiumDownloads(launched.browser, downloads);
  });

  afterAll(async () => {
    await launched?.close();
    await exchange?.close();
    if (downloads) await rm(downloads, { recursive: true, force: true });
  });

  it('explains a gzip-compressed error frame and says what it inflated from', async () => {
    if (!launched || !exchange) throw new Error('Chromium or the mock exchange did not start');
    page = await launched.browser.newPage();
    await page.goto(exchange.url);
    const shown = await showExtensionPanel(page, { ...PANEL, extensionId: launched.extensionId });
    panel = shown.frame;
    await shown.devtools.setViewport(TALL);

    expect(await pressScenario(page, 'okx-gzip-bad-channel', 'close')).toContain('close 1000');
    const row = await waitForRow(panel, isError('60018', 'receive'), 'the inflated 60018 row');
    expect(row.preview).toMatch(
      /^gzip.*\{"event":"error","code":"60018","msg":"Wrong URL or channel:tickerz/,
    );
    expect(row.annotation).toMatchObject({ exchangeId: 'okx', code: '60018' });
    const details = await openDetails(panel, row.id);
    expect(details.fields['inflated-note']).toMatch(
      /^inflated from \d+ bytes \(gzip\) to \d+ bytes$/,
    );
    expect(details.text).toContain('Compressed bytes (hex)');
  });

  it('names the request an error reply answers, with its latency, both ways', async () => {
    const { page, panel } = opened();
    expect(await pressScenario(page, 'binance-ws-timestamp', 'close')).toContain('close 1000');
    const reply = await waitForRow(panel, isError('-1021', 'receive'), 'the -1021 reply');
    const inline = /reply to #(\d+) order\.place, (\d+) ms later$/.exec(
      reply.annotation?.text ?? '',
    );
    expect(inline, reply.annotation?.text).not.toBeNull();
    const requestId = Number(inline?.[1]);

    const details = await openDetails(panel, reply.id);
    expect(details.fields['pair-text']).toMatch(/^reply to #\d+ order\.place, \d+ ms later$/);
    await panel.click('[data-testid="pair-jump"]');
    const request = await pollFor(
      async () => {
        const pane = await readDetails(panel);
        return pane?.rowId === requestId ? pane : undefined;
      },
      { what: `the details of request #${requestId}` },
    );
    const timestamp = BUNDLED_CATALOGUE.entries.find((e) => e.id === 'gateway:rest:-1021');
    expect(request.fields['pair-text']).toBe(
      `answered by #${reply.id} -1021 ${timestamp?.messages.en}, ${inline?.[2]} ms later`,
    );
  });

  it('filters by field terms, regex and negation, and names a bad term', async () => {
    const { panel } = opened();
    /** The rows a filter leaves, once the list shows them (it renders on the next frame). */
    const kept = async (filter: string, expected: string[]) => {
      await typeFilter(panel, filter);
      const same = (rows: PanelRow[]) =>
        JSON.stringify(rows.map((row) => `${row.kind}:${row.code ?? '-'}`)) ===
        JSON.stringify(expected);
      await waitForRows(
        panel,
        (rows) => (same(rows) ? rows : undefined),
        `${filter}: ${expected}`,
        5_000,
      );
    };
    await kept('code:-1021', ['receive:-1021']);
    await kept('dir:send op:order', ['send:-']);
    await kept('exchange:okx kind:receive', ['receive:60018']);
    await kept('/recv w[a-z]+/', ['receive:-1021']);
    await kept('kind:close -code:1000', []);
    await typeFilter(panel, 'dir:send /[oops/');
    const problem = await pollFor(
      () => panel.$eval('[data-testid="filter-problem"]', (el) => el.textContent ?? undefined),
      { what: 'the note on the term left out of the filter', timeoutMs: 5_000 },
    );
    expect(problem).toMatch(/^Left out of the filter: \/\[oops\/: /);
    await typeFilter(panel, '');
  });

  it('exports HTTP and WebSocket errors with close codes; scan finds the same; no credential unless asked', async () => {
    const { page, panel } = opened();
    await panel.click('[data-testid="clear"]');
    expect(await pressScenario(page, 'gateway-timestamp', 'response')).toContain('-1021');
    expect(await pressScenario(page, 'woo-bad-signature', 'response')).toContain('-1001');
    expect(await pressScenario(page, 'okx-login-failure', 'close')).toContain('close 4001');
    expect(await pressScenario(page, 'okx-idle-close', 'close')).toContain('close 4004');
    expect(await pressScenario(page, 'binance-ws-timestamp', 'close')).toContain('close 1000');
    expect(await pressScenario(page, 'okx-gzip-bad-channel', 'close')).toContain('close 1000');
    const panelErrors = await waitForRows(
      panel,
      (rows) => {
        const errors = rows.filter((row) => row.error).map((row) => row.code ?? '');
        // The last sockets' normal closes come in the batch after their errors.
        const closed = rows.filter((row) => row.kind === 'close' && row.code === '1000');
        return errors.length >= 7 && closed.length >= 2 ? errors : undefined;
      },
      'the seven errors of the session and the last closes',
    );
    expect([...panelErrors].sort()).toEqual([
      '-1001',
      '-1021',
      '-1021',
      '4001',
      '4004',
      '60009',
      '60018',
    ]);

    const redacted = await exportHar(panel, downloads);
    expect(redacted.status).toMatch(/ entries as exchange-lens-.*\.har \(credentials redacted\)$/);
    for (const secret of CREDENTIALS) expect(redacted.text).not.toContain(secret);
    const har = JSON.parse(redacted.text);
    const closes = har.log.entries
      .map((entry: { _webSocketClose?: { code: number } }) => entry._webSocketClose?.code)
      .filter(Boolean);
    expect(closes.sort()).toEqual([1000, 1000, 4001, 4004]);

    // The gzip frame too: the CLI inflates compressed frames as the panel does.
    const scan = await scanWithCli(redacted.path);
    expect(scan.code).toBe(1);
    const scanned = scan.findings.filter((f) => f.severity === 'error').map((f) => f.code);
    expect(scanned.sort()).toEqual([...panelErrors].sort());
    exported = redacted.path;

    await panel.click('[data-testid="export-credentials"]');
    const asCaptured = await exportHar(panel, downloads);
    expect(asCaptured.status).toMatch(/\(credentials as captured\)$/);
    expect(asCaptured.text).toContain(MOCK_CREDENTIALS.okxPassphrase);
    await panel.click('[data-testid="export-credentials"]');
  });

  it('imports the exported file into a fresh panel: the same rows, close codes included', async () => {
    const { panel, launched } = opened();
    if (!exported) throw new Error('nothing was exported (see the test before)');
    await setErrorsOnly(panel, false);
    // Every row once the list shows them: the sent frames and normal closes are no errors.
    const live = (
      await waitForRows(
        panel,
        (rows) => (rows.some((row) => !row.error) ? rows : undefined),
        'the rows that are no errors',
      )
    ).map(comparable);

    const fresh = await launched.browser.newPage();
    await fresh.setViewport(TALL);
    await fresh.goto(`chrome-extension://${launched.extensionId}${PANEL.path}`);
    const outcome = await importHar(fresh, exported);
    expect(outcome).toMatchObject({ state: 'done' });
    expect(outcome.text).toMatch(
      /^Imported exchange-lens-.*\.har: \d+ entries, \d+ rows in \d+\.\d s$/,
    );
    const imported = await waitForRows(
      fresh,
      (rows) => (rows.length === live.length ? rows : undefined),
      `${live.length} imported rows`,
    );
    // Credentials were redacted in the file: the frames that sent them read differently.
    const withoutSent = (rows: string[]) => rows.filter((row) => !row.startsWith('WS sent'));
    expect(withoutSent(imported.map(comparable)).sort()).toEqual(withoutSent(live).sort());
    expect(
      imported
        .filter((row) => row.kind === 'close')
        .map((row) => row.preview)
        .sort(),
    ).toEqual([
      '1000 · clean',
      '1000 · clean',
      '4001 Login Failed · clean',
      '4004 No data received in 30s · clean',
    ]);
    const sentLogin = imported.find(
      (row) => row.kind === 'send' && row.preview.includes('"op":"login"'),
    );
    expect(sentLogin?.preview).toContain('"apiKey":"[redacted]"');
    await fresh.close();
  });
});
