// Mock exchange (shared): console buttons of Binance Spot's REST API (/api/v3). On 127.0.0.1 no
// host names the exchange: Binance's own words tell its replies from the gateway's.
import { documentedEntry } from '../catalogue-text.ts';
import { MOCK_CREDENTIALS } from '../credentials.ts';
import type { ExpectedFinding, HttpScenario, Scenario, ScenarioSigning } from './types.ts';

export const BINANCE_SIGN: ScenarioSigning = {
  recipe: 'binance',
  key: MOCK_CREDENTIALS.binanceApiKey,
  secret: MOCK_CREDENTIALS.binanceSecret,
};
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };
/** 0.001 BTC at 64 000: within the test account's 1 000 USDT. */
export const BINANCE_ORDER = 'symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&price=64000';

/** The Binance row whose documented words the mock sends for the code. */
export function binanceFinding(code: string, words: string): ExpectedFinding {
  return { code, entry: documentedEntry('binance', code, words).id };
}

export function binanceOrder(
  id: string,
  group: Scenario['group'],
  label: string,
  quantity: string,
  sign: ScenarioSigning,
  expect: HttpScenario['expect'],
): HttpScenario {
  return {
    kind: 'http',
    id,
    group,
    label,
    method: 'POST',
    path: '/api/v3/order',
    headers: FORM,
    body: `${BINANCE_ORDER}&quantity=${quantity}`,
    sign,
    expect,
  };
}

function get(id: string, label: string, path: string, expect: HttpScenario['expect']): Scenario {
  return { kind: 'http', id, group: 'binance-rest', label, method: 'GET', path, expect };
}

export const BINANCE_SCENARIOS: Scenario[] = [
  get('binance-time', 'Server time', '/api/v3/time', { status: 200, findings: [] }),
  get('binance-ticker', 'Ticker BTCUSDT', '/api/v3/ticker/price?symbol=BTCUSDT', {
    status: 200,
    findings: [],
  }),
  get('binance-bad-symbol', 'Unknown symbol (-1121)', '/api/v3/ticker/price?symbol=NOPE', {
    status: 400,
    findings: [binanceFinding('-1121', 'Invalid symbol.')],
  }),
  binanceOrder('binance-order', 'binance-rest', 'Place an order', '0.001', BINANCE_SIGN, {
    status: 200,
    findings: [],
  }),
  binanceOrder(
    'binance-insufficient-balance',
    'binance-rest',
    'Order over the balance (-2010)',
    '1',
    BINANCE_SIGN,
    {
      status: 400,
      findings: [binanceFinding('-2010', 'Account has insufficient balance for requested action.')],
    },
  ),
  binanceOrder(
    'binance-lot-size',
    'binance-rest',
    'Quantity off the lot size (-1013)',
    '0.0000015',
    BINANCE_SIGN,
    { status: 400, findings: [binanceFinding('-1013', 'Filter failure: LOT_SIZE')] },
  ),
  binanceOrder(
    'binance-unknown-key',
    'binance-rest',
    'Unknown API key (-2015)',
    '0.001',
    { ...BINANCE_SIGN, key: 'not-a-binance-key' },
    {
      status: 401,
      findings: [binanceFinding('-2015', 'Invalid API-key, IP, or permissions for action.')],
    },
  ),
];
