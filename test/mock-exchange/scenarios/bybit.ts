// Mock exchange (shared): console buttons of Bybit v5: REST (HTTP 200 with retCode, Bybit's
// terse server words) and WebSocket ops, whose failures carry no code at all.
import { MOCK_CREDENTIALS } from '../credentials.ts';
import type { ExpectedFinding, HttpScenario, Scenario, ScenarioSigning } from './types.ts';

export const BYBIT_SIGN: ScenarioSigning = {
  recipe: 'bybit',
  key: MOCK_CREDENTIALS.bybitApiKey,
  secret: MOCK_CREDENTIALS.bybitSecret,
};
const JSON_BODY = { 'content-type': 'application/json' };

export function bybitFinding(code: string): ExpectedFinding {
  return { code, entry: `bybit:rest:${code}` };
}

/** A failed op: no code, so the finding's code is the op and no catalogue explains it. */
const failedOp = (op: string): ExpectedFinding => ({ code: op, entry: null });

export function bybitOrder(
  id: string,
  group: Scenario['group'],
  label: string,
  qty: string,
  sign: ScenarioSigning,
  findings: ExpectedFinding[],
): HttpScenario {
  return {
    kind: 'http',
    id,
    group,
    label,
    method: 'POST',
    path: '/v5/order/create',
    headers: JSON_BODY,
    body: JSON.stringify({
      category: 'spot',
      symbol: 'BTCUSDT',
      side: 'Buy',
      orderType: 'Limit',
      qty,
      price: '64000',
    }),
    sign,
    // Bybit answers errors with HTTP 200 too.
    expect: { status: 200, findings },
  };
}

function get(id: string, label: string, path: string, findings: ExpectedFinding[]): Scenario {
  return {
    kind: 'http',
    id,
    group: 'bybit',
    label,
    method: 'GET',
    path,
    expect: { status: 200, findings },
  };
}

function ws(id: string, label: string, path: string, send: string, findings: ExpectedFinding[]) {
  const scenario: Scenario = {
    kind: 'ws',
    id,
    group: 'bybit',
    label,
    path,
    send: [send],
    // A subscribe is answered by its ack and one push; everything else by one reply.
    until: findings.length === 0 && send.includes('"subscribe"') ? 2 : 1,
    expect: { findings },
  };
  return scenario;
}

export const BYBIT_SCENARIOS: Scenario[] = [
  get('bybit-time', 'Server time', '/v5/market/time', []),
  get('bybit-ticker', 'Ticker BTCUSDT', '/v5/market/tickers?category=spot&symbol=BTCUSDT', []),
  get(
    'bybit-bad-symbol',
    'Unknown symbol (10001)',
    '/v5/market/tickers?category=spot&symbol=NOPE',
    [bybitFinding('10001')],
  ),
  get('bybit-rate-limit', 'Rate limit (10006)', '/v5/market/time?mock=rate-limit', [
    bybitFinding('10006'),
  ]),
  bybitOrder('bybit-order', 'bybit', 'Place an order', '0.001', BYBIT_SIGN, []),
  bybitOrder(
    'bybit-insufficient-balance',
    'bybit',
    'Order over the balance (110007)',
    '1',
    BYBIT_SIGN,
    [bybitFinding('110007')],
  ),
  bybitOrder(
    'bybit-unknown-key',
    'bybit',
    'Order with an API key Bybit does not know (10003)',
    '0.001',
    { ...BYBIT_SIGN, key: 'mock-bybit-key-nobody-issued' },
    // Bybit documents 10003 twice (WebSocket order entry: too many sessions); the words pick
    // the REST row.
    [{ code: '10003', entry: 'bybit:rest:10003#1' }],
  ),
  bybitOrder('bybit-bad-qty', 'bybit', 'Quantity zero (10001)', '0', BYBIT_SIGN, [
    bybitFinding('10001'),
  ]),
  ws(
    'bybit-ws-subscribe',
    'WebSocket: subscribe tickers.BTCUSDT',
    '/v5/public/spot',
    '{"req_id":"sub-1","op":"subscribe","args":["tickers.BTCUSDT"]}',
    [],
  ),
  ws(
    'bybit-ws-bad-topic',
    'WebSocket: subscribe an unknown topic (no code)',
    '/v5/public/linear',
    '{"op":"subscribe","args":["orderbook.1.NOPEUSDT"]}',
    [failedOp('subscribe')],
  ),
  ws(
    'bybit-ws-auth',
    'WebSocket: auth',
    '/v5/private',
    `{"op":"auth","args":["${MOCK_CREDENTIALS.bybitApiKey}",{{expiresMs}},"{{bybitAuthSign:${MOCK_CREDENTIALS.bybitSecret}}}"]}`,
    [],
  ),
  ws(
    'bybit-ws-auth-failure',
    'WebSocket: auth without its args (no code)',
    '/v5/private',
    `{"op":"auth","args":["${MOCK_CREDENTIALS.bybitApiKey}"]}`,
    [failedOp('auth')],
  ),
];
