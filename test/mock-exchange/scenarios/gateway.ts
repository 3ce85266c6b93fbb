// Mock exchange (shared): console buttons of the gateway: REST, WebSocket API, market streams.
import { MOCK_CREDENTIALS } from '../credentials.ts';
import type { HttpScenario, Scenario, ScenarioSigning } from './types.ts';

const AUTH = { authorization: `Bearer ${MOCK_CREDENTIALS.gatewayToken}` };
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
/** The Bearer flow: the token authenticates, the request is still signed (no key header). */
const SIGN: ScenarioSigning = { recipe: 'gateway', secret: MOCK_CREDENTIALS.gatewaySecret };
/** The WebSocket API: apiKey, timestamp and signature among the params. */
export const WS_API_SIGN: ScenarioSigning = {
  recipe: 'binance',
  key: MOCK_CREDENTIALS.gatewayApiKey,
  secret: MOCK_CREDENTIALS.gatewaySecret,
};

export const GATEWAY_ORDER = 'symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&price=64000';

function order(
  id: string,
  label: string,
  body: string,
  expect: HttpScenario['expect'],
  headers: Record<string, string> = { ...AUTH, ...FORM },
  sign: ScenarioSigning | null = SIGN,
): HttpScenario {
  return {
    kind: 'http',
    id,
    group: 'gateway-rest',
    label,
    method: 'POST',
    path: '/fapi/v1/order',
    headers,
    body,
    ...(sign ? { sign } : {}),
    expect,
  };
}

function isSignedMethod(request: unknown): boolean {
  const method = (request as { method?: unknown }).method;
  return typeof method === 'string' && method.startsWith('order.');
}

function wsApi(id: string, label: string, request: unknown, code?: string): Scenario {
  return {
    kind: 'ws',
    id,
    group: 'gateway-ws-api',
    label,
    path: '/ws-api',
    send: [typeof request === 'string' ? request : JSON.stringify(request)],
    until: 1,
    ...(isSignedMethod(request) ? { sign: WS_API_SIGN } : {}),
    expect: {
      findings:
        code === undefined
          ? []
          : [{ code, entry: `gateway:${code.startsWith('-3') ? 'ws-message' : 'rest'}:${code}` }],
    },
  };
}

export const WS_ORDER = {
  symbol: 'BTCUSDT',
  side: 'SELL',
  type: 'MARKET',
  quantity: '0.010',
};

