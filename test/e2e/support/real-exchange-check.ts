// Test support (Node): runs the real-exchange corpus page and reads back, host by host, what the
// panel says of each reply: its exchange, code, meaning (the catalogue row whose words the server
// used) and confidence, as the corpus (test/fixtures/real-envelopes/index.ts) says a user must see.
import type { Page } from 'puppeteer-core';
import { expect } from 'vitest';
import {
  detect,
  entryMessage,
  type Finding,
  fillPlaceholders,
  unexplainedText,
} from '../../../src/core/index.ts';
import type { CorpusCase, ExpectedFinding } from '../../fixtures/real-envelopes/index.ts';
import { type PanelDocument, type PanelRow, readRows, typeFilter } from './panel-dom.ts';
import { pollFor } from './poll.ts';
import type { RealExchangeServer } from './real-exchange-server.ts';

/** Opens the corpus page in the inspected tab and waits until every case has run. */
export async function runCorpusPage(page: Page, server: RealExchangeServer): Promise<void> {
  await page.goto(server.page);
  await pollFor(
    () =>
      page.evaluate(() => (window as unknown as { __corpus?: { done: boolean } }).__corpus?.done),
    { what: 'the corpus page to run every case', timeoutMs: 20_000 },
  );
}

/** What the row of an error case must read: the corpus's truth, in the panel's words. */
function expected(want: ExpectedFinding, event: CorpusCase['event']) {
  const [finding] = detect(event) as [Finding];
  // The meaning the corpus names, checked here so the row is compared with the right one.
  expect(finding.entry?.id.replace(/#\d+$/, '') ?? null).toBe(want.entry);
  if (!finding.entry) {
    // No meaning: the row says what it is ("Bybit's auth op failed") and the server's words.
    return {
      exchangeId: want.exchange,
      confidence: want.confidence,
      message: `: ${finding.observedMessage}`,
      text: expect.stringContaining(unexplainedText(finding).title),
    };
  }
  return {
    exchangeId: want.exchange,
    code: finding.code,
    confidence: want.confidence,
    message: fillPlaceholders(entryMessage(finding.entry), finding.placeholders),
  };
}

/**
 * Filters the list host by host (the list is virtualised: a filter keeps every row of a host in
 * view) and checks each case of `cases` that `include` picks: an error row with its meaning, or
 * no error row at all for a success or market data.
 */
/** The host a row names in its connection column ("api.binance.com/api/v3/order #1"). */
function hostOfRow(row: PanelRow): string {
  return (row.where.split('/')[0] ?? '').replace(/:\d+$/, '');
}

export async function checkCorpusRows(
  panel: PanelDocument,
  server: RealExchangeServer,
  cases: readonly CorpusCase[],
  include: (c: CorpusCase) => boolean,
): Promise<number> {
  let checked = 0;
  for (const host of server.hosts) {
    const picked = cases
      .map((c, index) => ({ c, index }))
      .filter(({ c }) => include(c) && new URL(c.event.url).hostname === host);
    if (picked.length === 0) continue;
    await typeFilter(panel, host);
    const errors = picked.filter(({ c }) => c.expect !== 'silent');
    // Every picked row, silent ones included, must be in view before any is judged: a silent
    // row not shown yet would pass its check without being looked at. Rows are told apart by
    // their host too: the filter "api.binance.com" also shows fapi.binance.com, whose -1021
    // begins with the same 60 characters.
    const rows = await pollFor(
      async () => {
        const shown = (await readRows(panel)).filter((row) => hostOfRow(row) === host);
        const rowOf = (index: number) =>
          shown.find((row) => row.preview.includes(server.payloadOf(index)));
        if (!picked.every(({ index }) => rowOf(index))) return undefined;
        return { shown, found: errors.map(({ index }) => rowOf(index) as PanelRow) };
      },
      { what: `the rows of ${host}`, timeoutMs: 15_000 },
    );
    errors.forEach(({ c }, i) => {
      const want = c.expect as ExpectedFinding;
      const row = rows.found[i];
      // A notice (OKX's 64008) is annotated as a note, not an error.
      expect({ name: c.name, error: row?.error, ...row?.annotation }).toMatchObject({
        name: c.name,
        error: want.severity !== 'info',
        ...expected(want, c.event),
      });
      checked++;
    });
    for (const { c, index } of picked.filter(({ c }) => c.expect === 'silent')) {
      const row = rows.shown.find((r) => r.preview.includes(server.payloadOf(index)));
      expect({ name: c.name, annotated: row?.annotation !== undefined }).toEqual({
        name: c.name,
        annotated: false,
      });
      checked++;
    }
  }
  await typeFilter(panel, '');
  return checked;
}
