// Test support (Node): drives the edge site's activities (pages/edge-site.ts) and finds their
// rows in the panel, in Chromium's DevTools frame or Firefox's panel tab.
import type { Page } from 'puppeteer-core';
import { type PanelDocument, type PanelRow, waitForRows } from './panel-dom.ts';

export const errorOf = (tag: string) => (row: PanelRow) =>
  row.code === '60012' && row.preview.includes(`Invalid request: ${tag}`);
export const httpOf = (tag: string) => (row: PanelRow) =>
  row.kind === 'http' && row.where.endsWith(`/api/ticker/${tag}`);

export const ids = (rows: PanelRow[]) => rows.map((row) => row.id);

/**
 * Waits until the panel lists the error row of the activity `tag` (and its HTTP row, unless the
 * panel has no HTTP source), both newer than the row id `newerThan`; returns the rows in view.
 */
export function waitForActivity(
  panel: PanelDocument,
  tag: string,
  newerThan = 0,
  withHttp = true,
): Promise<PanelRow[]> {
  return waitForRows(
    panel,
    (rows) => {
      const fresh = rows.filter((row) => row.id > newerThan);
      const done = fresh.some(errorOf(tag)) && (!withHttp || fresh.some(httpOf(tag)));
      return done ? rows : undefined;
    },
    `the rows of activity "${tag}"`,
  );
}

/** Runs one activity in the page: a socket that gets an error, then a fetch. */
export async function activity(page: Page, tag: string): Promise<void> {
  await page.evaluate(
    (name) => (window as unknown as { activity(t: string): Promise<void> }).activity(name),
    tag,
  );
}

/** How often the page's own Performance.prototype.timeOrigin getter was called. */
export const timeOriginReads = (page: Page): Promise<number> =>
  page.evaluate(() => (window as unknown as { timeOriginReads(): number }).timeOriginReads());
