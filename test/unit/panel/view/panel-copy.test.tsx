// Copy for a ticket as a user does it: a finding as Markdown with the request it answers, an
// HTTP request as cURL, both redacted; and the signing pane's secret never in an export or copy.
import { act, fireEvent, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GATEWAY_ORDER, resetSeqs } from '../support/frames.ts';
import { API_KEY, feedOrderSession, INSUFFICIENT } from '../support/order-session.ts';
import { renderPanel } from '../support/render-panel.tsx';

let panel: ReturnType<typeof renderPanel> | undefined;
beforeEach(resetSeqs);
afterEach(() => panel?.cleanup());

const rows = () => screen.queryAllByTestId('row');

function start() {
  panel = renderPanel();
  return panel;
}

const feedSession = feedOrderSession;

describe('the signing pane', () => {
  it('never lets the secret or passphrase typed there into an export or a copy', async () => {
    const p = start();
    feedSession(p);
    fireEvent.click(screen.getByTestId('view-signing'));
    fireEvent.input(screen.getByTestId('sign-secret'), {
      target: { value: 'NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j' },
    });
    fireEvent.click(screen.getByTestId('view-traffic'));
    fireEvent.click(screen.getByTestId('export-credentials'));
    fireEvent.click(screen.getByTestId('export-har'));
    fireEvent.click(rows()[3] as HTMLElement);
    await act(async () => {
      fireEvent.click(screen.getByTestId('copy-curl'));
    });
    const leaked = [...p.services.files.map((file) => file.text), ...p.services.copied];
    expect(leaked).toHaveLength(2);
    for (const text of leaked) expect(text).not.toContain('NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP');
  });
});

describe('copy for a ticket', () => {
  it('copies a finding as Markdown, redacted, with the request it answers', async () => {
    const p = start();
    feedSession(p);
    fireEvent.click(rows()[1] as HTMLElement);
    await act(async () => {
      fireEvent.click(screen.getByTestId('copy-markdown'));
    });
    const [markdown] = p.services.copied;
    expect(markdown).toContain(`### Binance -2010: ${INSUFFICIENT?.messages.en}`);
    expect(markdown).toContain(
      '- **Server said:** Account has insufficient balance for requested action.',
    );
    expect(markdown).toContain('- **In reply to:** `order.place`, sent 23 ms earlier');
    expect(markdown).toContain('- **Fix:** ');
    expect(markdown).toContain('"code": -2010');
    expect(markdown).toContain('"apiKey": "[redacted]"');
    expect(markdown).not.toContain(API_KEY);
    expect(screen.getByTestId('copy-status').textContent).toBe('Copied as Markdown');
  });

  it('copies an HTTP request as cURL, redacted by default', async () => {
    const p = start();
    feedSession(p);
    fireEvent.click(rows()[3] as HTMLElement);
    await act(async () => {
      fireEvent.click(screen.getByTestId('copy-curl'));
    });
    expect(p.services.copied[0]).toBe(
      [
        `curl '${GATEWAY_ORDER}'`,
        '-X POST',
        "-H 'X-MBX-APIKEY: [redacted]'",
        "-H 'Content-Type: application/x-www-form-urlencoded'",
        "--data-raw 'symbol=BTCUSDT&timestamp=1&signature=[redacted]'",
      ].join(' \\\n  '),
    );
  });
});
