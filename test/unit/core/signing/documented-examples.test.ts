// Each recipe against the exchange's own worked example where its docs give one, and against
// node:crypto (an HMAC we did not write) where the docs give inputs but no signature.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { signRequest } from '../../../../src/core/index.ts';

function nodeHmac(secret: string, message: string, encoding: 'hex' | 'base64'): string {
  return createHmac('sha256', secret).update(message).digest(encoding);
}

// github.com/binance/binance-spot-api-docs rest-api.md, "SIGNED Endpoint Examples for POST
// /api/v3/order" (examples 1-3), and developers.binance.com/docs/binance-spot-api-docs/rest-api/
// request-security (the non-ASCII example).
describe('binance: the Binance spot API docs examples', () => {
  const apiKey = 'vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A';
  const secret = 'NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j';
  const all =
    'symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559';

  it('example 2, as a query string: c8db5682...', async () => {
    const result = await signRequest('binance', {
      method: 'POST',
      path: '/api/v3/order',
      query: all,
      key: apiKey,
      secret,
    });
    expect(result.prehash).toBe(all);
    expect(result.signature).toBe(
      'c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71',
    );
    expect(result.encoding).toBe('hex');
    expect(result.headers).toEqual({ 'X-MBX-APIKEY': apiKey });
    expect(result.params).toEqual({ query: `${all}&signature=${result.signature}`, body: '' });
  });

  it('example 1, as a request body: the same signature, sent in the body', async () => {
    const result = await signRequest('binance', { body: all, key: apiKey, secret });
    expect(result.prehash).toBe(all);
    expect(result.signature).toBe(
      'c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71',
    );
    expect(result.params).toEqual({ query: '', body: `${all}&signature=${result.signature}` });
  });

  it('example 3, mixed query and body: no "&" between them, 0fd168b8...', async () => {
    const result = await signRequest('binance', {
      query: 'symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC',
      body: 'quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559',
      key: apiKey,
      secret,
    });
    expect(result.prehash).toBe(
      'symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTCquantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559',
    );
    expect(result.signature).toBe(
      '0fd168b8ddb4876a0358a8d14d0c9f3da0e9b20c5d52b2a00fcf7d1c602f9a77',
    );
    expect(result.params?.query).toBe('symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC');
    expect(result.params?.body).toBe(
      `quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559&signature=${result.signature}`,
    );
  });

  it('the non-ASCII example, percent-encoded as sent: e1353ec6...', async () => {
    const query =
      'symbol=%EF%BC%91%EF%BC%92%EF%BC%93%EF%BC%94%EF%BC%95%EF%BC%96&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559';
    const result = await signRequest('binance', { query, secret });
    expect(result.prehash).toBe(query);
    expect(result.signature).toBe(
      'e1353ec6b14d888f1164ae9af8228a3dbd508bc82eb867db8ab6046442f33ef3',
    );
  });
});

