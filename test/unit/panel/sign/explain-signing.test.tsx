import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { signRequest } from '../../../../src/core/index.ts';
import { forgetAll } from '../../../../src/panel/sign/secret-memory.ts';
import {
  GATEWAY_1021,
  GATEWAY_1022,
  GATEWAY_SECRET,
  gatewayOrder,
  har,
  unsortedGatewayOrder,
} from './support/captured.ts';
import { NOW, renderSigningPanel, textOf, typeInto } from './support/signing-panel.tsx';

let panel: ReturnType<typeof renderSigningPanel> | undefined;
afterEach(() => {
  panel?.cleanup();
  panel = undefined;
  forgetAll();
});

function start(options: Parameters<typeof renderSigningPanel>[0] = {}) {
  panel = renderSigningPanel(options);
  return panel;
}

function explain(rowIndex = 0): void {
  const button = screen.getAllByTestId('explain-signing')[rowIndex];
  if (!button) throw new Error('no Explain signing button');
  fireEvent.click(button);
}

describe('"Explain signing" on a captured error row', () => {
  it('names the planted mistake and shows where the strings to sign differ', async () => {
    const { session, flush } = start();
    session.ingestHar(await unsortedGatewayOrder(), GATEWAY_1022);
    flush();
    const row = screen.getByTestId('row');
    const button = within(row).getByTestId('explain-signing');
    expect(button.dataset.problem).toBe('signature');
    fireEvent.click(button);

    await waitFor(() => screen.getByTestId('signing-pane'));
    expect(textOf('sign-recipe-reason')).toBe('Picked gateway: the X-MBX-APIKEY header.');
    expect(textOf('sign-source-problem')).toBe('Gateway -1022: Invalid signature');
    expect(screen.getByTestId('sign-diagnosis').dataset.verdict).toBe('need-secret');
    // Filled from the request: timestamp and key in their own fields, the body as sent.
    expect((screen.getByTestId('sign-timestamp') as HTMLInputElement).value).toBe(String(NOW));
    expect((screen.getByTestId('sign-key') as HTMLInputElement).value).toBe('test-key');
    expect((screen.getByTestId('sign-body') as HTMLTextAreaElement).value).toBe(
      'symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=0.010&price=64000',
    );

    typeInto('sign-secret', GATEWAY_SECRET);
    await waitFor(() =>
      expect(screen.getByTestId('sign-diagnosis').dataset.verdict).toBe('mistake'),
    );
    const mistake = screen.getByTestId('sign-mistake');
    expect(mistake.dataset.mistakeId).toBe('params-unsorted');
    expect(mistake.textContent).toContain(
      'You signed the parameters in the order sent; the gateway sorts them by key first',
    );
    expect(screen.getByTestId('sign-diff').dataset.at).toBe('0');
    expect(textOf('sign-diff-expected-at')).toBe('p');
    expect(textOf('sign-diff-reproduced-at')).toBe('s');
    expect(textOf('sign-diff-expected')).toBe(
      `price=64000&quantity=0.010&side=BUY&symbol=BTCUSDT&timestamp=${NOW}&type=LIMIT`,
    );
  });

  it('says the signature matches, and the clock check explains a stale timestamp', async () => {
    const { session, flush, exchange } = start();
    const order = await gatewayOrder(-10_000);
    session.ingestHar(order.entry(400), GATEWAY_1021);
    flush();
    explain();
    await waitFor(() => screen.getByTestId('signing-pane'));
    // The clock is asked at the request's own origin.
    await waitFor(() => expect(screen.getByTestId('sign-clock-reading').dataset.state).toBe('ok'));
    expect(exchange.fetched).toEqual(['http://119.8.50.236:8088/api/gateway/time']);
    expect(textOf('sign-clock-reading')).toBe(
      'This machine is in step with the exchange (GET /api/gateway/time, round trip 0 ms).',
    );
    const verdict = screen.getByTestId('sign-clock-verdict');
    expect(verdict.dataset.verdict).toBe('rejected');
    expect(verdict.textContent).toContain(
      'timestamp 10 s behind the server; the gateway accepts ±5000 ms: rejected. Sync the clock (NTP).',
    );

    typeInto('sign-secret', GATEWAY_SECRET);
    await waitFor(() => expect(screen.getByTestId('sign-diagnosis').dataset.verdict).toBe('match'));
    expect(textOf('sign-diagnosis')).toContain('The signature matches');
    expect(textOf('sign-sent-signature')).toBe(order.signature);
  });

  it('judges Binance timestamps with the recvWindow and says why it picked binance', async () => {
    // The exchange's clock runs 6.2 s ahead of the request's.
    const { session, flush } = start({ skewMs: 6_200 });
    const signed = await signRequest('binance', {
      method: 'GET',
      path: '/api/v3/account',
      timestamp: NOW,
      key: 'k',
      secret: 's',
    });
    session.ingestHar(
      har({
        url: `http://127.0.0.1:9000/api/v3/account?${signed.params?.query}`,
        method: 'GET',
        headers: signed.headers,
        status: 400,
      }),
      GATEWAY_1021,
    );
    flush();
    explain();
    await waitFor(() =>
      expect(screen.getByTestId('sign-clock-verdict').dataset.verdict).toBe('rejected'),
    );
    // Binance's words on a host nobody knows: the error is Binance's, and so is the recipe.
    expect(textOf('sign-recipe-reason')).toBe('Picked binance: the X-MBX-APIKEY header.');
    expect(textOf('sign-clock-verdict')).toContain(
      'timestamp 6.2 s behind the server; recvWindow 5000 ms: rejected. Sync the clock (NTP) or raise recvWindow (at most 60000).',
    );
    expect(textOf('sign-clock-reading')).toContain('This machine is 6.2 s behind the exchange');
  });

  it('picks the gateway for a host the user mapped to it', async () => {
    const { session, flush } = start({ hosts: { '127.0.0.1': 'gateway' } });
    session.ingestHar(
      har({
        url: 'http://127.0.0.1:9000/fapi/v1/order?timestamp=1&signature=ab',
        method: 'POST',
        headers: { 'X-MBX-APIKEY': 'k' },
        status: 400,
      }),
      GATEWAY_1022,
    );
    flush();
    explain();
    await waitFor(() => screen.getByTestId('signing-pane'));
    expect(screen.getByTestId('sign-recipe')).toHaveProperty('value', 'gateway');
    expect(textOf('sign-recipe-reason')).toBe('Picked gateway: the X-MBX-APIKEY header.');
  });

  it('says so when the exchange cannot be asked for its time', async () => {
    const { session, flush, exchange } = start();
    exchange.failWith = 'Failed to fetch';
    session.ingestHar(
      (await gatewayOrder(-10_000)).entry(400, { date: new Date(NOW).toUTCString() }),
      GATEWAY_1021,
    );
    flush();
    explain();
    await waitFor(() =>
      expect(screen.getByTestId('sign-clock-reading').dataset.state).toBe('failed'),
    );
    expect(textOf('sign-clock-reading')).toBe(
      "Could not read the exchange's clock from http://119.8.50.236:8088/api/gateway/time: the request failed (Failed to fetch).",
    );
    // The reply's Date header still tells the time, to the second.
    expect(textOf('sign-clock-verdict')).toContain('behind the server');
    expect(textOf('sign-clock-verdict-basis')).toBe("(Read against the reply's Date header.)");
  });

  it('points at the secret when no usual mistake reproduces the signature', async () => {
    const { session, flush } = start();
    session.ingestHar((await gatewayOrder()).entry(400), GATEWAY_1022);
    flush();
    explain();
    await waitFor(() => screen.getByTestId('signing-pane'));
    typeInto('sign-secret', 'another-secret');
    await waitFor(() =>
      expect(screen.getByTestId('sign-diagnosis').dataset.verdict).toBe('unexplained'),
    );
    expect(textOf('sign-diagnosis')).toContain('Wrong secret?');
  });

  it('finds the OKX login frame a login failure answers', async () => {
    const { session, flush } = start();
    const login = JSON.stringify({
      op: 'login',
      args: [
        { apiKey: 'okx-key', passphrase: 'pass', timestamp: String(NOW / 1000), sign: 'AAAA' },
      ],
    });
    const url = 'wss://ws.okx.com:8443/ws/v5/private';
    const frame = { socket: 3, url, frameId: 0 } as const;
    session.ingestFrames({
      v: 1,
      type: 'frames',
      frameId: 0,
      doc: 'doc-1',
      replay: false,
      dropped: 0,
      frames: [
        { seq: 1, time: NOW, kind: 'send', text: login, ...frame },
        {
          seq: 2,
          time: NOW + 5,
          kind: 'receive',
          text: '{"event":"error","code":"60009","msg":"Login failed."}',
          ...frame,
        },
      ],
    });
    flush();
    explain();
    await waitFor(() => screen.getByTestId('signing-pane'));
    expect(textOf('sign-recipe-reason')).toBe('Picked okx-ws-login: an OKX login frame.');
    expect((screen.getByTestId('sign-origin') as HTMLInputElement).value).toBe(
      'https://www.okx.com',
    );
    expect((screen.getByTestId('sign-key') as HTMLInputElement).value).toBe('okx-key');
    typeInto('sign-secret', 'okx-secret');
    await waitFor(() =>
      expect(screen.getByTestId('sign-diagnosis').dataset.verdict).toBe('unexplained'),
    );
  });

  it('opens from the details of any row that kept its request', async () => {
    const { session, flush } = start();
    session.ingestHar((await gatewayOrder()).entry(200), '{"code":0,"msg":"success","data":{}}');
    flush();
    const row = screen.getByTestId('row');
    expect(within(row).queryByTestId('explain-signing')).toBeNull();
    fireEvent.click(row);
    const open = screen.getByTestId('details-sign');
    expect(open.textContent).toBe('Open in the signing pane');
    fireEvent.click(open);
    await waitFor(() => screen.getByTestId('signing-pane'));
    typeInto('sign-secret', GATEWAY_SECRET);
    await waitFor(() => expect(screen.getByTestId('sign-diagnosis').dataset.verdict).toBe('match'));
  });
});
