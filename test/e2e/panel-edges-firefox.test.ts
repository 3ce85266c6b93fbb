// End-to-end (Node driving Firefox): the panel, opened as a tab on the inspected tab (?tabId=N:
// Firefox's DevTools panels are out of reach of automation), keeps its rows through pushState,
// replaceState and a hash change, drops them on reload (the relay's time origin, read in its
// isolated world), and names the frame and origin of a socket in a cross-origin iframe.
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EdgeSite, startEdgeSite } from './pages/edge-site.ts';
import { locateBrowser, requireExecutable, suiteTitle } from './support/browsers.ts';
import { builtExtension } from './support/dist.ts';
import {
  activity,
  errorOf,
  ids,
  timeOriginReads,
  waitForActivity,
} from './support/edge-activity.ts';
import { tabIdOf } from './support/extension-tabs.ts';
import {
  type FirefoxWithExtension,
  launchFirefoxWithExtension,
  openExtensionPage,
} from './support/firefox.ts';
import { readRows } from './support/panel-dom.ts';
import { pollFor } from './support/poll.ts';

const PANEL_PATH = '/src/panel/index.html';
const READY = '[data-testid="panel"]';
/** Opened as a tab the panel has no HTTP source: the socket rows tell the activities apart. */
const NO_HTTP = false;

const firefox = locateBrowser('firefox');

function bothFramesErrors(panel: Parameters<typeof readRows>[0]) {
  return pollFor(
    async () => {
      const rows = await readRows(panel);
      return rows.some(errorOf('top')) && rows.some(errorOf('widget')) ? rows : undefined;
    },
    { what: 'the errors of the top page and of its iframe' },
  );
}

describe.skipIf(firefox.skip)(suiteTitle('Panel edge cases in Firefox', firefox), () => {
  let site: EdgeSite | undefined;
  let widgets: EdgeSite | undefined;
  let launched: FirefoxWithExtension | undefined;
  let page: Page | undefined;
  let panel: Page | undefined;

  beforeAll(async () => {
    site = await startEdgeSite('127.0.0.1');
    widgets = await startEdgeSite('127.0.0.1');
    launched = await launchFirefoxWithExtension(
      builtExtension('firefox'),
      requireExecutable(firefox),
    );
  });

  afterAll(async () => {
    await launched?.close();
    await Promise.all([site?.close(), widgets?.close()]);
  });

  it('keeps the rows through same-document navigations, drops them on reload', async () => {
    if (!launched || !site) throw new Error('Firefox or the site did not start');
    page = await launched.browser.newPage();
    const url = `${site.origin}/app?tag=first`;
    await page.goto(url);
    const tabId = await tabIdOf(
      (await openExtensionPage(launched.browser, launched.extensionUrl(PANEL_PATH), READY)).page,
      url,
    );
    ({ page: panel } = await openExtensionPage(
      launched.browser,
      launched.extensionUrl(`${PANEL_PATH}?tabId=${tabId}`),
      READY,
    ));
    let before = await waitForActivity(panel, 'first', 0, NO_HTTP);

    await page.evaluate(() => history.pushState({}, '', '/app/orders?tag=pushed'));
    await page.evaluate(() => history.replaceState({}, '', '/app/positions?tag=replaced'));
    await page.evaluate(() => {
      location.hash = 'depth';
    });
    await activity(page, 'spa');
    const after = await waitForActivity(panel, 'spa', 0, NO_HTTP);
    expect(ids(after)).toEqual(expect.arrayContaining(ids(before)));
    before = after;

    for (let reload = 1; reload <= 2; reload++) {
      const oldest = Math.max(...ids(before));
      await page.reload();
      before = await waitForActivity(panel, 'replaced', oldest, NO_HTTP);
      expect(
        before.filter((row) => row.id <= oldest),
        `reload ${reload}`,
      ).toEqual([]);
      expect(before.filter((row) => row.error)).toHaveLength(1);
    }
    expect(await timeOriginReads(page)).toBe(0);
  });

  it('names the frame and origin of a socket in a cross-origin iframe', async () => {
    if (!page || !panel || !site || !widgets) throw new Error('the panel did not open');
    await page.goto(`${site.origin}/frames?tag=top&widget=${widgets.origin}`);
    await waitForActivity(panel, 'widget', 0, NO_HTTP);
    // The two frames' batches arrive apart: wait for the top page's error as well.
    const rows = await bothFramesErrors(panel);
    const host = (origin: string) => origin.replace('http://', '');
    expect(rows.find(errorOf('top'))?.where).toBe(`${host(site.origin)}/ws/top #1`);
    expect(rows.find(errorOf('widget'))?.where).toBe(
      `${host(widgets.origin)}/ws/widget #1 · frame ${widgets.origin}`,
    );
  });
});
