// WOO X and OKX REST dialects of the mock: envelopes, statuses, multi-row codes, and codes the
// catalogue does not know, as a client and the detector see them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MOCK_CREDENTIALS } from '../../mock-exchange/credentials.ts';
import { type MockExchange, startMockExchange } from '../../mock-exchange/server.ts';
import { httpFindings, sendSigned } from './support.ts';

let exchange: MockExchange;
let origin: string;

beforeAll(async () => {
  exchange = await startMockExchange({ port: 0 });
  origin = exchange.url.replace(/\/$/, '');
});
afterAll(() => exchange.close());

async function call(path: string, init: RequestInit = {}) {
  const response = await fetch(`${origin}${path}`, init);
  const body = await response.text();
  return { status: response.status, body, json: JSON.parse(body) as Record<string, unknown> };
}

const WOO = { key: MOCK_CREDENTIALS.wooApiKey, secret: MOCK_CREDENTIALS.wooSecret };
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

function wooV1(method: string, path: string, fields: { query?: string; body?: string }) {
  return sendSigned(origin, 'woo-v1', { method, path, headers: FORM, ...fields }, WOO);
}

describe('WOO X REST', () => {
  it('answers a rate limit with 429 and the row message', async () => {
    const { status, json } = await call('/v1/public/info?mock=rate-limit');
    expect(status).toBe(429);
    expect(json).toEqual({ success: false, code: -1003, message: 'Rate limit exceed.' });
  });

  it('returns the success envelope on v1 and v3', async () => {
    expect((await call('/v1/public/info')).json).toMatchObject({
      success: true,
      rows: expect.any(Array),
    });
    expect((await call('/v3/public/systemInfo')).json).toMatchObject({
      success: true,
      data: { status: 0 },
    });
  });

  it('sends a different -1005 message per rule, and the detector picks the matching row', async () => {
    const claims = [
      ['ratio_qty_request=2', 'woo:rest:-1005#1', 'ratio_qty_request should be in range 0-1.'],
      [
        'ratio_qty_request=1&extra_liquidation_ratio=3',
        'woo:rest:-1005#2',
        'extra_liquidation_ratio should be in range 0-1.',
      ],
      [
        'ratio_qty_request=0.5&extra_liquidation_ratio=0.5',
        'woo:rest:-1005#3',
        'if you set extra_liquidation_ratio > 0, ratio_qty_request must be 1.',
      ],
    ] as const;
    for (const [fields, entry, message] of claims) {
      const { status, json, body } = await wooV1('POST', '/v1/liquidation', {
        body: `liquidation_id=101&${fields}`,
      });
      expect(status).toBe(400);
      expect(json).toEqual({ success: false, code: -1005, message });
      expect(httpFindings(`${origin}/v1/liquidation`, status, body)[0]?.entry?.id).toBe(entry);
    }
  });

  it('cancels an order once; the second cancel finds nothing (-1006)', async () => {
    const placed = await wooV1('POST', '/v1/order', {
      body: 'symbol=SPOT_ETH_USDT&side=SELL&order_type=LIMIT&order_price=3400&order_quantity=0.01',
    });
    const orderId = placed.json.order_id as number;
    const cancel = () =>
      wooV1('DELETE', '/v1/order', { query: `order_id=${orderId}&symbol=SPOT_ETH_USDT` });
    expect((await cancel()).json).toEqual({ success: true, status: 'CANCEL_SENT' });
    expect((await cancel()).json).toMatchObject({ success: false, code: -1006 });
  });
});

describe('OKX REST', () => {
  const order = {
    instId: 'BTC-USDT',
    tdMode: 'cash',
    side: 'buy',
    ordType: 'limit',
    px: '64000',
    sz: '0.01',
  };
  const post = (path: string, body: unknown) =>
    sendSigned(
      origin,
      'okx',
      {
        method: 'POST',
        path,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      },
      {
        key: MOCK_CREDENTIALS.okxApiKey,
        secret: MOCK_CREDENTIALS.okxSecret,
        passphrase: MOCK_CREDENTIALS.okxPassphrase,
      },
    );

  it('reports a bad sz at the top level; the detector explains 51000 from the OKX REST catalogue', async () => {
    const { status, json, body } = await post('/api/v5/trade/order', { ...order, sz: 'lots' });
    expect(status).toBe(400);
    expect(json).toEqual({ code: '51000', msg: 'Parameter sz error', data: [] });
    const [finding] = httpFindings(`${origin}/api/v5/trade/order`, status, body);
    expect(finding).toMatchObject({ exchange: 'okx', dialect: 'okx-rest', code: '51000' });
    expect(finding?.entry?.id).toBe('okx:rest:51000');
  });

  it('answers a batch with one refused order with code 2 and per-item sCode/sMsg', async () => {
    const { json, body, status } = await post('/api/v5/trade/batch-orders', [
      order,
      { ...order, sz: '1000' },
    ]);
    expect(json).toMatchObject({ code: '2', msg: 'Bulk operation partially succeeded.' });
    expect(json.data).toEqual([
      expect.objectContaining({
        sCode: '0',
        sMsg: 'Order placed',
        ordId: expect.stringMatching(/^\d+$/),
      }),
      expect.objectContaining({
        sCode: '51008',
        sMsg: 'Order failed. Insufficient USDT balance in account.',
        ordId: '',
      }),
    ]);
    const findings = httpFindings(`${origin}/api/v5/trade/batch-orders`, status, body);
    expect(findings.map((f) => [f.code, f.path, f.entry?.id])).toEqual([
      ['51008', 'data[1]', 'okx:rest:51008#0'],
    ]);
  });

  it('returns market data in the OKX envelope', async () => {
    const { json } = await call('/api/v5/market/ticker?instId=ETH-USDT');
    expect(json).toMatchObject({ code: '0', msg: '', data: [{ instId: 'ETH-USDT' }] });
  });
});
