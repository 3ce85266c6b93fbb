// The mistake finder on requests signed wrongly on purpose (with node:crypto, not our HMAC): it
// must name the mistake that reproduces the signature sent, and hand back that prehash.
import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  findSigningMistakes,
  type RawRequest,
  readSignedRequest,
  type SigningMistakeId,
  type SigningRecipeId,
} from '../../../../src/core/index.ts';

const SECRET = 'finder-secret';
const ISO = '2020-12-08T09:08:57.715Z';

function sig(message: string, encoding: 'hex' | 'base64', secret = SECRET): string {
  return createHmac('sha256', secret).update(message).digest(encoding);
}

/** A captured request whose signature is the HMAC of `signed`. */
function captured(
  recipe: SigningRecipeId,
  raw: RawRequest,
  signed: string,
  encoding: 'hex' | 'base64',
  secret = SECRET,
): RawRequest {
  const s = sig(signed, encoding, secret);
  switch (recipe) {
    case 'gateway':
    case 'binance':
      return raw.body
        ? { ...raw, body: `${raw.body}&signature=${s}` }
        : { ...raw, url: `${raw.url}&signature=${s}` };
    case 'okx':
      return { ...raw, headers: { ...raw.headers, 'OK-ACCESS-SIGN': s } };
    case 'bybit':
      return { ...raw, headers: { ...raw.headers, 'X-BAPI-SIGN': s } };
    case 'okx-ws-login': {
      const frame = JSON.parse(raw.body ?? '{}');
      frame.args[0].sign = s;
      return { ...raw, body: JSON.stringify(frame) };
    }
    default:
      return { ...raw, headers: { ...raw.headers, 'x-api-signature': s } };
  }
}

async function diagnose(
  recipe: SigningRecipeId,
  raw: RawRequest,
  signed: string,
  encoding: 'hex' | 'base64',
  secret = SECRET,
) {
  const request = readSignedRequest(recipe, captured(recipe, raw, signed, encoding, secret));
  if (!request) throw new Error('not a signed request');
  return findSigningMistakes(recipe, request, SECRET);
}

const okxGet = (url: string, timestamp = ISO): RawRequest => ({
  method: 'GET',
  url: `https://www.okx.com${url}`,
  headers: { 'OK-ACCESS-TIMESTAMP': timestamp },
});
const okxPost = (body: string): RawRequest => ({
  method: 'POST',
  url: 'https://www.okx.com/api/v5/trade/order',
  headers: { 'OK-ACCESS-TIMESTAMP': ISO },
  body,
});
const woo = (url: string, timestamp: string, body?: string): RawRequest => ({
  method: body ? 'POST' : 'GET',
  url: `https://api.woox.io${url}`,
  headers: { 'x-api-timestamp': timestamp },
  ...(body ? { body } : {}),
});
const login = (timestamp: string): RawRequest => ({
  url: 'wss://ws.okx.com:8443/ws/v5/private',
  body: JSON.stringify({
    op: 'login',
    args: [{ apiKey: 'k', passphrase: 'p', timestamp, sign: '' }],
  }),
});
const BODY = '{"instId":"BTC-USDT","sz":"1"}';
const bybit = (url: string, body?: string): RawRequest => ({
  method: body ? 'POST' : 'GET',
  url: `https://api.bybit.com${url}`,
  headers: {
    'X-BAPI-API-KEY': 'bybit-key',
    'X-BAPI-TIMESTAMP': '1700000000000',
    'X-BAPI-RECV-WINDOW': '5000',
  },
  ...(body ? { body } : {}),
});
const BYBIT_ORDER = '{"category":"spot","symbol":"BTCUSDT","side":"Buy","qty":"0.01"}';

type Case = [SigningMistakeId, SigningRecipeId, RawRequest, string, 'hex' | 'base64'];

