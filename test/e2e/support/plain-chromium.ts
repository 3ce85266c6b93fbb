// Test support (Node): launches Chromium without any extension (baselines for comparisons).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser } from 'puppeteer-core';
import { locateBrowser, requireExecutable } from './browsers.ts';
import { QUIET_FLAGS } from './chromium.ts';

export interface PlainChromium {
  browser: Browser;
  /** Closes the browser and deletes its throwaway profile. */
  close(): Promise<void>;
}

/** Same flags and headless mode as launchChromiumWithExtension, minus the extension. */
export async function launchPlainChromium(
  executablePath = requireExecutable(locateBrowser('chromium')),
): Promise<PlainChromium> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'exchange-lens-plain-'));
  const browser = await puppeteer.launch({
    executablePath,
    headless: true,
    userDataDir,
    // Lets page.openDevTools() return the DevTools window as a Page, as with the extension.
    handleDevToolsAsPage: true,
    args: QUIET_FLAGS,
  });
  return {
    browser,
    close: async () => {
      await browser.close();
      await rm(userDataDir, { recursive: true, force: true });
    },
  };
}
