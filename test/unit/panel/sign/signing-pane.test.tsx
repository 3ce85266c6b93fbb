import { act, fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { signRequest } from '../../../../src/core/index.ts';
import { forgetAll } from '../../../../src/panel/sign/secret-memory.ts';
import { GATEWAY_1021, GATEWAY_SECRET, gatewayOrder } from './support/captured.ts';
import {
  NOW,
  openSigningTab,
  renderSigningPanel,
  settled,
  textOf,
  typeInto,
} from './support/signing-panel.tsx';

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

describe('the pane as a signer', () => {
  it('recomputes the string to sign when the recipe changes', async () => {
    start();
    openSigningTab();
    typeInto('sign-query', 'symbol=BTCUSDT&side=BUY');
    typeInto('sign-timestamp', '1700000000000');
    await waitFor(() =>
      expect(textOf('sign-prehash')).toBe('side=BUY&symbol=BTCUSDT&timestamp=1700000000000'),
    );
    fireEvent.change(screen.getByTestId('sign-recipe'), { target: { value: 'binance' } });
    await waitFor(() =>
      expect(textOf('sign-prehash')).toBe('symbol=BTCUSDT&side=BUY&timestamp=1700000000000'),
    );
    expect(textOf('sign-recipe-reason')).toBe('You picked binance.');

    // OKX: the same instant in its format, and the method and path signed.
    fireEvent.change(screen.getByTestId('sign-recipe'), { target: { value: 'okx' } });
    typeInto('sign-path', '/api/v5/account/balance');
    expect((screen.getByTestId('sign-timestamp') as HTMLInputElement).value).toBe(
      '2023-11-14T22:13:20.000Z',
    );
    await waitFor(() =>
      expect(textOf('sign-prehash')).toBe(
        '2023-11-14T22:13:20.000ZGET/api/v5/account/balance?symbol=BTCUSDT&side=BUY',
      ),
    );
  });

  it('updates the signature and what to send as the user types', async () => {
    start();
    openSigningTab();
    typeInto('sign-method', 'POST');
    typeInto('sign-path', '/fapi/v1/order');
    typeInto('sign-body', 'symbol=BTCUSDT&side=BUY');
    typeInto('sign-timestamp', String(NOW));
    typeInto('sign-key', 'my-key');
    expect((await settled('sign-signature', 'no-secret')).textContent).toBe(
      'Enter the secret to sign.',
    );

    typeInto('sign-secret', GATEWAY_SECRET);
    const want = await signRequest('gateway', {
      method: 'POST',
      path: '/fapi/v1/order',
      body: 'symbol=BTCUSDT&side=BUY',
      timestamp: String(NOW),
      key: 'my-key',
      secret: GATEWAY_SECRET,
    });
    await waitFor(() => expect(textOf('sign-signature')).toBe(want.signature));
    expect((await settled('sign-signature')).dataset.encoding).toBe('hex');
    expect(textOf('sign-send-query')).toBe(`timestamp=${NOW}`);
    expect(textOf('sign-send-body')).toBe(`symbol=BTCUSDT&side=BUY&signature=${want.signature}`);
    const header = screen.getByTestId('sign-header');
    expect(header.dataset.name).toBe('X-MBX-APIKEY');
    expect(header.textContent).toBe('X-MBX-APIKEY: my-key');

    typeInto('sign-body', 'symbol=BTCUSDT&side=SELL');
    await waitFor(() => expect(textOf('sign-signature')).not.toBe(want.signature));
    const sell = await signRequest('gateway', {
      method: 'POST',
      path: '/fapi/v1/order',
      body: 'symbol=BTCUSDT&side=SELL',
      timestamp: String(NOW),
      secret: GATEWAY_SECRET,
    });
    await waitFor(() => expect(textOf('sign-signature')).toBe(sell.signature));
  });

  it('shows invisible characters in the string to sign', async () => {
    start();
    openSigningTab();
    fireEvent.change(screen.getByTestId('sign-recipe'), { target: { value: 'woo-v3' } });
    typeInto('sign-method', 'POST');
    typeInto('sign-path', '/v3/trade/order');
    typeInto('sign-body', '{"a":1}\n');
    typeInto('sign-timestamp', '1700000000000');
    await waitFor(() =>
      expect(textOf('sign-prehash')).toBe('1700000000000POST/v3/trade/order{"a":1}↵\n'),
    );
    expect(screen.getByTitle('U+000A line feed').textContent).toBe('↵');
  });

  it('writes "now" in the recipe\'s format', () => {
    start();
    openSigningTab();
    fireEvent.change(screen.getByTestId('sign-recipe'), { target: { value: 'okx-ws-login' } });
    typeInto('sign-timestamp', '');
    fireEvent.click(screen.getByTestId('sign-now'));
    expect((screen.getByTestId('sign-timestamp') as HTMLInputElement).value).toBe(
      String(Math.floor(NOW / 1000)),
    );
    // The login signs a fixed GET path: the request fields are not shown.
    expect(screen.queryByTestId('sign-path')).toBeNull();
    expect(screen.getByTestId('sign-passphrase')).toBeDefined();
  });

  it('says why it cannot sign', async () => {
    start();
    openSigningTab();
    typeInto('sign-query', 'a=1&timestamp=5');
    typeInto('sign-timestamp', '6');
    await waitFor(() =>
      expect(textOf('sign-error')).toBe(
        'Cannot sign this: the timestamp is given twice: 5 in the request and 6 apart from it',
      ),
    );
  });
});

describe('the secret', () => {
  it('is masked, with a show toggle, and never written into the DOM', async () => {
    const { container } = start();
    openSigningTab();
    const secret = screen.getByTestId('sign-secret') as HTMLInputElement;
    expect(secret.type).toBe('password');
    typeInto('sign-secret', 'super-secret-value');
    fireEvent.click(screen.getByTestId('sign-secret-show'));
    expect(secret.type).toBe('text');
    fireEvent.click(screen.getByTestId('sign-secret-show'));
    expect(secret.type).toBe('password');
    await settled('sign-signature');
    expect(container.innerHTML).not.toContain('super-secret-value');
  });

  it('masks the OKX passphrase in the headers to send', async () => {
    start();
    openSigningTab();
    fireEvent.change(screen.getByTestId('sign-recipe'), { target: { value: 'okx' } });
    typeInto('sign-secret', 's');
    typeInto('sign-passphrase', 'my-passphrase');
    expect((screen.getByTestId('sign-passphrase') as HTMLInputElement).type).toBe('password');
    await settled('sign-signature');
    const passphrase = screen
      .getAllByTestId('sign-header')
      .find((header) => header.dataset.name === 'OK-ACCESS-PASSPHRASE');
    const value = () => passphrase?.querySelector('[data-testid="sign-header-value"]')?.textContent;
    expect(value()).toBe('••••••••');
    expect(document.body.innerHTML).not.toContain('my-passphrase');
    fireEvent.click(screen.getByTestId('sign-secret-show'));
    await waitFor(() => expect(value()).toBe('my-passphrase'));
    // Shown means shown as text: never copied into an attribute.
    const attributes = [...document.querySelectorAll('*')].flatMap((element) =>
      [...element.attributes].map((attribute) => attribute.value),
    );
    expect(attributes.filter((text) => text.includes('my-passphrase'))).toEqual([]);
  });

  it('keeps the passphrase masked in a result still shown after switching recipes', async () => {
    start();
    openSigningTab();
    fireEvent.change(screen.getByTestId('sign-recipe'), { target: { value: 'okx-ws-login' } });
    typeInto('sign-secret', 's');
    typeInto('sign-passphrase', 'my-passphrase');
    await waitFor(() => expect(textOf('sign-login')).toContain('"passphrase":"••••••••"'));
    fireEvent.click(screen.getByTestId('sign-secret-show'));
    await waitFor(() => expect(textOf('sign-login')).toContain('"passphrase":"my-passphrase"'));
    fireEvent.click(screen.getByTestId('sign-secret-show'));
    // Another exchange: its credentials are empty, the OKX result waits for the next one.
    fireEvent.change(screen.getByTestId('sign-recipe'), { target: { value: 'okx' } });
    fireEvent.change(screen.getByTestId('sign-recipe'), { target: { value: 'woo-v1' } });
    expect(document.body.innerHTML).not.toContain('my-passphrase');
    await settled('sign-signature', 'no-secret');
    expect(document.body.innerHTML).not.toContain('my-passphrase');
  });

  it('is forgotten when the user leaves the Signing view, unless remembered', () => {
    start();
    openSigningTab();
    typeInto('sign-secret', 'first-secret');
    fireEvent.click(screen.getByTestId('view-traffic'));
    expect(screen.queryByTestId('sign-secret')).toBeNull();
    openSigningTab();
    expect((screen.getByTestId('sign-secret') as HTMLInputElement).value).toBe('');

    typeInto('sign-secret', 'kept-secret');
    fireEvent.click(screen.getByTestId('sign-remember'));
    fireEvent.click(screen.getByTestId('view-traffic'));
    openSigningTab();
    expect((screen.getByTestId('sign-secret') as HTMLInputElement).value).toBe('kept-secret');
    expect((screen.getByTestId('sign-remember') as HTMLInputElement).checked).toBe(true);

    // Another exchange's recipe has its own secret.
    fireEvent.change(screen.getByTestId('sign-recipe'), { target: { value: 'woo-v1' } });
    expect((screen.getByTestId('sign-secret') as HTMLInputElement).value).toBe('');
    fireEvent.change(screen.getByTestId('sign-recipe'), { target: { value: 'binance' } });
    expect((screen.getByTestId('sign-secret') as HTMLInputElement).value).toBe('kept-secret');

    // Unticking forgets it.
    fireEvent.click(screen.getByTestId('sign-remember'));
    fireEvent.click(screen.getByTestId('view-traffic'));
    openSigningTab();
    expect((screen.getByTestId('sign-secret') as HTMLInputElement).value).toBe('');
  });

  it('is cleared when the panel page goes away', () => {
    start();
    openSigningTab();
    typeInto('sign-secret', 'kept-secret');
    fireEvent.click(screen.getByTestId('sign-remember'));
    act(() => {
      dispatchEvent(new Event('pagehide'));
    });
    expect((screen.getByTestId('sign-secret') as HTMLInputElement).value).toBe('');
  });

  it('is sent nowhere: the pane only asks the time, without it', async () => {
    const { session, flush, exchange } = start();
    session.ingestHar((await gatewayOrder(-10_000)).entry(400), GATEWAY_1021);
    flush();
    explain();
    await waitFor(() => screen.getByTestId('signing-pane'));
    typeInto('sign-secret', GATEWAY_SECRET);
    fireEvent.click(screen.getByTestId('sign-clock-check'));
    await waitFor(() => expect(screen.getByTestId('sign-diagnosis').dataset.verdict).toBe('match'));
    expect(exchange.fetched.length).toBeGreaterThan(0);
    expect(exchange.fetched.join(' ')).not.toContain(GATEWAY_SECRET);
  });
});
