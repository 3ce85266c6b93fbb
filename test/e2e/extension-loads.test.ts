// End-to-end (Node driving real browsers): the built extension loads in Chromium and Firefox.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pkg from '../../package.json' with { type: 'json' };
import { locateBrowser, requireExecutable, suiteTitle } from './support/browsers.ts';
import { type ChromiumWithExtension, launchChromiumWithExtension } from './support/chromium.ts';
import { showExtensionPanel } from './support/devtools.ts';
import { builtExtension } from './support/dist.ts';
import {
  type FirefoxWithExtension,
  launchFirefoxWithExtension,
  openExtensionPage,
} from './support/firefox.ts';
import { type StaticServer, startStaticServer } from './support/static-server.ts';

const PANEL = { title: 'Exchange Lens', path: '/src/panel/index.html' };
const POPUP_PATH = '/src/popup/index.html';
const SEARCH = '[data-testid="popup-search"]';

/** What a user sees in the popup: the search box, whether it has focus, and the result count. */
function readPopup(page: Page) {
  return page.evaluate((selector) => {
    const input = document.querySelector<HTMLInputElement>(selector);
    return {
      placeholder: input?.placeholder,
      focused: input !== null && document.activeElement === input,
      results: document.querySelector('[data-testid="popup-results"]')?.children.length,
      version: chrome.runtime.getManifest().version,
    };
  }, SEARCH);
}

const chromium = locateBrowser('chromium');

describe.skipIf(chromium.skip)(suiteTitle('Chromium with dist/chrome', chromium), () => {
  let launched: ChromiumWithExtension | undefined;
  let site: StaticServer | undefined;
  const session = () => {
    if (!launched) throw new Error('Chromium did not launch (see the beforeAll error)');
    return launched;
  };

  beforeAll(async () => {
    const extensionDir = builtExtension('chrome');
    launched = await launchChromiumWithExtension(extensionDir, requireExecutable(chromium));
    site = await startStaticServer({
      '/': '<!doctype html><html lang="en"><title>Inspected page</title><h1>inspected</h1></html>',
    });
  });

  afterAll(async () => {
    await launched?.close();
    await site?.close();
  });

  it('starts the background service worker', async () => {
    const version = await session().serviceWorker.evaluate(
      () => chrome.runtime.getManifest().version,
    );
    expect(version).toBe(pkg.version);
  });

  it('shows the Exchange Lens panel in DevTools', async () => {
    if (!site) throw new Error('the local site did not start');
    const page = await session().browser.newPage();
    await page.goto(`${site.origin}/`);
    const { devtools, frame } = await showExtensionPanel(page, {
      ...PANEL,
      extensionId: session().extensionId,
    });
    const heading = await frame.waitForSelector('[data-testid="panel-heading"]', {
      timeout: 10_000,
    });
    expect(await heading?.evaluate((element) => element.textContent)).toBe('Exchange Lens');
    expect(await frame.$('[data-testid="panel-placeholder"]')).not.toBeNull();
    await devtools.close();
    await page.close();
  });

  it('opens the popup with the search input focused and entries to browse', async () => {
    const page = await session().browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (error) => errors.push(String(error)));
    await page.goto(`chrome-extension://${session().extensionId}${POPUP_PATH}`);
    await page.waitForSelector(SEARCH, { timeout: 10_000 });
    expect(await readPopup(page)).toEqual({
      placeholder: 'Code, name or words',
      focused: true,
      // An empty query lists the first 30 catalogue entries to browse (issue 5).
      results: 30,
      version: pkg.version,
    });
    expect(errors).toEqual([]);
    await page.close();
  });
});

const firefox = locateBrowser('firefox');

describe.skipIf(firefox.skip)(suiteTitle('Firefox with dist/firefox', firefox), () => {
  let launched: FirefoxWithExtension | undefined;

  beforeAll(async () => {
    const extensionDir = builtExtension('firefox');
    launched = await launchFirefoxWithExtension(extensionDir, requireExecutable(firefox));
  });

  afterAll(async () => {
    await launched?.close();
  });

  it('installs as a temporary add-on and opens the popup with the search input focused', async () => {
    if (!launched) throw new Error('Firefox did not launch (see the beforeAll error)');
    const { page } = await openExtensionPage(
      launched.browser,
      launched.extensionUrl(POPUP_PATH),
      SEARCH,
    );
    expect(await readPopup(page)).toEqual({
      placeholder: 'Code, name or words',
      focused: true,
      // An empty query lists the first 30 catalogue entries to browse (issue 5).
      results: 30,
      version: pkg.version,
    });
    await page.close();
  });
});
