// End-to-end (Node driving Chromium): the DevTools panel on a single-page trading console.
// pushState, replaceState and hash changes keep the rows; each reload shows exactly the new
// document's rows (five times over), or keeps the old ones too with preserve log; a site capture
// is not enabled on behaves the same from DevTools' log alone, and DevTools opened there names
// the site; the page's own timeOrigin getter is never called; a socket in a cross-origin iframe
// names its frame; hidden characters a server sent are shown, not obeyed. One browser, and one
// DevTools session for the whole story but a look at a second tab.
import type { Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EdgeSite, HOSTILE_SHOWN, startEdgeSite } from './pages/edge-site.ts';
import { locateBrowser, requireExecutable, suiteTitle } from './support/browsers.ts';
import { type ChromiumWithExtension, launchChromiumWithExtension } from './support/chromium.ts';
import { showExtensionPanel } from './support/devtools.ts';
import { builtExtension } from './support/dist.ts';
import {
  activity,
  errorOf,
  ids,
  timeOriginReads,
  waitForActivity,
} from './support/edge-activity.ts';
import {
  openDetails,
  type PanelRow,
  readCaptureBanner,
  readRows,
  typeFilter,
  waitForRows,
} from './support/panel-dom.ts';
import { pollFor } from './support/poll.ts';

const PANEL = { title: 'Exchange Lens', path: '/src/panel/index.html' };

const chromium = locateBrowser('chromium');

