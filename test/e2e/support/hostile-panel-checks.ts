// Test support (Node): what the hostile page's panel must show, read as a user reads it: the
// rows of each socket the page opened, as the network carried them, nothing it forged, and
// capture still going after document.open(). Shared by the Chromium and Firefox runs of
// test/e2e/hostile-page.test.ts.
import { expect } from 'vitest';
import {
  describeRow,
  type PanelDocument,
  type PanelRow,
  readCaptureBanner,
  readRows,
  setErrorsOnly,
  typeFilter,
  waitForRows,
} from './panel-dom.ts';
import { pollFor } from './poll.ts';

/** The rows of the panel whose URL or text contains `marker`, once there are `count`. */
export async function rowsMatching(panel: PanelDocument, marker: string, count: number) {
  await typeFilter(panel, marker);
  return waitForRows(
    panel,
    (rows) => (rows.length === count ? rows : undefined),
    `${count} rows for ${marker}`,
  );
}

const kinds = (rows: PanelRow[]) => rows.map((row) => row.kindLabel);

/** Every socket of the page, as the network carried it, and nothing the page forged. */
export async function expectWhatTheNetworkCarried(
  panel: PanelDocument,
  { afterSwap = false } = {},
) {
  await setErrorsOnly(panel, false);
  const s1 = await rowsMatching(panel, 'hostile-s1', 3);
  expect(kinds(s1)).toEqual(['open', 'WS received', 'close']);
  expect(s1.map((row) => row.code)).toEqual([undefined, '60012', '4004']);

  // Events the page dispatched on its sockets are not listed; a send after close is refused.
  const s2 = await rowsMatching(panel, 'hostile-s2', 5);
  expect(s2.map((row) => `${row.kindLabel}: ${row.preview}`)).toEqual([
    'open: open',
    'WS sent: hostile-s2-hello',
    'WS received: hostile-s2-hello',
    'close: 4000 hostile-s2-bye · clean',
    'refused (socket closed): hostile-s2-after-close',
  ]);
  const s3 = await rowsMatching(panel, 'hostile-s3', 2);
  expect(kinds(s3)).toEqual(['error', 'close']);

  // The socket that lived under the patched built-ins: every frame, none rewritten.
  const a = await rowsMatching(panel, 'hostile-s4-alpha', 2);
  expect(a.map((row) => `${row.kindLabel}: ${row.preview}`)).toEqual([
    'WS sent: hostile-s4-alpha',
    'WS received: hostile-s4-alpha',
  ]);
  const b = await rowsMatching(panel, 'hostile-s4-order', 2);
  expect(b.map((row) => [row.kindLabel, row.code])).toEqual([
    ['WS sent', '-1021'],
    ['WS received', '-1021'],
  ]);
  // Binary frames from before the panel opened, replayed from the page's history: the bytes
  // the network carried, though the page rewrote its buffer and gave the received one away.
  const history = await rowsMatching(panel, 'hostile-s7', 6);
  expect(history.map((row) => `${row.kindLabel}: ${row.preview}`)).toEqual([
    'open: open',
    'WS sent: binary, 3 bytes: 04 05 06',
    'WS received: binary, 3 bytes: 04 05 06',
    'WS sent: binary, 3 bytes: 0a 0b 0c',
    'WS received: binary, 3 bytes: 0a 0b 0c',
    'close: 4000 hostile-s7-bye · clean',
  ]);
  for (const hex of ['01 02 03', '07 08 09']) {
    const binary = await rowsMatching(panel, hex, 2);
    expect(binary.map((row) => `${row.kindLabel}: ${row.preview}`)).toEqual([
      `WS sent: binary, 3 bytes: ${hex}`,
      `WS received: binary, 3 bytes: ${hex}`,
    ]);
  }
  const bye = await rowsMatching(panel, 'hostile-s4-closing', 1);
  expect(bye[0]?.preview).toBe('4000 hostile-s4-closing · clean');

  const child = await rowsMatching(panel, 'hostile-child', 3);
  expect(child.map((row) => row.code)).toEqual([undefined, '60012', '4004']);
  if (afterSwap) {
    // The socket made after the page tried to swap the wrapper's construct trap.
    expect(kinds(await rowsMatching(panel, 'hostile-s5', 3))).toEqual([
      'open',
      'WS received',
      'close',
    ]);
  }

  // Nothing forged: not the OKX 60009 login failure, not the 4001 close, in no frame.
  for (const forged of ['forged', 'ws.okx.com', '60009']) await expectNoRowMatches(panel, forged);
  await typeFilter(panel, '');
}

/** Types `term` and waits for the panel to say that no row matches it, as a user reads it: a
 * row that matched would keep the message away (and typing only narrows the match). */
async function expectNoRowMatches(panel: PanelDocument, term: string) {
  await typeFilter(panel, term);
  await pollFor(async () => ((await panel.$('[data-testid="no-match"]')) ? true : undefined), {
    what: `the panel to say that no row matches ${term}`,
    timeoutMs: 10_000,
  });
  expect((await readRows(panel)).map(describeRow)).toEqual([]);
}

/** After document.open() and write(): the next real error still reaches the panel, and the
 * banner still says capture is active, truthfully. */
export async function expectCaptureAfterRewrite(panel: PanelDocument) {
  const s6 = await rowsMatching(panel, 'hostile-s6', 3);
  expect(s6.map((row) => row.code)).toEqual([undefined, '-2015', '4002']);
  await typeFilter(panel, '');
  expect((await readCaptureBanner(panel)).state).toBe('active');
}