export const GATEWAY_SCENARIOS: Scenario[] = [
  {
    kind: 'http',
    id: 'gateway-time',
    group: 'gateway-rest',
    label: 'Server time',
    method: 'GET',
    path: '/api/gateway/time',
    expect: { status: 200, findings: [] },
  },
  {
    kind: 'http',
    id: 'gateway-ticker',
    group: 'gateway-rest',
    label: 'Ticker BTCUSDT',
    method: 'GET',
    path: '/fapi/v1/ticker/price?symbol=BTCUSDT',
    expect: { status: 200, findings: [] },
  },
  {
    kind: 'http',
    id: 'gateway-bad-symbol',
    group: 'gateway-rest',
    label: 'Ticker of an unknown symbol (-1120)',
    method: 'GET',
    path: '/fapi/v1/ticker/price?symbol=BTCUSD',
    expect: { status: 400, findings: [{ code: '-1120', entry: 'gateway:rest:-1120' }] },
  },
  order('gateway-order', 'Place an order (Bearer token)', `${GATEWAY_ORDER}&quantity=0.010`, {
    status: 200,
    findings: [],
  }),
  order(
    'gateway-unauthorized',
    'Order without a token or key (-1002, 401)',
    `${GATEWAY_ORDER}&quantity=0.010`,
    { status: 401, findings: [{ code: '-1002', entry: 'gateway:rest:-1002' }] },
    FORM,
  ),
  order(
    'gateway-timestamp',
    'Order with a stale timestamp (-1021)',
    `${GATEWAY_ORDER}&quantity=0.010&timestamp={{staleMs}}`,
    { status: 400, findings: [{ code: '-1021', entry: 'gateway:rest:-1021' }] },
  ),
  order(
    'gateway-bad-signature',
    'Order with a malformed signature (-1022)',
    `${GATEWAY_ORDER}&quantity=0.010&timestamp={{now}}&signature=not-a-digest`,
    { status: 400, findings: [{ code: '-1022', entry: 'gateway:rest:-1022' }] },
    { ...AUTH, ...FORM },
    null,
  ),
  order('gateway-missing-param', 'Order without quantity (-1102)', GATEWAY_ORDER, {
    status: 400,
    findings: [{ code: '-1102', entry: 'gateway:rest:-1102' }],
  }),
  order(
    'gateway-insufficient-balance',
    'Order too big for the balance (-2010)',
    `${GATEWAY_ORDER}&quantity=100`,
    { status: 400, findings: [{ code: '-2010', entry: 'gateway:rest:-2010' }] },
  ),
  order(
    'gateway-content-type',
    'Order sent as text/plain (-1005)',
    `${GATEWAY_ORDER}&quantity=0.010`,
    { status: 400, findings: [{ code: '-1005', entry: 'gateway:rest:-1005' }] },
    { ...AUTH, 'content-type': 'text/plain' },
  ),
  {
    kind: 'http',
    id: 'gateway-leverage-too-high',
    group: 'gateway-rest',
    label: 'Leverage 200x (-2104)',
    method: 'POST',
    path: '/fapi/v1/leverage',
    headers: { ...AUTH, ...FORM },
    body: 'symbol=BTCUSDT&leverage=200',
    sign: SIGN,
    expect: { status: 400, findings: [{ code: '-2104', entry: 'gateway:rest:-2104' }] },
  },
  {
    kind: 'http',
    id: 'gateway-not-found',
    group: 'gateway-rest',
    label: 'Unknown endpoint (-1004, 404)',
    method: 'GET',
    path: '/fapi/v1/tickers',
    expect: { status: 404, findings: [{ code: '-1004', entry: 'gateway:rest:-1004' }] },
  },
  {
    kind: 'http',
    id: 'gateway-rate-limit',
    group: 'gateway-rest',
    label: 'Rate limited (-1003, 429)',
    method: 'GET',
    path: '/fapi/v1/ticker/price?symbol=BTCUSDT&mock=rate-limit',
    expect: { status: 429, findings: [{ code: '-1003', entry: 'gateway:rest:-1003' }] },
  },

  wsApi('binance-ws-time', 'time', { id: 'time-1', method: 'time' }),
  wsApi('binance-ws-order', 'order.place', {
    id: 'order-1',
    method: 'order.place',
    params: { ...WS_ORDER, timestamp: '{{now}}' },
  }),
  wsApi(
    'binance-ws-timestamp',
    'order.place with a stale timestamp (-1021)',
    { id: 'order-2', method: 'order.place', params: { ...WS_ORDER, timestamp: '{{staleMs}}' } },
    '-1021',
  ),
  wsApi(
    'binance-ws-bad-symbol',
    'ticker.price of an unknown symbol (-1120)',
    { id: 'ticker-1', method: 'ticker.price', params: { symbol: 'BTCUSD' } },
    '-1120',
  ),
  wsApi(
    'binance-ws-bad-method',
    'Unknown method (-3002)',
    { id: 'x-1', method: 'order.teleport' },
    '-3002',
  ),
  wsApi('binance-ws-bad-json', 'Malformed JSON (-3001)', '{"id":"oops","method":', '-3001'),

  {
    kind: 'ws',
    id: 'gateway-stream-subscribe',
    group: 'gateway-streams',
    label: 'btcusdt@aggTrade',
    path: '/ws/btcusdt@aggTrade',
    send: [],
    until: 2,
    expect: { findings: [] },
  },
  {
    kind: 'ws',
    id: 'gateway-stream-bad-params',
    group: 'gateway-streams',
    label: 'SUBSCRIBE an unknown stream (-3003)',
    path: '/stream?streams=',
    send: [JSON.stringify({ method: 'SUBSCRIBE', params: ['btcusdt@depth42'], id: 1 })],
    until: 1,
    expect: { findings: [{ code: '-3003', entry: 'gateway:ws-message:-3003' }] },
  },
];