describe.skipIf(chromium.skip)(suiteTitle('Panel edge cases in Chromium', chromium), () => {
  let site: EdgeSite | undefined;
  let widgets: EdgeSite | undefined;
  let plain: EdgeSite | undefined;
  let launched: ChromiumWithExtension | undefined;
  let page: Page | undefined;
  let panel: Frame | undefined;

  const opened = () => {
    if (!page || !panel || !site || !widgets || !plain) throw new Error('the panel did not open');
    return { page, panel, site, widgets, plain };
  };

  beforeAll(async () => {
    site = await startEdgeSite('127.0.0.1');
    widgets = await startEdgeSite('127.0.0.1');
    // 127.0.0.2 is loopback too, but no default capture site: no wrapper, DevTools' log only.
    plain = await startEdgeSite('127.0.0.2');
    launched = await launchChromiumWithExtension(
      builtExtension('chrome'),
      requireExecutable(chromium),
    );
  });

  afterAll(async () => {
    await launched?.close();
    await Promise.all([site?.close(), widgets?.close(), plain?.close()]);
  });

  it('keeps the rows through pushState, replaceState and a hash change', async () => {
    if (!launched || !site) throw new Error('Chromium or the site did not start');
    page = await launched.browser.newPage();
    await page.goto(`${site.origin}/app?tag=first`);
    const shown = await showExtensionPanel(page, { ...PANEL, extensionId: launched.extensionId });
    panel = shown.frame;
    // Tall enough to hold every row of the story in view (the list renders only what is).
    await shown.devtools.setViewport({ width: 1400, height: 2400 });
    await activity(page, 'second');
    let before = await waitForActivity(panel, 'second');
    expect(before.some(errorOf('first'))).toBe(true);

    const navigations: [string, (tag: string) => void][] = [
      ['pushState', (tag) => history.pushState({}, '', `/app/orders?tag=${tag}`)],
      ['replaceState', (tag) => history.replaceState({}, '', `/app/positions?tag=${tag}`)],
      ['hash change', (tag) => (location.hash = tag)],
    ];
    for (const [name, navigate] of navigations) {
      const tag = name.replace(/\W/g, '');
      await page.evaluate(navigate, tag);
      await activity(page, tag);
      const after = await waitForActivity(panel, tag);
      expect(ids(after), `rows after ${name}`).toEqual(expect.arrayContaining(ids(before)));
      before = after;
    }
    expect(
      before.filter((row) => row.error).map((row) => row.preview.match(/request: (\w+)/)?.[1]),
    ).toEqual(['first', 'second', 'pushState', 'replaceState', 'hashchange']);
    expect(await timeOriginReads(page)).toBe(0);
  });

  it("shows exactly the new document's rows after each of five reloads", async () => {
    const { page, panel } = opened();
    await page.evaluate(() => history.replaceState({}, '', '/app?tag=reload'));
    for (let reload = 1; reload <= 5; reload++) {
      const oldest = Math.max(...ids(await readRows(panel)));
      await page.reload();
      const rows = await waitForActivity(panel, 'reload', oldest);
      expect(
        rows.filter((row) => row.id <= oldest),
        `reload ${reload}`,
      ).toEqual([]);
      expect(
        rows.filter((row) => row.error),
        `reload ${reload}`,
      ).toHaveLength(1);
      expect(await timeOriginReads(page)).toBe(0);
    }
  });

  it('keeps the rows of the page before with preserve log', async () => {
    const { page, panel } = opened();
    const before = ids(await readRows(panel));
    const box = await panel.waitForSelector('[data-testid="preserve-log"]');
    await box?.click();
    await page.reload();
    const rows = await waitForActivity(panel, 'reload', Math.max(...before));
    expect(ids(rows)).toEqual(expect.arrayContaining(before));
    expect(rows.filter((row) => row.error)).toHaveLength(2);
    await box?.click();
  });

  it('tells navigations apart from DevTools alone where capture is not enabled', async () => {
    const { page, panel, plain } = opened();
    const before = ids(await readRows(panel));
    await page.goto(`${plain.origin}/app?tag=plain`);
    // Only DevTools saw this socket: its rows come once it closed, flagged as such.
    let rows = await waitForActivity(panel, 'plain', Math.max(...before));
    expect(rows.filter((row) => before.includes(row.id))).toEqual([]);
    expect(rows.find(errorOf('plain'))?.where).toMatch(/\/ws\/plain · DevTools$/);

    await page.evaluate(() => history.pushState({}, '', '/app/orders?tag=spa'));
    await activity(page, 'spa');
    const kept = ids(rows);
    rows = await waitForActivity(panel, 'spa', Math.max(...kept));
    expect(ids(rows)).toEqual(expect.arrayContaining(kept));

    await page.reload();
    rows = await waitForActivity(panel, 'spa', Math.max(...ids(rows)));
    expect(rows.filter((row) => kept.includes(row.id))).toEqual([]);
    expect(await timeOriginReads(page)).toBe(0);
  });

  it("reads the inspected page's URL when DevTools opens on a site without capture", async () => {
    const { plain } = opened();
    if (!launched) throw new Error('Chromium did not start');
    const other = await launched.browser.newPage();
    await other.goto(`${plain.origin}/app?tag=opened-here`);
    const { frame, devtools } = await showExtensionPanel(other, {
      ...PANEL,
      extensionId: launched.extensionId,
    });
    // No navigation happened under DevTools: only inspectedWindow.eval can name the page.
    const banner = await pollFor(
      async () => {
        const read = await readCaptureBanner(frame);
        return read.state === 'enable' ? read : undefined;
      },
      { what: 'the offer to enable capture on the inspected site' },
    );
    expect(banner.text).toContain(`Enable WebSocket capture on ${plain.origin}`);
    expect(await timeOriginReads(other)).toBe(0);
    await devtools.close();
    await other.close();
  });

  it('names the frame and origin of a socket in a cross-origin iframe', async () => {
    const { page, panel, site, widgets } = opened();
    await page.goto(`${site.origin}/frames?tag=top&widget=${widgets.origin}`);
    await waitForActivity(panel, 'widget');
    // The two frames' batches arrive apart: wait for the top page's error as well.
    const rows = await pollFor(
      async () => {
        const shown = await readRows(panel);
        return shown.some(errorOf('top')) && shown.some(errorOf('widget')) ? shown : undefined;
      },
      { what: 'the errors of the top page and of its iframe' },
    );
    const host = (origin: string) => origin.replace('http://', '');
    const top = rows.find(errorOf('top'));
    const framed = rows.find(errorOf('widget'));
    expect(top?.where).toBe(`${host(site.origin)}/ws/top #1`);
    expect(framed?.where).toBe(`${host(widgets.origin)}/ws/widget #1 · frame ${widgets.origin}`);
    const details = await openDetails(panel, framed?.id ?? -1);
    expect(details.fields['details-frame']).toMatch(
      new RegExp(`^${widgets.origin}/widget\\?tag=widget \\(frame \\d+, not the top document\\)$`),
    );
    // Quoted: the filter's words each match on their own (the top page's URL names the widget).
    // The list renders the filter on its next frame: wait for it to show only the iframe's rows.
    await typeFilter(panel, `"frame ${widgets.origin}"`);
    const inFrame = (row: PanelRow) => row.where.endsWith(`· frame ${widgets.origin}`);
    const filtered = await waitForRows(
      panel,
      (shown) => (shown.length > 0 && shown.every(inFrame) ? shown : undefined),
      `only the rows of the frame ${widgets.origin}`,
    );
    expect(filtered.some(errorOf('widget'))).toBe(true);
    await typeFilter(panel, '');
    await waitForRows(
      panel,
      (shown) => (shown.some(errorOf('top')) ? shown : undefined),
      "the top page's rows once the filter is cleared",
    );
  });

  it('shows the hidden characters a server sent instead of obeying them', async () => {
    const { page, panel } = opened();
    await activity(page, 'hostile');
    const row = await waitForRows(
      panel,
      (rows) =>
        rows.find((candidate) => candidate.where.includes('/ws/hostile') && candidate.error),
      'the error row of the hostile socket',
    );
    // No catalogue knows its code: the row prints what the server said, visibly.
    expect(row.annotation?.text).toContain(`unknown code 99999 from OKX: ${HOSTILE_SHOWN}`);
    expect(row.preview).toContain(HOSTILE_SHOWN);
    const details = await openDetails(panel, row.id);
    expect(details.fields['observed-message']).toBe(HOSTILE_SHOWN);
    const raw = await panel.evaluate(() => {
      const attributes = [...document.querySelectorAll('*')].flatMap((element) =>
        [...element.attributes].map((attribute) => attribute.value),
      );
      const text = `${document.body.textContent ?? ''}\n${attributes.join('\n')}`;
      return [...text].filter((char) =>
        /[\u202a-\u202e\u2066-\u2069\u061c\u200b-\u200f\ufeff]/.test(char),
      );
    });
    expect(raw).toEqual([]);
  });
});