const CASES: Case[] = [
  [
    'recv-window-left-out',
    'bybit',
    bybit('/v5/account/wallet-balance?accountType=UNIFIED'),
    '1700000000000bybit-keyaccountType=UNIFIED',
    'hex',
  ],
  [
    'key-left-out',
    'bybit',
    bybit('/v5/order/create', BYBIT_ORDER),
    `17000000000005000${BYBIT_ORDER}`,
    'hex',
  ],
  [
    'json-reserialised',
    'bybit',
    bybit('/v5/order/create', BYBIT_ORDER),
    `1700000000000bybit-key5000${JSON.stringify(JSON.parse(BYBIT_ORDER), null, 2)}`,
    'hex',
  ],
  [
    'params-sorted',
    'bybit',
    bybit('/v5/order/realtime?symbol=BTCUSDT&category=spot'),
    '1700000000000bybit-key5000category=spot&symbol=BTCUSDT',
    'hex',
  ],
  [
    'params-unsorted',
    'gateway',
    { url: '/api/v1/order?symbol=BTC&side=BUY&timestamp=1700000000000' },
    'symbol=BTC&side=BUY&timestamp=1700000000000',
    'hex',
  ],
  [
    'params-sorted',
    'binance',
    { url: '/api/v3/order?symbol=X&side=BUY&timestamp=1700000000000' },
    'side=BUY&symbol=X&timestamp=1700000000000',
    'hex',
  ],
  [
    'values-not-encoded',
    'gateway',
    { url: '/a?symbol=BTC%2FUSDT&timestamp=1700000000000' },
    'symbol=BTC/USDT&timestamp=1700000000000',
    'hex',
  ],
  [
    'values-encoded-twice',
    'gateway',
    { url: '/a?symbol=BTC%2FUSDT&timestamp=1700000000000' },
    'symbol=BTC%252FUSDT&timestamp=1700000000000',
    'hex',
  ],
  [
    'values-not-encoded',
    'binance',
    { url: '/a?symbol=%EF%BC%91&timestamp=1700000000000' },
    'symbol=１&timestamp=1700000000000',
    'hex',
  ],
  [
    'values-encoded-twice',
    'binance',
    { url: '/a?symbol=%EF%BC%91&timestamp=1700000000000' },
    'symbol=%25EF%25BC%2591&timestamp=1700000000000',
    'hex',
  ],
  [
    'values-encoded',
    'woo-v1',
    woo('/v1/orders?symbol=SPOT_BTC/USDT', '1700000000000'),
    'symbol=SPOT_BTC%2FUSDT|1700000000000',
    'hex',
  ],
  [
    'query-left-out',
    'okx',
    okxGet('/api/v5/account/balance?ccy=BTC'),
    `${ISO}GET/api/v5/account/balance`,
    'base64',
  ],
  [
    'query-left-out',
    'binance',
    { method: 'POST', url: '/api/v3/order?symbol=X', body: 'quantity=1&timestamp=1700000000000' },
    'quantity=1&timestamp=1700000000000',
    'hex',
  ],
  [
    'body-left-out',
    'woo-v3',
    woo('/v3/trade/order', '1700000000000', BODY),
    '1700000000000POST/v3/trade/order',
    'hex',
  ],
  [
    'body-added',
    'okx',
    okxGet('/api/v5/account/balance'),
    `${ISO}GET/api/v5/account/balance{}`,
    'base64',
  ],
  [
    'ampersand-between-query-and-body',
    'binance',
    { method: 'POST', url: '/api/v3/order?symbol=X', body: 'quantity=1&timestamp=1700000000000' },
    'symbol=X&quantity=1&timestamp=1700000000000',
    'hex',
  ],
  [
    'question-mark-before-query',
    'binance',
    { url: '/api/v3/order?symbol=X&timestamp=1700000000000' },
    '?symbol=X&timestamp=1700000000000',
    'hex',
  ],
  [
    'method-lowercase',
    'okx',
    okxGet('/api/v5/account/balance'),
    `${ISO}get/api/v5/account/balance`,
    'base64',
  ],
  [
    'method-lowercase',
    'okx-ws-login',
    login('1704876947'),
    '1704876947get/users/self/verify',
    'base64',
  ],
  ['timestamp-in-seconds', 'woo-v1', woo('/v1/client/info', '1700000000000'), '|1700000000', 'hex'],
  [
    'timestamp-epoch-instead-of-iso',
    'okx',
    okxGet('/api/v5/account/balance'),
    '1607418537715GET/api/v5/account/balance',
    'base64',
  ],
  [
    'timestamp-in-milliseconds',
    'okx-ws-login',
    login('1704876947'),
    '1704876947000GET/users/self/verify',
    'base64',
  ],
  [
    'timestamp-read-twice',
    'woo-v3',
    woo('/v3/balances', '1700000000002'),
    '1700000000000GET/v3/balances',
    'hex',
  ],
  [
    'json-reserialised',
    'okx',
    okxPost(BODY),
    `${ISO}POST/api/v5/trade/order${JSON.stringify(JSON.parse(BODY), null, 2)}`,
    'base64',
  ],
  [
    'json-reserialised',
    'woo-v3',
    woo('/v3/trade/order', '1700000000000', BODY),
    '1700000000000POST/v3/trade/order{"instId": "BTC-USDT", "sz": "1"}',
    'hex',
  ],
  [
    'body-whitespace',
    'okx',
    okxPost(`${BODY}\n`),
    `${ISO}POST/api/v5/trade/order${BODY}`,
    'base64',
  ],
  [
    'hex-instead-of-base64',
    'okx',
    okxGet('/api/v5/account/balance'),
    `${ISO}GET/api/v5/account/balance`,
    'hex',
  ],
  [
    'base64-instead-of-hex',
    'binance',
    { url: '/api/v3/account?timestamp=1700000000000' },
    'timestamp=1700000000000',
    'base64',
  ],
];