// docs.woox.io "Authentication" (v1 example with its signature) and developer.woox.io
// /api-reference/guide (v3 prehashes, no signature printed).
describe('woo: the WOO X docs examples', () => {
  const secret = 'QHKRXHPAW1MC9YGZMAT8YDJG2HPR';
  const timestamp = '1578565539808';

  it('v1: sorted body parameters | timestamp gives 20da0852...', async () => {
    const result = await signRequest('woo-v1', {
      method: 'POST',
      path: '/v1/order',
      body: 'symbol=SPOT_BTC_USDT&order_type=LIMIT&order_price=9000&order_quantity=0.11&side=BUY',
      timestamp,
      key: 'AbmyVJGUpN064ks5ELjLfA==',
      secret,
    });
    expect(result.prehash).toBe(
      'order_price=9000&order_quantity=0.11&order_type=LIMIT&side=BUY&symbol=SPOT_BTC_USDT|1578565539808',
    );
    expect(result.signature).toBe(
      '20da0852f73b20da0208c7e627975a59ff072379883d8457d03104651032033d',
    );
    expect(result.headers).toEqual({
      'x-api-key': 'AbmyVJGUpN064ks5ELjLfA==',
      'x-api-signature': result.signature,
      'x-api-timestamp': timestamp,
    });
  });

  it('v1: the same order as a JSON body signs the same', async () => {
    const result = await signRequest('woo-v1', {
      body: '{"symbol":"SPOT_BTC_USDT","order_type":"LIMIT","order_price":9000,"order_quantity":0.11,"side":"BUY"}',
      timestamp,
      secret,
    });
    expect(result.signature).toBe(
      '20da0852f73b20da0208c7e627975a59ff072379883d8457d03104651032033d',
    );
  });

  it('v3: GET /v3/algo/orders?algoType=STOP gives the documented prehash', async () => {
    const result = await signRequest('woo-v3', {
      method: 'GET',
      path: '/v3/algo/orders',
      query: 'algoType=STOP',
      timestamp,
      secret,
    });
    expect(result.prehash).toBe('1578565539808GET/v3/algo/orders?algoType=STOP');
    expect(result.signature).toBe(nodeHmac(secret, result.prehash, 'hex'));
  });

  it('v3: the documented POST body is signed exactly as written', async () => {
    const body =
      '{"symbol": "PERP_BTC_USDT", "side": "BUY", "reduceOnly": false, "type": "MARKET", "quantity": "1", "algoType": "TRAILING_STOP", "callbackRate": "100"}';
    const result = await signRequest('woo-v3', { path: '/v3/algo/order', body, timestamp, secret });
    expect(result.prehash).toBe(`1578565539808POST/v3/algo/order${body}`);
    expect(result.signature).toBe(nodeHmac(secret, result.prehash, 'hex'));
  });
});

// okx.com/docs-v5 "REST Authentication": the example inputs (timestamp, path, body, SecretKey)
// are documented, the resulting signature is not, so node:crypto is the oracle.
describe('okx: the OKX docs inputs', () => {
  const secret = '22582BD0CFF14C41EDBF1AB98506286D';
  const timestamp = '2020-12-08T09:08:57.715Z';

  it('GET /api/v5/account/balance?ccy=BTC', async () => {
    const result = await signRequest('okx', {
      path: '/api/v5/account/balance',
      query: 'ccy=BTC',
      timestamp,
      key: 'my-key',
      passphrase: 'my-passphrase',
      secret,
    });
    expect(result.prehash).toBe('2020-12-08T09:08:57.715ZGET/api/v5/account/balance?ccy=BTC');
    expect(result.signature).toBe(nodeHmac(secret, result.prehash, 'base64'));
    expect(result.encoding).toBe('base64');
    expect(result.headers).toEqual({
      'OK-ACCESS-KEY': 'my-key',
      'OK-ACCESS-SIGN': result.signature,
      'OK-ACCESS-TIMESTAMP': timestamp,
      'OK-ACCESS-PASSPHRASE': 'my-passphrase',
    });
    expect(result.warnings).toEqual([]);
  });

  it('POST with the documented body', async () => {
    const body = '{"instId":"BTC-USDT","lever":"5","mgnMode":"isolated"}';
    const result = await signRequest('okx', {
      path: '/api/v5/account/set-leverage',
      body,
      timestamp,
      passphrase: 'p',
      secret,
    });
    expect(result.prehash).toBe(`${timestamp}POST/api/v5/account/set-leverage${body}`);
    expect(result.signature).toBe(nodeHmac(secret, result.prehash, 'base64'));
  });

  it('okx-ws-login: Unix seconds + GET + /users/self/verify, and the login args', async () => {
    const result = await signRequest('okx-ws-login', {
      timestamp: '1538054050',
      key: '985d5b66-57ce-40fb-b714-afc0b9787083',
      passphrase: '123456',
      secret,
    });
    expect(result.prehash).toBe('1538054050GET/users/self/verify');
    expect(result.signature).toBe(nodeHmac(secret, result.prehash, 'base64'));
    expect(result.headers).toEqual({});
    expect(result.login).toEqual({
      op: 'login',
      args: [
        {
          apiKey: '985d5b66-57ce-40fb-b714-afc0b9787083',
          passphrase: '123456',
          timestamp: '1538054050',
          sign: result.signature,
        },
      ],
    });
  });
});

