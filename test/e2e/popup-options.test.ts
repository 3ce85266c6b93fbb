// End-to-end (Node driving real browsers): the quick-lookup popup and the options page as the
// built extension serves them. Type in the popup and read its results; import a catalogue in
// the options page and see the popup answer with it; recent findings of the tab stand on top.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { locateBrowser, requireExecutable, suiteTitle } from './support/browsers.ts';
import { type ChromiumWithExtension, launchChromiumWithExtension } from './support/chromium.ts';
import { builtExtension } from './support/dist.ts';
import {
  type FirefoxWithExtension,
  launchFirefoxWithExtension,
  openExtensionPage,
} from './support/firefox.ts';
import { pollFor } from './support/poll.ts';

const POPUP = '/src/popup/index.html';
const OPTIONS = '/src/options/index.html';
const SEARCH = '[data-testid="popup-search"]';

const CATALOGUE = [
  '| Code | Message | Description | Solution |',
  '|---|---|---|---|',
  '-7061 | Order side mismatch | positionSide does not match the account mode | Send BOTH in one-way mode |',
  '-7164 | Notional too small | Order notional below 100 | Raise price or quantity |',
].join('\n');

/** "exchange code: message" of each listed result, top first, as the user reads them. */
function results(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('[data-testid="popup-result"]')].map(
      (row) =>
        `${row.dataset.exchange} ${row.dataset.code}: ${row.querySelector('[data-testid="result-message"]')?.textContent}`,
    ),
  );
}

/** Replaces the search text by typing it, as a user would (select all, then type). */
async function search(page: Page, text: string): Promise<string[]> {
  await page.click(SEARCH, { count: 3 });
  await page.keyboard.press('Backspace');
  await page.type(SEARCH, text);
  return pollFor(
    async () => {
      const value = await page.$eval(SEARCH, (input) => (input as HTMLInputElement).value);
      return value === text ? results(page) : undefined;
    },
    { what: `results for "${text}"`, timeoutMs: 10_000, intervalMs: 50 },
  );
}

async function textOf(page: Page, selector: string): Promise<string> {
  const element = await page.waitForSelector(selector, { timeout: 10_000 });
  return (await element?.evaluate((node) => node.textContent ?? '')) ?? '';
}

/** Pastes the catalogue into the options page and imports it; returns what the page says. */
async function importCatalogue(page: Page, exchange: string, text: string): Promise<string> {
  await page.waitForSelector('textarea[name="catalogue"]', { timeout: 10_000 });
  await page.type('input[name="exchange"]', exchange);
  // Pasting: one input event with the whole text, as a paste sends.
  await page.$eval(
    'textarea[name="catalogue"]',
    (area, value) => {
      (area as HTMLTextAreaElement).value = value as string;
      area.dispatchEvent(new Event('input', { bubbles: true }));
    },
    text,
  );
  await page.click('[data-testid="catalogue-section"] button[type="submit"]');
  return textOf(page, '[data-testid="import-done"], [data-testid="import-problems"]');
}

async function checkSearches(page: Page) {
  expect((await search(page, '-1021'))[0]).toBe('gateway -1021: Timestamp outside recv window');
  expect((await search(page, '1021'))[0]).toBe('gateway -1021: Timestamp outside recv window');
  expect((await search(page, 'INVALID_SIGNATURE'))[0]).toMatch(/^woo -1001: /);
  expect((await search(page, 'passprase'))[0]).toBe('okx 60024: Wrong passphrase');
  expect(await search(page, '签名')).toEqual([
    expect.stringMatching(/^okx 60007: /),
    expect.stringMatching(/^binance -1022: /),
  ]);
  // The new catalogues: Bybit's v5 codes, USDⓈ-M's own -2019, Binance Spot found in Chinese.
  expect((await search(page, '110007'))[0]).toBe('bybit 110007: Available balance is insufficient');
  expect(await search(page, '-2019')).toContain(
    'binance-usdm -2019: Margin is insufficient. MARGIN_NOT_SUFFICIEN',
  );
  expect(await search(page, '时间偏移')).toContain(
    'binance -1021: Timestamp for this request is outside of the recvWindow. INVALID_TIMESTAMP',
  );
}

/** Waits for the chip of an exchange: the custom catalogue has loaded once it is there. */
async function waitForChip(page: Page, exchange: string): Promise<void> {
  await page.waitForFunction(
    (name) =>
      [...document.querySelectorAll('[data-testid="popup-chip"]')].some(
        (chip) => chip.textContent === name,
      ),
    { timeout: 10_000 },
    exchange,
  );
}

const chromium = locateBrowser('chromium');