describe('findSigningMistakes names the mistake that reproduces the signature', () => {
  it.each(CASES)('%s (%s)', async (id, recipe, raw, signed, encoding) => {
    const diagnosis = await diagnose(recipe, raw, signed, encoding);
    expect(diagnosis.matches).toBe(false);
    expect(diagnosis.mistakes.map((m) => m.id)).toEqual([id]);
    const [mistake] = diagnosis.mistakes;
    expect(mistake?.prehash).toBe(signed);
    expect(mistake?.explanation).toMatch(/^You /);
    expect(mistake?.encoding).toBe(encoding);
  });

  it('explains in words the pane can show', async () => {
    const diagnosis = await diagnose(
      'okx',
      okxGet('/api/v5/account/balance?ccy=BTC'),
      `${ISO}GET/api/v5/account/balance`,
      'base64',
    );
    expect(diagnosis.mistakes[0]?.explanation).toBe('You signed the path without its query string');
    expect(diagnosis.expected.prehash).toBe(`${ISO}GET/api/v5/account/balance?ccy=BTC`);
    const binance = await diagnose(
      'binance',
      { method: 'POST', url: '/api/v3/order?symbol=X', body: 'quantity=1&timestamp=1700000000000' },
      'quantity=1&timestamp=1700000000000',
      'hex',
    );
    expect(binance.mistakes[0]?.explanation).toBe('You signed the body without the query string');
  });

  it('finds two mistakes together: a prehash mistake and the wrong encoding', async () => {
    const diagnosis = await diagnose(
      'okx',
      okxGet('/api/v5/account/balance?ccy=BTC'),
      `${ISO}GET/api/v5/account/balance`,
      'hex',
    );
    expect(diagnosis.mistakes.map((m) => m.ids)).toEqual([
      ['query-left-out', 'hex-instead-of-base64'],
    ]);
    expect(diagnosis.mistakes[0]?.explanation).toBe(
      'You signed the path without its query string, and encoded the signature in hex instead of base64',
    );
  });

  it.each([
    [
      'a trailing newline',
      `${SECRET}\n`,
      'The secret you signed with ends with a newline',
      'secret-whitespace',
    ],
    [
      'a leading space',
      ` ${SECRET}`,
      'The secret you signed with starts with a space',
      'secret-whitespace',
    ],
    [
      'quotes',
      `"${SECRET}"`,
      'You signed with the secret in double quotes, as written in a config file',
      'secret-quoted',
    ],
  ])('a secret with %s', async (_name, secret, explanation, id) => {
    const raw = woo('/v1/client/info', '1700000000000');
    const diagnosis = await diagnose('woo-v1', raw, '|1700000000000', 'hex', secret);
    expect(diagnosis.mistakes).toEqual([
      { id, ids: [id], explanation, prehash: '|1700000000000', encoding: 'hex' },
    ]);
    // The explanation describes the secret's whitespace, never the secret.
    expect(JSON.stringify(diagnosis)).not.toContain(SECRET);
  });

  it('a correct signature matches, with no mistakes', async () => {
    const diagnosis = await diagnose(
      'okx',
      okxGet('/api/v5/account/balance?ccy=BTC'),
      `${ISO}GET/api/v5/account/balance?ccy=BTC`,
      'base64',
    );
    expect(diagnosis).toMatchObject({ matches: true, mistakes: [], notes: [] });
    expect(diagnosis.expected.signature).toBe(
      sig(`${ISO}GET/api/v5/account/balance?ccy=BTC`, 'base64'),
    );
  });

  it('hex signatures match whatever their case, as Binance documents', async () => {
    const raw = captured(
      'binance',
      { url: '/a?timestamp=1700000000000' },
      'timestamp=1700000000000',
      'hex',
    );
    const upper = {
      ...raw,
      url: raw.url.replace(/signature=(\w+)/, (_m, s: string) => `signature=${s.toUpperCase()}`),
    };
    const request = readSignedRequest('binance', upper);
    expect(request && (await findSigningMistakes('binance', request, SECRET)).matches).toBe(true);
  });

  it('names nothing when no usual mistake reproduces it (another secret)', async () => {
    const diagnosis = await diagnose(
      'woo-v3',
      woo('/v3/balances', '1700000000000'),
      '1700000000000GET/v3/balances',
      'hex',
      'some-other-secret',
    );
    expect(diagnosis.matches).toBe(false);
    expect(diagnosis.mistakes).toEqual([]);
  });

  it('notes a timestamp in the wrong format even when the signature matches', async () => {
    const diagnosis = await diagnose(
      'okx-ws-login',
      login('1704876947123'),
      '1704876947123GET/users/self/verify',
      'base64',
    );
    expect(diagnosis.matches).toBe(true);
    expect(diagnosis.notes).toEqual([
      'the timestamp 1704876947123 is in Unix milliseconds; OKX WebSocket login wants Unix seconds',
    ]);
  });

  it('notes a signature whose size is another algorithm', async () => {
    const request = readSignedRequest('woo-v3', {
      url: '/v3/balances',
      headers: {
        'x-api-timestamp': '1700000000000',
        'x-api-signature': createHmac('sha512', SECRET).update('x').digest('hex'),
      },
    });
    const diagnosis = request && (await findSigningMistakes('woo-v3', request, SECRET));
    expect(diagnosis?.notes).toEqual([
      'The signature sent is 128 characters, an HMAC-SHA512 in hex; WOO X v3 signs with HMAC-SHA256',
    ]);
  });
});

