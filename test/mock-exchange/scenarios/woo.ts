// Mock exchange (shared): console buttons of WOO X REST, among them several rows of the codes
// WOO documents with more than one message (-1005, -1101, -1000).
import { MOCK_CREDENTIALS } from '../credentials.ts';
import type { Scenario, ScenarioSigning } from './types.ts';

const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
/** x-api-key, x-api-signature and x-api-timestamp, signed per woo-v1 or woo-v3 by path. */
export function wooSign(path: string, fields: Partial<ScenarioSigning> = {}): ScenarioSigning {
  return {
    recipe: path.startsWith('/v3/') ? 'woo-v3' : 'woo-v1',
    key: MOCK_CREDENTIALS.wooApiKey,
    secret: MOCK_CREDENTIALS.wooSecret,
    ...fields,
  };
}
export const WOO_ORDER = 'symbol=SPOT_BTC_USDT&side=BUY&order_type=LIMIT&order_price=64000';
export const WOO_V3_ORDER = JSON.stringify({
  symbol: 'SPOT_ETH_USDT',
  side: 'SELL',
  type: 'LIMIT',
  price: '3400',
  quantity: '0.1',
});
const ORDER = WOO_ORDER;

function woo(
  id: string,
  label: string,
  method: 'GET' | 'POST' | 'DELETE',
  path: string,
  body: string | undefined,
  status: number,
  entry?: string,
  headers: Record<string, string> = FORM,
  sign: ScenarioSigning | null = method === 'GET' ? null : wooSign(path),
): Scenario {
  const findings =
    entry === undefined ? [] : [{ code: entry.split(':')[2]?.split('#')[0] ?? '', entry }];
  return {
    kind: 'http',
    id,
    group: 'woo-rest',
    label,
    method,
    path,
    ...(method === 'GET' ? {} : { headers }),
    ...(body === undefined ? {} : { body }),
    ...(sign ? { sign } : {}),
    expect: { status, findings },
  };
}

export const WOO_SCENARIOS: Scenario[] = [
  woo('woo-info', 'Symbols (v1)', 'GET', '/v1/public/info', undefined, 200),
  woo('woo-system-v3', 'System status (v3)', 'GET', '/v3/public/systemInfo', undefined, 200),
  woo('woo-order', 'Place an order (v1)', 'POST', '/v1/order', `${ORDER}&order_quantity=0.01`, 200),
  woo(
    'woo-v3-order',
    'Place an order (v3)',
    'POST',
    '/v3/trade/order',
    WOO_V3_ORDER,
    200,
    undefined,
    { 'content-type': 'application/json' },
  ),
  woo(
    'woo-rate-limit',
    'Rate limited (-1003, 429)',
    'GET',
    '/v1/public/info?mock=rate-limit',
    undefined,
    429,
    'woo:rest:-1003',
  ),
  woo(
    'woo-unknown-symbol',
    'Unknown symbol (-1000, "data does not exist")',
    'GET',
    '/v1/public/info/SPOT_NOPE_USDT',
    undefined,
    500,
    'woo:rest:-1000#1',
  ),
  woo(
    'woo-unauthorized',
    'Order without an API key (-1002, 401)',
    'POST',
    '/v1/order',
    `${ORDER}&order_quantity=0.01`,
    401,
    'woo:rest:-1002',
    FORM,
    wooSign('/v1/order', { key: '' }),
  ),
  woo(
    'woo-bad-signature',
    'Order with a malformed signature (-1001, 401)',
    'POST',
    '/v1/order',
    `${ORDER}&order_quantity=0.01`,
    401,
    'woo:rest:-1001',
    {
      ...FORM,
      'x-api-key': MOCK_CREDENTIALS.wooApiKey,
      'x-api-signature': 'abc',
      'x-api-timestamp': '{{now}}',
    },
    null,
  ),
  woo(
    'woo-unknown-param',
    'Order with an unknown parameter (-1004)',
    'POST',
    '/v1/order',
    `${ORDER}&order_quantity=0.01&leverage=5`,
    400,
    'woo:rest:-1004',
  ),
  woo(
    'woo-bad-param',
    'Order type LIMTI (-1005, wrong format)',
    'POST',
    '/v1/order',
    'symbol=SPOT_BTC_USDT&side=BUY&order_type=LIMTI&order_price=64000&order_quantity=0.01',
    400,
    'woo:rest:-1005#0',
  ),
  woo(
    'woo-size-filter',
    'Quantity off the step size (-1104)',
    'POST',
    '/v1/order',
    `${ORDER}&order_quantity=0.00015`,
    400,
    'woo:rest:-1104',
  ),
  woo(
    'woo-price-filter',
    'Price off the tick (-1103)',
    'POST',
    '/v1/order',
    'symbol=SPOT_BTC_USDT&side=BUY&order_type=LIMIT&order_price=64000.05&order_quantity=0.01',
    400,
    'woo:rest:-1103',
  ),
  woo(
    'woo-percentage-filter',
    'Price 23% above mid (-1105)',
    'POST',
    '/v1/order',
    'symbol=SPOT_BTC_USDT&side=BUY&order_type=LIMIT&order_price=80000&order_quantity=0.01',
    400,
    'woo:rest:-1105',
  ),
  woo(
    'woo-min-notional',
    'Order worth 6.4 USDT (-1102)',
    'POST',
    '/v1/order',
    `${ORDER}&order_quantity=0.0001`,
    400,
    'woo:rest:-1102',
  ),
  woo(
    'woo-margin',
    'Order worth 128k USDT (-1101, margin)',
    'POST',
    '/v1/order',
    `${ORDER}&order_quantity=2`,
    400,
    'woo:rest:-1101#1',
  ),
  woo(
    'woo-duplicate',
    'Reuse client_order_id 7 (-1007, 409)',
    'POST',
    '/v1/order',
    `${ORDER}&order_quantity=0.01&client_order_id=7`,
    409,
    'woo:rest:-1007',
  ),
  woo(
    'woo-cancel-missing',
    'Cancel an order that is gone (-1006)',
    'DELETE',
    '/v1/order?order_id=1&symbol=SPOT_BTC_USDT',
    undefined,
    400,
    'woo:rest:-1006',
  ),
  woo(
    'woo-liquidation-ratio',
    'Claim with ratio_qty_request 1.5 (-1005)',
    'POST',
    '/v1/liquidation',
    'liquidation_id=101&ratio_qty_request=1.5',
    400,
    'woo:rest:-1005#1',
  ),
  woo(
    'woo-liquidation-extra',
    'Claim with extra_liquidation_ratio 2 (-1005)',
    'POST',
    '/v1/liquidation',
    'liquidation_id=101&ratio_qty_request=1&extra_liquidation_ratio=2',
    400,
    'woo:rest:-1005#2',
  ),
  woo(
    'woo-liquidation-combo',
    'Claim with extra ratio and ratio 0.5 (-1005)',
    'POST',
    '/v1/liquidation',
    'liquidation_id=101&ratio_qty_request=0.5&extra_liquidation_ratio=0.2',
    400,
    'woo:rest:-1005#3',
  ),
  woo(
    'woo-liquidation-unknown',
    'Claim an unknown liquidation (-1202)',
    'POST',
    '/v1/liquidation',
    'liquidation_id=999&ratio_qty_request=1',
    400,
    'woo:rest:-1202#1',
  ),
];
