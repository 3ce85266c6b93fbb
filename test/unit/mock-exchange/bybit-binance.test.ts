// The mock's Bybit and Binance Spot dialects in their own words: Bybit shows the string it
// signed in 10004 and names an unknown key with 10003 (HTTP 200 both); Binance Spot refuses a
// missing key, a lot size and a balance with the messages its document lists; and the detector
// explains each by the right exchange's row, though 127.0.0.1 names no exchange.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MOCK_CREDENTIALS } from '../../mock-exchange/credentials.ts';
import { type MockExchange, startMockExchange } from '../../mock-exchange/server.ts';
import { httpFindings, type SignedCall, sendSigned } from './support.ts';

let exchange: MockExchange;
let origin: string;

beforeAll(async () => {
  exchange = await startMockExchange({ port: 0 });
  origin = exchange.url.replace(/\/$/, '');
});
afterAll(() => exchange.close());

const BYBIT_ORDER: SignedCall = {
  method: 'POST',
  path: '/v5/order/create',
  headers: { 'content-type': 'application/json' },
  body: '{"category":"spot","symbol":"BTCUSDT","side":"Buy","orderType":"Limit","qty":"0.001","price":"64000"}',
};
const BYBIT = { key: MOCK_CREDENTIALS.bybitApiKey, secret: MOCK_CREDENTIALS.bybitSecret };

const binanceOrder = (quantity: string): SignedCall => ({
  method: 'POST',
  path: '/api/v3/order',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: `symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&price=64000&quantity=${quantity}`,
});
const BINANCE = { key: MOCK_CREDENTIALS.binanceApiKey, secret: MOCK_CREDENTIALS.binanceSecret };

describe('Bybit', () => {
  it('shows in 10004 the string it signed, which the recipe composes', async () => {
    const reply = await sendSigned(origin, 'bybit', BYBIT_ORDER, { ...BYBIT, secret: 'not-it' });
    expect(reply.status).toBe(200);
    const timestamp = reply.sent.headers['X-BAPI-TIMESTAMP'];
    expect(reply.json.retMsg).toBe(
      `error sign! origin_string[${timestamp}${MOCK_CREDENTIALS.bybitApiKey}${BYBIT_ORDER.body}]`,
    );
  });

  it('refuses an unknown key with 10003, explained by its invalid-key row', async () => {
    const reply = await sendSigned(origin, 'bybit', BYBIT_ORDER, { ...BYBIT, key: 'x' });
    expect(reply.json).toMatchObject({ retCode: 10003, retMsg: 'API key is invalid.' });
    expect(httpFindings(reply.sent.url, reply.status, reply.body)[0]?.entry?.id).toBe(
      'bybit:rest:10003#1',
    );
  });
});

describe('Binance Spot', () => {
  it.each([
    ['a lot size', '0.0000015', -1013, 'Filter failure: LOT_SIZE'],
    ['a balance', '1', -2010, 'Account has insufficient balance for requested action.'],
  ])('refuses %s in its documented words, explained as Binance', async (_what, qty, code, msg) => {
    const reply = await sendSigned(origin, 'binance', binanceOrder(qty), BINANCE);
    expect(reply.status).toBe(400);
    expect(reply.json).toEqual({ code, msg });
    const [finding] = httpFindings(reply.sent.url, reply.status, reply.body);
    expect(finding).toMatchObject({ exchange: 'binance', attribution: 'message' });
    expect(finding?.entry?.messages.en).toBe(msg);
  });

  it('refuses a missing key as the API-key format, 401', async () => {
    const reply = await sendSigned(origin, 'binance', binanceOrder('0.001'), {
      ...BINANCE,
      key: '',
    });
    expect(reply.status).toBe(401);
    expect(reply.json).toEqual({ code: -2014, msg: 'API-key format invalid.' });
  });
});