describe('readSignedRequest', () => {
  it('takes the signature parameter out of what was signed', () => {
    expect(
      readSignedRequest('binance', {
        method: 'post',
        url: 'https://api.binance.com/api/v3/order?symbol=X#frag',
        body: 'quantity=1&recvWindow=5000&timestamp=1700000000000&signature=abc',
      }),
    ).toEqual({
      method: 'POST',
      path: '/api/v3/order',
      query: 'symbol=X',
      body: 'quantity=1&recvWindow=5000&timestamp=1700000000000',
      signature: 'abc',
      timestamp: '1700000000000',
      recvWindow: 5000,
    });
  });

  it("reads HAR's header list in any case, and gives up without a signature", () => {
    const headers = [
      { name: 'ok-access-sign', value: 'c2ln' },
      { name: 'Ok-Access-Timestamp', value: ISO },
    ];
    expect(
      readSignedRequest('okx', { url: 'https://www.okx.com/api/v5/x?a=1', headers }),
    ).toMatchObject({
      path: '/api/v5/x',
      query: 'a=1',
      signature: 'c2ln',
      timestamp: ISO,
    });
    expect(readSignedRequest('okx', { url: '/api/v5/x' })).toBeUndefined();
    expect(
      readSignedRequest('okx-ws-login', { url: 'wss://x', body: '{"op":"subscribe"}' }),
    ).toBeUndefined();
  });
});