describe.skipIf(chromium.skip)(suiteTitle('popup and options in Chromium', chromium), () => {
  let launched: ChromiumWithExtension | undefined;
  const url = (path: string) => {
    if (!launched) throw new Error('Chromium did not launch (see the beforeAll error)');
    return `chrome-extension://${launched.extensionId}${path}`;
  };
  const open = async (path: string, ready: string) => {
    const page = await (launched as ChromiumWithExtension).browser.newPage();
    await page.goto(url(path));
    await page.waitForSelector(ready, { timeout: 10_000 });
    return page;
  };

  beforeAll(async () => {
    launched = await launchChromiumWithExtension(
      builtExtension('chrome'),
      requireExecutable(chromium),
    );
  });

  afterAll(async () => {
    await launched?.close();
  });

  it('answers codes, names, words, Chinese and typos as the user types', async () => {
    const page = await open(POPUP, SEARCH);
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await checkSearches(page);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Escape');
    expect(await page.$eval(SEARCH, (input) => (input as HTMLInputElement).value)).toBe('');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('copies the selected result with Enter and says so', async () => {
    const page = await open(POPUP, SEARCH);
    const context = page.browserContext();
    await context.overridePermissions(url('').replace(/\/$/, ''), [
      'clipboard-read',
      'clipboard-write',
      'clipboard-sanitized-write',
    ]);
    await search(page, '4004');
    await page.keyboard.press('Enter');
    expect(
      await pollFor(async () => (await textOf(page, '[data-testid="popup-status"]')) || undefined, {
        what: 'the copy status',
      }),
    ).toBe('Copied okx 4004');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied.split('\n')[0]).toBe('okx 4004: No data received in 30s');
    await page.close();
  });

  it("shows the tab's recent findings on top", async () => {
    const page = await open(POPUP, SEARCH);
    // The popup opened as a tab is itself the active tab: record findings for it, as the panel would.
    await page.evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, currentWindow: true });
      await chrome.storage.session.set({
        [`recentFindings:${tab?.id}`]: [
          { exchange: 'okx', code: '60009', message: 'Login failed.', time: Date.now() },
          { exchange: 'gateway', code: '-1021', time: Date.now() - 1000 },
          {
            exchange: 'binance-usdm',
            code: '-2019',
            message: 'Margin is insufficient.',
            time: Date.now() - 2000,
          },
          {
            exchange: 'bybit',
            code: '110007',
            message: 'ab not enough for new order',
            time: Date.now() - 3000,
          },
        ],
      });
    });
    await page.reload();
    await page.waitForSelector('[data-testid="result-said"]', { timeout: 10_000 });
    expect((await results(page)).slice(0, 4)).toEqual([
      'okx 60009: Login failure',
      'gateway -1021: Timestamp outside recv window',
      'binance-usdm -2019: Margin is insufficient. MARGIN_NOT_SUFFICIEN',
      'bybit 110007: Available balance is insufficient',
    ]);
    expect(await textOf(page, '[data-testid="result-said"]')).toBe('Server said: Login failed.');
    await page.close();
  });

  it('imports a catalogue in the options page; the popup then answers with it', async () => {
    const options = await open(OPTIONS, '[data-testid="options"]');
    expect(await textOf(options, '[data-testid="capture-empty"]')).toBe('No other sites.');
    const bad = await importCatalogue(options, 'acme', CATALOGUE.replace('-7164', 'abc'));
    expect(bad).toContain("line 4: code 'abc' is not a number");
    expect(bad).toContain('Nothing was imported');
    await options.reload();
    const done = await importCatalogue(options, 'acme', CATALOGUE);
    expect(done).toMatch(/^Imported 2 entries for acme\. Stored in storage\.sync \(/);
    const stored = await options.evaluate(() => chrome.storage.sync.get('customCatalogues'));
    expect(Object.keys(stored)).toEqual(['customCatalogues']);
    await options.close();

    const popup = await open(POPUP, SEARCH);
    await waitForChip(popup, 'acme');
    expect((await search(popup, '7061'))[0]).toBe('acme -7061: Order side mismatch');
    expect((await search(popup, 'notional too small'))[0]).toBe('acme -7164: Notional too small');
    await popup.close();
  });

  it('maps a host in the options page and offers the grant the panel asks for', async () => {
    const options = await open(
      `${OPTIONS}?grant=https://testnet.example.com`,
      '[data-testid="options"]',
    );
    expect(await textOf(options, '[data-testid="capture-section"] button')).toBe(
      'Grant capture for https://testnet.example.com',
    );
    await options.waitForSelector('input[name="host"]', { timeout: 10_000 });
    await options.type('input[name="host"]', 'https://Testnet.Example.com:8443');
    await options.select('select[name="exchange"]', 'gateway');
    await options.click('[data-testid="hosts-section"] button[type="submit"]');
    expect(await textOf(options, '[data-testid="host-row"]')).toBe(
      'testnet.example.comgatewayRemove',
    );
    const stored = await options.evaluate(() => chrome.storage.sync.get('settings.hosts'));
    expect(stored).toEqual({ 'settings.hosts': { 'testnet.example.com': 'gateway' } });
    await options.close();
  });
});

const firefox = locateBrowser('firefox');

describe.skipIf(firefox.skip)(suiteTitle('popup and options in Firefox', firefox), () => {
  let launched: FirefoxWithExtension | undefined;
  const open = (path: string, ready: string) => {
    if (!launched) throw new Error('Firefox did not launch (see the beforeAll error)');
    return openExtensionPage(launched.browser, launched.extensionUrl(path), ready);
  };

  beforeAll(async () => {
    launched = await launchFirefoxWithExtension(
      builtExtension('firefox'),
      requireExecutable(firefox),
    );
  });

  afterAll(async () => {
    await launched?.close();
  });

  it('answers codes, names, words, Chinese and typos as the user types', async () => {
    const { page } = await open(POPUP, SEARCH);
    await checkSearches(page);
    await page.close();
  });

  it('imports a catalogue in the options page; the popup then answers with it', async () => {
    const { page: options } = await open(OPTIONS, 'textarea[name="catalogue"]');
    const done = await importCatalogue(options, 'acme', CATALOGUE);
    expect(done).toMatch(/^Imported 2 entries for acme\. Stored in storage\.sync \(/);
    await options.close();
    const { page: popup } = await open(POPUP, SEARCH);
    await waitForChip(popup, 'acme');
    expect((await search(popup, '7061'))[0]).toBe('acme -7061: Order side mismatch');
    await popup.close();
  });
});
