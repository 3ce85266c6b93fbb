import { describe, expect, it } from 'vitest';
import type { Browser } from 'webextension-polyfill';
import { createSiteAccess } from '../../../../src/panel/capture/site-access.ts';

/** A browser without permissions.request, as Firefox gives DevTools pages. */
function firefoxLikeBrowser() {
  const opened: string[] = [];
  let optionsPageOpened = 0;
  const browser = {
    runtime: {
      getManifest: () => ({ content_scripts: [{ matches: ['http://127.0.0.1/*'] }] }),
      getURL: (path: string) => `moz-extension://uuid${path}`,
      openOptionsPage: async () => {
        optionsPageOpened++;
      },
    },
    tabs: {
      create: async ({ url }: { url: string }) => {
        opened.push(url);
        return {};
      },
    },
  } as unknown as Browser;
  return { browser, opened, optionsPageOpened: () => optionsPageOpened };
}

describe('site access without permissions.request (Firefox DevTools)', () => {
  it('sends the user to the options page offering the inspected site', async () => {
    const { browser, opened } = firefoxLikeBrowser();
    const access = createSiteAccess(browser);
    expect(access.canRequest).toBe(false);
    await access.openOptions('https://testnet.example.com:8443/trade?x=1');
    expect(opened).toEqual([
      'moz-extension://uuid/src/options/index.html?grant=https%3A%2F%2Ftestnet.example.com%3A8443',
    ]);
  });

  it('opens the plain options page when no site is known', async () => {
    const fake = firefoxLikeBrowser();
    await createSiteAccess(fake.browser).openOptions(undefined);
    expect(fake.opened).toEqual([]);
    expect(fake.optionsPageOpened()).toBe(1);
  });
});
