// Mock exchange (shared): console buttons that sign for real, per recipe: one correctly signed
// request, one with the client's clock off, one with a planted mistake the signing pane's
// mistake finder (or clock judge) names. The page signs with the test credentials it shows.
import { MOCK_CREDENTIALS } from '../credentials.ts';
import { BINANCE_SIGN, binanceFinding, binanceOrder } from './binance.ts';
import { BYBIT_SIGN, bybitFinding, bybitOrder } from './bybit.ts';
import { GATEWAY_ORDER, WS_API_SIGN, WS_ORDER } from './gateway.ts';
import { OKX_ORDER, OKX_SIGN } from './okx.ts';
import type {
  ExpectedFinding,
  HttpScenario,
  Scenario,
  ScenarioSigning,
  WsScenario,
} from './types.ts';
import { WOO_ORDER, WOO_V3_ORDER, wooSign } from './woo.ts';

const GATEWAY_SIGN: ScenarioSigning = {
  recipe: 'gateway',
  key: MOCK_CREDENTIALS.gatewayApiKey,
  secret: MOCK_CREDENTIALS.gatewaySecret,
};

type Expectation = { status: number; findings: ExpectedFinding[] };

const OK: Expectation = { status: 200, findings: [] };

function gatewayFinding(status: number, code: string): Expectation {
  return { status, findings: [{ code, entry: `gateway:rest:${code}` }] };
}

function wooFinding(code: string): Expectation {
  return { status: 401, findings: [{ code, entry: `woo:rest:${code}` }] };
}

/** OKX's REST authentication codes, from the OKX REST catalogue. */
function okxFinding(code: string): Expectation {
  return { status: 401, findings: [{ code, entry: `okx:rest:${code}` }] };
}

function http(
  id: string,
  label: string,
  request: Pick<HttpScenario, 'path' | 'headers' | 'body'>,
  sign: ScenarioSigning,
  expect: Expectation,
): HttpScenario {
  return { kind: 'http', id, group: 'signing', label, method: 'POST', ...request, sign, expect };
}

function wsApi(id: string, label: string, sign: ScenarioSigning, code?: string): WsScenario {
  const request = { id, method: 'order.place', params: WS_ORDER };
  return {
    kind: 'ws',
    id,
    group: 'signing',
    label,
    path: '/ws-api',
    send: [JSON.stringify(request)],
    until: 1,
    sign,
    expect: { findings: code ? [{ code, entry: `gateway:rest:${code}` }] : [] },
  };
}

const gatewayOrder = {
  path: '/fapi/v1/order',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: `${GATEWAY_ORDER}&quantity=0.010`,
};
const okxOrder = {
  path: '/api/v5/trade/order',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(OKX_ORDER),
};
const wooV1Order = {
  path: '/v1/order',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: `${WOO_ORDER}&order_quantity=0.01`,
};
const wooV3Order = {
  path: '/v3/trade/order',
  headers: { 'content-type': 'application/json' },
  body: WOO_V3_ORDER,
};

export const SIGNING_SCENARIOS: Scenario[] = [
  http('gateway-signed-order', 'Gateway: signed order', gatewayOrder, GATEWAY_SIGN, OK),
  http(
    'gateway-skewed-timestamp',
    'Gateway: clock 10 s behind (-1021)',
    gatewayOrder,
    { ...GATEWAY_SIGN, skewMs: -10_000 },
    gatewayFinding(400, '-1021'),
  ),
  http(
    'gateway-unsorted-params',
    'Gateway: parameters signed unsorted (-1022)',
    gatewayOrder,
    { ...GATEWAY_SIGN, mistake: 'params-unsorted' },
    gatewayFinding(400, '-1022'),
  ),
  wsApi('binance-ws-signed-order', 'WebSocket API: signed order.place', WS_API_SIGN),
  wsApi(
    'binance-ws-skewed-timestamp',
    'WebSocket API: clock 2 s ahead (-1021)',
    { ...WS_API_SIGN, skewMs: 2000 },
    '-1021',
  ),
  http('okx-signed-order', 'OKX: signed order', okxOrder, OKX_SIGN, OK),
  http(
    'okx-skewed-timestamp',
    'OKX: clock 60 s behind (50102)',
    okxOrder,
    { ...OKX_SIGN, skewMs: -60_000 },
    okxFinding('50102'),
  ),
  http(
    'okx-seconds-timestamp',
    'OKX: timestamp in Unix seconds (50112)',
    okxOrder,
    { ...OKX_SIGN, mistake: 'timestamp-in-seconds' },
    okxFinding('50112'),
  ),
  http('woo-v1-signed-order', 'WOO X v1: signed order', wooV1Order, wooSign('/v1/order'), OK),
  http(
    'woo-v1-skewed-timestamp',
    'WOO X v1: clock 400 s behind (-1002)',
    wooV1Order,
    wooSign('/v1/order', { skewMs: -400_000 }),
    wooFinding('-1002'),
  ),
  http(
    'woo-v1-wrong-secret',
    'WOO X v1: signed with the wrong secret (-1001)',
    wooV1Order,
    wooSign('/v1/order', { secret: 'not-the-woo-secret' }),
    wooFinding('-1001'),
  ),
  http('woo-v3-signed-order', 'WOO X v3: signed order', wooV3Order, wooSign('/v3/'), OK),
  http(
    'woo-v3-skewed-timestamp',
    'WOO X v3: clock 400 s ahead (-1002)',
    wooV3Order,
    wooSign('/v3/', { skewMs: 400_000 }),
    wooFinding('-1002'),
  ),
  http(
    'woo-v3-lowercase-method',
    'WOO X v3: method signed in lower case (-1001)',
    wooV3Order,
    wooSign('/v3/', { mistake: 'method-lowercase' }),
    wooFinding('-1001'),
  ),
  binanceOrder(
    'binance-signed-order',
    'signing',
    'Binance Spot: signed order',
    '0.001',
    BINANCE_SIGN,
    OK,
  ),
  binanceOrder(
    'binance-skewed-timestamp',
    'signing',
    'Binance Spot: clock 10 s behind (-1021)',
    '0.001',
    { ...BINANCE_SIGN, skewMs: -10_000 },
    {
      status: 400,
      findings: [
        binanceFinding('-1021', 'Timestamp for this request is outside of the recvWindow.'),
      ],
    },
  ),
  binanceOrder(
    'binance-wrong-secret',
    'signing',
    'Binance Spot: signed with the wrong secret (-1022)',
    '0.001',
    { ...BINANCE_SIGN, secret: 'not-the-binance-secret' },
    {
      status: 400,
      findings: [binanceFinding('-1022', 'Signature for this request is not valid.')],
    },
  ),
  bybitOrder('bybit-signed-order', 'signing', 'Bybit: signed order', '0.001', BYBIT_SIGN, []),
  bybitOrder(
    'bybit-skewed-timestamp',
    'signing',
    'Bybit: clock 10 s behind (10002)',
    '0.001',
    { ...BYBIT_SIGN, skewMs: -10_000 },
    [bybitFinding('10002')],
  ),
  bybitOrder(
    'bybit-recv-window-unsigned',
    'signing',
    'Bybit: recv_window sent but not signed (10004)',
    '0.001',
    { ...BYBIT_SIGN, mistake: 'recv-window-left-out' },
    [bybitFinding('10004')],
  ),
];
