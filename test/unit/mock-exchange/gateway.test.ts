// Gateway dialect of the mock: REST envelopes and statuses, the WebSocket API's error shape and
// the market streams, checked as a client sees them and as the detector reads them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MOCK_CREDENTIALS } from '../../mock-exchange/credentials.ts';
import { MOCK_HEX_SIGNATURE } from '../../mock-exchange/scenarios/gateway.ts';
import { type MockExchange, startMockExchange } from '../../mock-exchange/server.ts';
import { httpFindings, nextJson, openSocket } from './support.ts';

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

function signedOrder(fields: Record<string, string>, timestamp = Date.now()) {
  return new URLSearchParams({
    symbol: 'BTCUSDT',
    side: 'BUY',
    type: 'LIMIT',
    price: '64000',
    quantity: '0.010',
    ...fields,
    timestamp: String(timestamp),
    signature: MOCK_HEX_SIGNATURE,
  }).toString();
}

const AUTHORIZED = {
  authorization: `Bearer ${MOCK_CREDENTIALS.gatewayToken}`,
  'content-type': 'application/x-www-form-urlencoded',
};

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
    const placed = await call('/fapi/v1/order', {
      method: 'POST',
      headers: AUTHORIZED,
      body: signedOrder({}),
    });
    expect(placed.status).toBe(200);
    const { orderId } = placed.json.data as { orderId: number };
    const query = signedOrder({ orderId: String(orderId) });
    const cancel = () => call(`/fapi/v1/order?${query}`, { method: 'DELETE', headers: AUTHORIZED });
    expect((await cancel()).json).toMatchObject({ code: 0, data: { status: 'CANCELED' } });
    expect((await cancel()).json).toEqual({ code: -2012, msg: 'Order cancelled' });
  });

  it.each([
    ['no token', {}, 401, -1002],
    ['a stale timestamp', { timestamp: String(Date.now() - 60_000) }, 400, -1021],
    ['a future timestamp', { timestamp: String(Date.now() + 60_000) }, 400, -1021],
    ['a malformed signature', { signature: 'zz' }, 400, -1022],
  ])('refuses an order with %s', async (_what, override, status, code) => {
    const body = new URLSearchParams(signedOrder({}));
    for (const [key, value] of Object.entries(override)) body.set(key, value);
    const headers: Record<string, string> =
      'timestamp' in override || 'signature' in override
        ? AUTHORIZED
        : { 'content-type': AUTHORIZED['content-type'] };
    const reply = await call('/fapi/v1/order', { method: 'POST', headers, body: body.toString() });
    expect(reply.status).toBe(status);
    expect(reply.json.code).toBe(code);
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
    api.send({
      id: 'abc',
      method: 'order.place',
      params: {
        symbol: 'BTCUSDT',
        side: 'BUY',
        type: 'MARKET',
        quantity: '0.01',
        timestamp: Date.now() - 60_000,
        signature: MOCK_HEX_SIGNATURE,
      },
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
