// Copy for a ticket as a user does it: a finding as Markdown with the request it answers, an
// HTTP request as cURL, both redacted; and the signing pane's secret never in an export or copy.
import { act, fireEvent, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OKX_LOGIN, OKX_LOGIN_ECHO, OKX_LOGIN_SECRETS } from '../../../support/okx-login-echo.ts';
import { frame, GATEWAY_ORDER, OKX_PRIVATE, resetSeqs, tabFrames } from '../support/frames.ts';
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

describe('copy for a ticket, redacted', () => {
  async function copyMarkdownOf(p: ReturnType<typeof renderPanel>, row: number): Promise<string> {
    fireEvent.click(rows()[row] as HTMLElement);
    await act(async () => {
      fireEvent.click(screen.getByTestId('copy-markdown'));
    });
    return p.services.copied.at(-1) ?? '';
  }

  it('takes the login OKX echoes in a 60012 out of what the server said and the payload', async () => {
    const p = start();
    // The page's third socket is the first the panel lists: it is #1 in the list.
    p.session.ingestFrames(
      tabFrames([
        frame({ kind: 'receive', url: OKX_PRIVATE, socket: 3, text: OKX_LOGIN_ECHO }),
        frame({
          kind: 'close',
          url: OKX_PRIVATE,
          socket: 3,
          code: 4001,
          reason: `Login failed: {"passphrase":"${OKX_LOGIN_SECRETS[1]}"}`,
          wasClean: true,
        }),
      ]),
    );
    p.flush();
    const echo = await copyMarkdownOf(p, 0);
    expect(echo).toContain('### OKX 60012: Invalid request');
    expect(echo).toContain(
      '- **Server said:** Invalid request: {"op": "login", "args":[{ "apiKey" : "[redacted]", "passphrase" : "[redacted]", "timestamp" : "1538054050", "sign" : "[redacted]"}]}',
    );
    expect(echo).toContain('`wss://ws.okx.com:8443/ws/v5/private` socket #1,');
    expect(echo).toContain('**Payload** (credentials redacted):');
    const close = await copyMarkdownOf(p, 1);
    expect(close).toContain('close frame 4001 "Login failed: {"passphrase":"[redacted]"}"');
    for (const text of [echo, close]) {
      for (const secret of OKX_LOGIN_SECRETS) expect(text).not.toContain(secret);
    }
  });

  it('redacts a long payload before cutting it, so no part of a signature is left', async () => {
    const p = start();
    const { sign } = OKX_LOGIN;
    // OKX echoes a login it could not read, padded by the page; the frame is JSON-quoted once
    // more in the payload, so the cut is placed by the frame's own text.
    const request = (pad: string) =>
      `{"op":"login","args":[{"apiKey":"${OKX_LOGIN.apiKey}","note":"${pad}","sign":"${sign}","more":"${'more words '.repeat(100)}"}]}`;
    const echo = (pad: string) =>
      JSON.stringify({ event: 'error', code: '60012', msg: `Invalid request: ${request(pad)}` });
    const signAt = echo('').indexOf(sign);
    // The 16 K cut falls 12 characters into the signature.
    const pad = 'a long note '.repeat(2000).slice(0, 16 * 1024 - signAt - 12);
    const frameText = echo(pad);
    expect(frameText.indexOf(sign)).toBe(16 * 1024 - 12);
    p.session.ingestFrames(
      tabFrames([frame({ kind: 'receive', url: OKX_PRIVATE, text: frameText })]),
    );
    p.flush();
    const markdown = await copyMarkdownOf(p, 0);
    expect(markdown).toContain('\\"sign\\":\\"[redacted]\\"');
    expect(markdown).not.toContain(sign.slice(0, 6));
    expect(markdown).toContain('_(first 16,384 characters)_');
  });
});