// bybit-exchange.github.io/docs/v5/guide "Create A Request": the documented plain text of a
// GET and of a POST (the key masked as XXXXXXXXXX); no signature is given, so node:crypto is
// the oracle.
describe('bybit: the Bybit v5 guide examples', () => {
  const secret = 'my-bybit-secret';

  it('GET: timestamp + api_key + recv_window + queryString', async () => {
    const result = await signRequest('bybit', {
      method: 'GET',
      path: '/v5/order/realtime',
      query: 'category=option&symbol=BTC-29JUL22-25000-C',
      timestamp: '1658384314791',
      key: 'XXXXXXXXXX',
      recvWindow: 5000,
      secret,
    });
    expect(result.prehash).toBe(
      '1658384314791XXXXXXXXXX5000category=option&symbol=BTC-29JUL22-25000-C',
    );
    expect(result.signature).toBe(nodeHmac(secret, result.prehash, 'hex'));
    expect(result.encoding).toBe('hex');
    expect(result.headers).toEqual({
      'X-BAPI-API-KEY': 'XXXXXXXXXX',
      'X-BAPI-SIGN': result.signature,
      'X-BAPI-TIMESTAMP': '1658384314791',
      'X-BAPI-RECV-WINDOW': '5000',
    });
    expect(result.warnings).toEqual([]);
  });

  it('POST: timestamp + api_key + recv_window + raw_request_body, the body exactly as sent', async () => {
    const body = '{\n"category": "option"\n}';
    const result = await signRequest('bybit', {
      method: 'POST',
      path: '/v5/order/create',
      body,
      timestamp: '1658385579423',
      key: 'XXXXXXXXXX',
      recvWindow: 5000,
      secret,
    });
    expect(result.prehash).toBe(`1658385579423XXXXXXXXXX5000${body}`);
    expect(result.signature).toBe(nodeHmac(secret, result.prehash, 'hex'));
  });

  it('leaves recv_window out of the string and the headers when it is not sent', async () => {
    const result = await signRequest('bybit', {
      path: '/v5/account/wallet-balance',
      query: 'accountType=UNIFIED',
      timestamp: '1658384314791',
      key: 'k',
      secret,
    });
    expect(result.prehash).toBe('1658384314791kaccountType=UNIFIED');
    expect(Object.keys(result.headers)).toEqual([
      'X-BAPI-API-KEY',
      'X-BAPI-SIGN',
      'X-BAPI-TIMESTAMP',
    ]);
  });
});

// catalogue/seeds/000_d3de87d9020803db.txt "Fixing Signature Errors": sorted parameters,
// values URL-encoded, HMAC-SHA256; no worked example, so node:crypto is the oracle.
describe('gateway: the gateway seed rules', () => {
  it('sorts query and body parameters, encodes values as encodeURIComponent does', async () => {
    const result = await signRequest('gateway', {
      method: 'POST',
      path: '/api/v1/order',
      query: 'symbol=BTC%2FUSDT&side=BUY',
      body: 'quantity=1&note=a+b%21',
      timestamp: '1700000000000',
      key: 'k',
      secret: 'gateway-secret',
    });
    expect(result.prehash).toBe(
      'note=a%20b!&quantity=1&side=BUY&symbol=BTC%2FUSDT&timestamp=1700000000000',
    );
    expect(result.signature).toBe(nodeHmac('gateway-secret', result.prehash, 'hex'));
    expect(result.signature).toMatch(/^[0-9a-f]{64}$/);
    expect(result.headers).toEqual({ 'X-MBX-APIKEY': 'k' });
    expect(result.params).toEqual({
      query: 'symbol=BTC%2FUSDT&side=BUY&timestamp=1700000000000',
      body: `quantity=1&note=a+b%21&signature=${result.signature}`,
    });
  });
});
