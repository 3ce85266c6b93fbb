// Recipe pre-selection from a captured request: the signature's header or parameter, then host.
import { describe, expect, it } from 'vitest';
import { detectSigningRecipe } from '../../../../src/core/index.ts';

describe('detectSigningRecipe', () => {
  it.each([
    [
      'an OK-ACCESS-SIGN header',
      { url: 'https://my.proxy/api/v5/x', headers: { 'ok-access-sign': 's' } },
      'okx',
    ],
    [
      'an OKX login frame',
      { url: 'wss://ws.okx.com:8443/ws/v5/private', body: '{"op":"login","args":[{"sign":"s"}]}' },
      'okx-ws-login',
    ],
    [
      'x-api-signature on /v3/',
      {
        url: 'https://api.woox.io/v3/trade/order',
        headers: [{ name: 'X-Api-Signature', value: 's' }],
      },
      'woo-v3',
    ],
    [
      'x-api-signature elsewhere',
      { url: 'https://api.woox.io/v1/order', headers: { 'x-api-signature': 's' } },
      'woo-v1',
    ],
    [
      'X-MBX-APIKEY on Binance',
      { url: 'https://api.binance.com/api/v3/order', headers: { 'X-MBX-APIKEY': 'k' } },
      'binance',
    ],
    [
      'X-MBX-APIKEY on the gateway host',
      { url: 'http://119.8.50.236:8088/api/v1/order', headers: { 'X-MBX-APIKEY': 'k' } },
      'gateway',
    ],
    [
      'a signature parameter on the gateway host',
      { url: 'http://119.8.50.236:8088/api/x?timestamp=1&signature=s' },
      'gateway',
    ],
    [
      'a signature parameter elsewhere',
      { url: 'https://api.example.test/api/x', body: 'a=1&signature=s' },
      'binance',
    ],
    [
      'an X-BAPI-SIGN header',
      { url: 'http://127.0.0.1:8088/v5/order/create', headers: { 'X-BAPI-SIGN': 's' } },
      'bybit',
    ],
    ['only a Bybit host', { url: 'https://api-testnet.bybit.com/v5/market/time' }, 'bybit'],
    ['only a Binance USDⓈ-M host', { url: 'https://fapi.binance.com/fapi/v1/time' }, 'binance'],
    ['only an OKX host', { url: 'https://www.okx.com/api/v5/public/time' }, 'okx'],
    ['only a WOO host', { url: 'https://api.woox.io/v3/public/info' }, 'woo-v3'],
  ] as const)('%s', (_name, request, recipe) => {
    expect(detectSigningRecipe(request)?.recipe).toBe(recipe);
  });

  it('says why, and follows the user host map', () => {
    expect(
      detectSigningRecipe({ url: 'https://www.okx.com/x', headers: { 'OK-ACCESS-SIGN': 's' } }),
    ).toEqual({
      recipe: 'okx',
      reason: 'the OK-ACCESS-SIGN header',
    });
    const hosts = { 'gw.internal.test': 'gateway' };
    expect(
      detectSigningRecipe({ url: 'https://gw.internal.test/a?signature=s' }, hosts)?.recipe,
    ).toBe('gateway');
  });

  it('guesses nothing for an unsigned request to an unknown host', () => {
    expect(detectSigningRecipe({ url: 'https://example.test/x' })).toBeUndefined();
  });
});
