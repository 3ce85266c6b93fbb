// Test support (Node): launches Chromium with an unpacked extension through puppeteer-core (CDP).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type WebWorker } from 'puppeteer-core';
import { locateBrowser, requireExecutable } from './browsers.ts';
import { pollFor } from './poll.ts';

// Keep Chromium quiet on a closed network; see docs/platform-notes.md.
export const QUIET_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--no-default-browser-check',
];

export interface ChromiumWithExtension {
  browser: Browser;
  extensionId: string;
  /** The extension's service worker, activated, with extension APIs bound. */
  serviceWorker: WebWorker;
  /** Closes the browser and deletes its throwaway profile. */
  close(): Promise<void>;
}

export interface ChromiumOptions {
  /** Exchange hosts to resolve to 127.0.0.1 (--host-resolver-rules), so a local server can
   * answer under the names the panel attributes by. */
  localHosts?: readonly string[];
}

export async function launchChromiumWithExtension(
  extensionDir: string,
  executablePath = requireExecutable(locateBrowser('chromium')),
  options: ChromiumOptions = {},
): Promise<ChromiumWithExtension> {
  const userDataDir = await mkdtemp(join(tmpdir(), 'exchange-lens-chromium-'));
  const browser = await puppeteer.launch({
    executablePath,
    headless: true,
    userDataDir,
    // Without this puppeteer passes --disable-extensions.
    enableExtensions: true,
    // Lets page.openDevTools() return the DevTools window as a Page.
    handleDevToolsAsPage: true,
    args: [
      ...QUIET_FLAGS,
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      ...(options.localHosts?.length
        ? [
            `--host-resolver-rules=${options.localHosts.map((h) => `MAP ${h} 127.0.0.1`).join(', ')}`,
          ]
        : []),
    ],
  });
  const close = async () => {
    await browser.close();
    await rm(userDataDir, { recursive: true, force: true });
  };
  try {
    const target = await browser.waitForTarget(
      (candidate) =>
        candidate.type() === 'service_worker' && candidate.url().startsWith('chrome-extension://'),
      { timeout: 15_000 },
    );
    const serviceWorker = await activatedWorker(await target.worker());
    return { browser, extensionId: new URL(target.url()).host, serviceWorker, close };
  } catch (error) {
    await close();
    throw new Error(`the extension's service worker did not start: ${String(error)}`);
  }
}

// The target shows up while the worker is still starting: `chrome` is not bound yet and the
// background script has not run. A script that throws never gets past "installing".
async function activatedWorker(worker: WebWorker | null): Promise<WebWorker> {
  if (!worker) throw new Error('the service worker target has no worker');
  return pollFor(
    async () => {
      const state = await worker.evaluate(() =>
        typeof chrome === 'object'
          ? (self as unknown as { serviceWorker: ServiceWorker }).serviceWorker.state
          : 'unbound',
      );
      return state === 'activated' ? worker : undefined;
    },
    { what: 'the service worker to be activated', timeoutMs: 10_000, intervalMs: 100 },
  );
}
