// The signing pane starts from the exchange the error was attributed to, tries every recipe
// that fits the captured request, and says which reproduces the signature sent: a request
// signed Binance's way and rejected by the gateway is explained against the gateway's recipe.
import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { signRequest } from '../../../../src/core/index.ts';
import { forgetAll } from '../../../../src/panel/sign/secret-memory.ts';
import { GATEWAY_SECRET, har, unsortedGatewayOrder } from './support/captured.ts';
import { NOW, renderSigningPanel, textOf, typeInto } from './support/signing-panel.tsx';

let panel: ReturnType<typeof renderSigningPanel> | undefined;
afterEach(() => {
  panel?.cleanup();
  panel = undefined;
  forgetAll();
});

/** The mock console's "parameters signed unsorted" button: on 127.0.0.1, the gateway's words. */
const LOCAL_ORDER = 'http://127.0.0.1:8088/fapi/v1/order';
const GATEWAY_WORDS_1022 = '{"code":-1022,"msg":"Invalid signature"}';

function tried() {
  return screen
    .getAllByTestId('sign-recipe-tried')
    .map((item) => [item.dataset.recipe, item.dataset.reproduces]);
}

async function explainFirstRow() {
  const row = screen.getByTestId('row');
  fireEvent.click(within(row).getByTestId('explain-signing'));
  await waitFor(() => screen.getByTestId('signing-pane'));
}

describe('the signing pane follows the finding', () => {
  it('explains the unsorted demo row against the gateway, without touching the recipe', async () => {
    panel = renderSigningPanel();
    panel.session.ingestHar(await unsortedGatewayOrder(LOCAL_ORDER), GATEWAY_WORDS_1022);
    panel.flush();
    expect(screen.getByTestId('annotation').textContent).toContain('Gateway -1022');
    await explainFirstRow();

    expect(screen.getByTestId('sign-recipe')).toHaveProperty('value', 'gateway');
    expect(textOf('sign-recipe-reason')).toBe(
      "Picked gateway: the error is Gateway's (-1022); the request is signed its way (the X-MBX-APIKEY header).",
    );
    typeInto('sign-secret', GATEWAY_SECRET);
    await waitFor(() =>
      expect(screen.getByTestId('sign-diagnosis').dataset.verdict).toBe('mistake'),
    );
    expect(screen.getByTestId('sign-mistake').dataset.mistakeId).toBe('params-unsorted');
    await waitFor(() => screen.getByTestId('sign-recipes-tried'));
    expect(tried()).toEqual([
      ['gateway', 'false'],
      ['binance', 'true'],
    ]);
    expect(textOf('sign-recipes-tried')).toContain(
      "Tried every recipe that fits this request: gateway (the exchange's) does not; binance reproduces the signature sent.",
    );
    expect(textOf('sign-recipes-summary')).toBe(
      'It was signed as Binance signs (binance reproduces it), not as the gateway checks it: the difference is named above.',
    );
  });

  it("names the difference against the exchange's recipe when another one is picked", async () => {
    panel = renderSigningPanel();
    panel.session.ingestHar(await unsortedGatewayOrder(LOCAL_ORDER), GATEWAY_WORDS_1022);
    panel.flush();
    await explainFirstRow();
    fireEvent.change(screen.getByTestId('sign-recipe'), { target: { value: 'binance' } });
    typeInto('sign-secret', GATEWAY_SECRET);
    await waitFor(() =>
      expect(screen.getByTestId('sign-diagnosis').dataset.verdict).toBe('match-other-recipe'),
    );
    expect(textOf('sign-diagnosis')).toContain("The signature matches Binance's recipe");
    await waitFor(() => screen.getByTestId('sign-against-exchange'));
    expect(textOf('sign-against-exchange')).toBe(
      'Against gateway: params-unsorted: You signed the parameters in the order sent; the gateway sorts them by key first.',
    );
  });

  it('picks bybit for a Bybit error and finds its own recipe reproduces a right signature', async () => {
    panel = renderSigningPanel();
    const signed = await signRequest('bybit', {
      method: 'GET',
      path: '/v5/account/wallet-balance',
      query: 'accountType=UNIFIED',
      timestamp: NOW,
      key: 'bybit-key',
      recvWindow: 5000,
      secret: 'bybit-secret',
    });
    panel.session.ingestHar(
      har({
        url: 'https://api.bybit.com/v5/account/wallet-balance?accountType=UNIFIED',
        method: 'GET',
        headers: signed.headers,
        status: 200,
      }),
      JSON.stringify({
        retCode: 10004,
        retMsg: 'Error sign, please check your signature generation algorithm.',
        result: {},
        retExtInfo: {},
        time: NOW,
      }),
    );
    panel.flush();
    await explainFirstRow();
    expect(screen.getByTestId('sign-recipe')).toHaveProperty('value', 'bybit');
    expect((screen.getByTestId('sign-recv-window') as HTMLInputElement).value).toBe('5000');
    typeInto('sign-secret', 'bybit-secret');
    await waitFor(() => expect(screen.getByTestId('sign-diagnosis').dataset.verdict).toBe('match'));
    await waitFor(() => screen.getByTestId('sign-recipes-tried'));
    expect(tried()).toEqual([['bybit', 'true']]);
    expect(textOf('sign-recipes-summary')).toBe(
      "Bybit's own recipe reproduces it: the signature is right; the problem is elsewhere.",
    );
  });
});
