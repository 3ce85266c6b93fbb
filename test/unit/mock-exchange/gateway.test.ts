// Gateway dialect of the mock: REST envelopes and statuses, the WebSocket API's error shape and
// the market streams, checked as a client sees them and as the detector reads them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signRequest } from '../../../src/core/index.ts';
import { MOCK_CREDENTIALS } from '../../mock-exchange/credentials.ts';
import { type MockExchange, startMockExchange } from '../../mock-exchange/server.ts';
import {
  httpFindings,
  nextJson,
  openSocket,
  type SignedCredentials,
  sendSigned,
} from './support.ts';

let exchange: MockExchange;
let origin: string;

beforeAll(async () => {
  exchange = await startMockExchange({ port: 0, pushMs: 50 });
  origin = exchange.url.replace(/\/$/, '');
});
afterAll(() => exchange.close());

async function call(path: string, init: RequestInit = {}) {
  const response = await fetch(`${origin}${path}`, init);
  const body = await response.text();
  return { status: response.status, body, json: JSON.parse(body) as Record<string, unknown> };
}

const ORDER = 'symbol=BTCUSDT&side=BUY&type=LIMIT&price=64000&quantity=0.010';
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
const BEARER = { authorization: `Bearer ${MOCK_CREDENTIALS.gatewayToken}` };
const SECRET: SignedCredentials = { secret: MOCK_CREDENTIALS.gatewaySecret };
const KEYED: SignedCredentials = { ...SECRET, key: MOCK_CREDENTIALS.gatewayApiKey };

function order(credentials: SignedCredentials, headers: Record<string, string> = BEARER) {
  const call = {
    method: 'POST',
    path: '/fapi/v1/order',
    body: ORDER,
    headers: { ...FORM, ...headers },
  };
  return sendSigned(origin, 'gateway', call, credentials);
}

describe('gateway REST', () => {
  it('answers the time endpoint in the success envelope', async () => {
    const { status, json } = await call('/api/gateway/time');
    expect(status).toBe(200);
    expect(json).toEqual({ code: 0, msg: 'success', data: { serverTime: expect.any(Number) } });
  });

  it('answers an unknown symbol with 400 and the catalogue message', async () => {
    const { status, json, body } = await call('/fapi/v1/ticker/price?symbol=NOPE');
    expect(status).toBe(400);
    expect(json).toEqual({ code: -1120, msg: 'Invalid symbol' });
    expect(httpFindings(`${origin}/fapi/v1/ticker/price`, status, body)[0]?.entry?.id).toBe(
      'gateway:rest:-1120',
    );
  });

  it('places, finds and cancels an order; a second cancel is refused (-2012)', async () => {
    const placed = await order(KEYED, {});
    expect(placed.status).toBe(200);
    const { orderId } = placed.json.data as { orderId: number };
    const cancel = () =>
      sendSigned(
        origin,
        'gateway',
        { method: 'DELETE', path: '/fapi/v1/order', query: `orderId=${orderId}&symbol=BTCUSDT` },
        KEYED,
      );
    expect((await cancel()).json).toMatchObject({ code: 0, data: { status: 'CANCELED' } });
    expect((await cancel()).json).toEqual({ code: -2012, msg: 'Order cancelled' });
  });

  it('takes the Bearer token of the gateway token flow in place of an API key', async () => {
    expect((await order(SECRET, BEARER)).status).toBe(200);
  });

  it.each([
    ['neither a token nor a key', SECRET, {}, 401, -1002],
    ['an unknown key', { ...SECRET, key: 'someone-else' }, {}, 401, -1002],
    ['a malformed key', { ...SECRET, key: 'not a key!' }, {}, 401, -2014],
    ['a timestamp 60 s old', { ...SECRET, now: Date.now() - 60_000 }, BEARER, 400, -1021],
    ['a timestamp 60 s ahead', { ...SECRET, now: Date.now() + 60_000 }, BEARER, 400, -1021],
    ['a signature by another secret', { secret: 'wrong' }, BEARER, 400, -1022],
  ])('refuses an order with %s', async (_what, credentials, headers, status, code) => {
    const reply = await order(credentials, headers);
    expect(reply.status).toBe(status);
    expect(reply.json.code).toBe(code);
  });

  it('refuses a malformed signature with -1022', async () => {
    const reply = await call('/fapi/v1/order', {
      method: 'POST',
      headers: { ...FORM, ...BEARER },
      body: `${ORDER}&timestamp=${Date.now()}&signature=zz`,
    });
    expect(reply.json).toEqual({ code: -1022, msg: 'Invalid signature' });
  });

  it('maps forced errors to their statuses: 429 rate limit, 503 busy', async () => {
    expect((await call('/fapi/v1/ping?mock=rate-limit')).status).toBe(429);
    const busy = await call('/fapi/v1/ping?mock=busy');
    expect(busy.status).toBe(503);
    expect(busy.json).toEqual({ code: -1008, msg: 'Server busy' });
  });
});

describe('gateway WebSocket API', () => {
  it('answers a stale timestamp with status 400 and error -1021', async () => {
    const api = await openSocket(`${exchange.wsUrl}/ws-api`);
    // Binance's WebSocket API signs the params sorted by name.
    const query = `apiKey=${MOCK_CREDENTIALS.gatewayApiKey}&quantity=0.01&side=BUY&symbol=BTCUSDT&timestamp=${Date.now() - 60_000}&type=MARKET`;
    const { signature } = await signRequest('binance', {
      query,
      secret: MOCK_CREDENTIALS.gatewaySecret,
    });
    api.send({
      id: 'abc',
      method: 'order.place',
      params: { ...Object.fromEntries(new URLSearchParams(query)), signature },
    });
    expect(await nextJson(api)).toEqual({
      id: 'abc',
      status: 400,
      error: { code: -1021, msg: 'Timestamp outside recv window' },
    });
    api.send({ id: 7, method: 'time' });
    expect(await nextJson(api)).toMatchObject({
      id: 7,
      status: 200,
      result: { serverTime: expect.any(Number) },
    });
    api.send('not json');
    expect(await nextJson(api)).toMatchObject({ id: null, status: 400, error: { code: -3001 } });
    api.socket.close();
  });
});

describe('gateway market streams', () => {
  it('pushes raw events on /ws/<stream> and wrapped ones on /stream', async () => {
    const raw = await openSocket(`${exchange.wsUrl}/ws/btcusdt@aggTrade`);
    expect(await nextJson(raw)).toMatchObject({ e: 'aggTrade', s: 'BTCUSDT' });
    raw.socket.close();
    const combined = await openSocket(`${exchange.wsUrl}/stream?streams=ethusdt@markPrice`);
    expect(await nextJson(combined)).toMatchObject({
      stream: 'ethusdt@markPrice',
      data: { e: 'markPriceUpdate', s: 'ETHUSDT' },
    });
    combined.socket.close();
  });

  it('acknowledges SUBSCRIBE with result null and refuses unknown streams (-3003)', async () => {
    const stream = await openSocket(`${exchange.wsUrl}/stream?streams=`);
    stream.send({ method: 'SUBSCRIBE', params: ['solusdt@ticker'], id: 1 });
    expect(await nextJson(stream)).toEqual({ result: null, id: 1 });
    stream.send({ method: 'SUBSCRIBE', params: ['solusdt@depth99'], id: 2 });
    let reply = await nextJson(stream);
    while (reply.id === undefined) reply = await nextJson(stream);
    expect(reply).toEqual({ error: { code: -3003, msg: 'Invalid params' }, id: 2 });
    stream.socket.close();
  });
});
