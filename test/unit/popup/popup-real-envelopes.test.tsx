// The real-exchange corpus, the whole way a user meets it in the popup: each error captured by
// the panel's session (a WebSocket frame from the hub or an HTTP entry from DevTools), written
// to storage.session by the panel's recent-findings sink, then listed on top of the popup and
// explained by the entry of the right exchange, the server's words beside it.
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { BUNDLED_CATALOGUE } from '../../../src/core/catalogue/catalogue.ts';
import { sinkRecentFindings } from '../../../src/panel/capture/recent-findings-sink.ts';
import { createTrafficSession } from '../../../src/panel/traffic/traffic-session.ts';
import { recordRecentFindingIn } from '../../../src/storage/recent-findings.ts';
import { REAL_ENVELOPES } from '../../fixtures/real-envelopes/index.ts';
import { fakeStorage } from '../../support/fake-storage.ts';
import { fakeClock } from '../panel/support/fake-clock.ts';
import { harEntry, received, T0, tabFrames } from '../panel/support/frames.ts';
import { renderPopup, TAB_ID } from './popup-harness.tsx';

afterEach(() => {
  document.body.innerHTML = '';
});

const ERRORS = REAL_ENVELOPES.filter(
  (c) => c.expect !== 'silent' && c.expect.severity === undefined && c.expect.entry !== null,
);

/** The finding a case must produce: its exchange, code and the entries its rows can be. */
function expected(entry: string) {
  const [exchange, , code] = entry.split(':');
  const rows = BUNDLED_CATALOGUE.byCode(code as string).filter(
    (e) => e.id === entry || e.id.startsWith(`${entry}#`),
  );
  return { exchange, code, rows };
}

describe('the popup on what real exchanges send', () => {
  it('has error cases of every exchange to show', () => {
    const exchanges = new Set(ERRORS.map((c) => (c.expect as { exchange: string }).exchange));
    expect([...exchanges].sort()).toEqual(
      expect.arrayContaining(['binance', 'binance-usdm', 'bybit', 'gateway', 'okx', 'woo']),
    );
  });

  for (const c of ERRORS) {
    it(`lists and explains ${c.name}`, async () => {
      if (c.expect === 'silent' || c.expect.entry === null) throw new Error('not an error case');
      const want = expected(c.expect.entry);
      expect(want.rows.length).toBeGreaterThan(0);

      const storage = fakeStorage();
      const time = fakeClock(T0);
      const session = createTrafficSession({ clock: time.clock });
      const writes: Promise<void>[] = [];
      sinkRecentFindings(
        session,
        (finding) => writes.push(recordRecentFindingIn(storage.session, TAB_ID, finding)),
        time.clock.now,
      );
      const { event } = c;
      if (event.type === 'ws') {
        session.ingestFrames(tabFrames([received(String(event.data), { url: event.url })]));
      } else if (event.type === 'http') {
        const entry = harEntry({ url: event.url, status: event.status });
        session.ingestHar(entry, String(event.body));
      } else {
        throw new Error(`the corpus has no ${event.type} case for the popup`);
      }
      time.advance(10_000);
      await Promise.all(writes);
      expect(writes.length).toBeGreaterThan(0);

      const { harness } = renderPopup({ storage });
      await waitFor(() => expect(screen.queryAllByRole('option').length).toBeGreaterThan(0));
      const [top] = screen.queryAllByRole('option');
      if (!top) throw new Error('nothing listed');
      expect(`${top.dataset.exchange} ${top.dataset.code}`).toBe(`${want.exchange} ${want.code}`);
      expect(top.textContent).toContain('seen in this tab');
      // What Enter copies names the entry: its first line carries the title of one of the rows
      // the corpus expects, and the server's words follow.
      fireEvent.keyDown(screen.getByRole('searchbox'), { key: 'Enter' });
      await waitFor(() => expect(harness.copied).toHaveLength(1));
      const copied = harness.copied[0] as string;
      const [firstLine] = copied.split('\n');
      expect(firstLine?.startsWith(`${want.exchange} ${want.code}: `)).toBe(true);
      const words = want.rows.flatMap((row) => [
        row.name,
        row.description,
        ...[row.messages, ...(row.variants ?? [])].map((m) => m.en),
      ]);
      expect(words.some((text) => text && firstLine?.includes(text))).toBe(true);
      expect(within(top).getByTestId('result-said').textContent).toMatch(/^Server said: ./);
    });
  }
});
