// Mock exchange (shared): console buttons of OKX: WebSocket ops and errors, REST orders.
import { MOCK_CREDENTIALS } from '../credentials.ts';
import type { ExpectedFinding, Scenario, ScenarioSigning } from './types.ts';

const PUBLIC = '/ws/v5/public';
const PRIVATE = '/ws/v5/private';

function subscribe(...args: Record<string, string>[]): string {
  return JSON.stringify({ op: 'subscribe', args });
}

function login(
  fields: Partial<Record<'apiKey' | 'passphrase' | 'timestamp' | 'sign', string>> = {},
): string {
  return JSON.stringify({
    op: 'login',
    args: [
      {
        apiKey: MOCK_CREDENTIALS.okxApiKey,
        passphrase: MOCK_CREDENTIALS.okxPassphrase,
        timestamp: '{{nowSec}}',
        sign: `{{okxSign:${MOCK_CREDENTIALS.okxSecret}}}`,
        ...fields,
      },
    ],
  });
}

function wsEvent(code: string): ExpectedFinding {
  return { code, entry: `okx:ws-message:${code}` };
}

const LOGIN_FAILED: ExpectedFinding = { code: '4001', entry: 'okx:close-frame:4001' };

function ws(
  id: string,
  label: string,
  path: string,
  send: string[],
  until: number | 'close',
  findings: ExpectedFinding[],
): Scenario {
  return { kind: 'ws', id, group: 'okx-ws', label, path, send, until, expect: { findings } };
}

/** OKX REST's /trade endpoints: OK-ACCESS-* headers, signed per the `okx` recipe. */
export const OKX_SIGN: ScenarioSigning = {
  recipe: 'okx',
  key: MOCK_CREDENTIALS.okxApiKey,
  secret: MOCK_CREDENTIALS.okxSecret,
  passphrase: MOCK_CREDENTIALS.okxPassphrase,
};

const BTC = { instId: 'BTC-USDT' };
export const OKX_ORDER = {
  instId: 'BTC-USDT',
  tdMode: 'cash',
  side: 'buy',
  ordType: 'limit',
  px: '64000',
  sz: '0.01',
};
const ORDER = OKX_ORDER;
const TOO_BIG = { ...ORDER, sz: '1000' };

function rest(
  id: string,
  label: string,
  method: 'GET' | 'POST',
  path: string,
  body: unknown,
  status: number,
  findings: ExpectedFinding[],
): Scenario {
  return {
    kind: 'http',
    id,
    group: 'okx-rest',
    label,
    method,
    path,
    ...(body === undefined
      ? {}
      : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    ...(path.startsWith('/api/v5/trade/') ? { sign: OKX_SIGN } : {}),
    expect: { status, findings },
  };
}

export const OKX_SCENARIOS: Scenario[] = [
  ws(
    'okx-subscribe',
    'Subscribe tickers BTC-USDT',
    PUBLIC,
    [subscribe({ channel: 'tickers', ...BTC })],
    3,
    [],
  ),
  ws(
    'okx-books',
    'Subscribe books BTC-USDT',
    PUBLIC,
    [subscribe({ channel: 'books', ...BTC })],
    2,
    [],
  ),
  ws('okx-ping', '"ping" -> "pong"', PUBLIC, ['ping'], 1, []),
  ws(
    'okx-bad-channel',
    'Unknown channel (60018)',
    PUBLIC,
    [subscribe({ channel: 'tickerz', ...BTC })],
    1,
    [wsEvent('60018')],
  ),
  ws(
    'okx-gzip-bad-channel',
    'Unknown channel, every frame gzip-compressed (60018)',
    `${PUBLIC}?compress=gzip`,
    [subscribe({ channel: 'tickerz', ...BTC })],
    1,
    [wsEvent('60018')],
  ),
  ws(
    'okx-empty-instid',
    'Subscribe without instId (60027)',
    PUBLIC,
    [subscribe({ channel: 'tickers' })],
    1,
    [wsEvent('60027')],
  ),
  ws(
    'okx-bad-request',
    'Malformed request (60012)',
    PUBLIC,
    [JSON.stringify({ op: 'subscribe', argss: [{ channel: 'tickers', ...BTC }] })],
    1,
    [wsEvent('60012')],
  ),
  ws(
    'okx-bad-op',
    'Unknown op (60019)',
    PUBLIC,
    [JSON.stringify({ op: 'subscrib', args: [{ channel: 'tickers', ...BTC }] })],
    1,
    [wsEvent('60019')],
  ),
  ws(
    'okx-wrong-url',
    'Private channel on the public URL (60008)',
    PUBLIC,
    [subscribe({ channel: 'orders', instType: 'ANY' })],
    1,
    [wsEvent('60008')],
  ),
  ws(
    'okx-business-channel',
    'Candles on the public URL (64001)',
    PUBLIC,
    [subscribe({ channel: 'candle1m', ...BTC })],
    1,
    [wsEvent('64001')],
  ),
  ws(
    'okx-private-unauthenticated',
    'Private channel before login (60011)',
    PRIVATE,
    [subscribe({ channel: 'orders', instType: 'ANY' })],
    1,
    [wsEvent('60011')],
  ),
  ws(
    'okx-login',
    'Login, then subscribe orders',
    PRIVATE,
    [login(), subscribe({ channel: 'orders', instType: 'ANY' })],
    2,
    [],
  ),
  ws(
    'okx-login-failure',
    'Login with a wrong sign (60009, close 4001)',
    PRIVATE,
    [login({ sign: '{{okxSign:not-the-secret}}' })],
    'close',
    [wsEvent('60009'), LOGIN_FAILED],
  ),
  ws(
    'okx-login-expired',
    'Login with a stale timestamp (60006, close 4001)',
    PRIVATE,
    [login({ timestamp: '{{staleSec}}' })],
    'close',
    [wsEvent('60006'), LOGIN_FAILED],
  ),
  ws(
    'okx-login-bad-timestamp',
    'Login with a malformed timestamp (60004, close 4001)',
    PRIVATE,
    [login({ timestamp: 'yesterday' })],
    'close',
    [wsEvent('60004'), LOGIN_FAILED],
  ),
  ws(
    'okx-ws-order-rejected',
    'Order op refused for balance (sCode 51008)',
    PRIVATE,
    [login(), JSON.stringify({ id: 'o1', op: 'order', args: [TOO_BIG] })],
    2,
    [{ code: '51008', entry: 'okx:rest:51008#0', path: 'data[0]' }],
  ),
  ws('okx-idle-close', 'Stay silent: idle close (4004)', `${PUBLIC}?idle=1500`, [], 'close', [
    { code: '4004', entry: 'okx:close-frame:4004' },
  ]),
  // On 127.0.0.1 no host names OKX, so the generic RFC 6455 row explains 1009 first.
  ws(
    'okx-oversized',
    'Oversized frame (close 1009)',
    PUBLIC,
    [subscribe({ channel: 'tickers', instId: '{{pad:10000}}' })],
    'close',
    [{ code: '1009', entry: 'rfc6455:close-frame:1009' }],
  ),

  rest(
    'okx-rest-ticker',
    'Ticker BTC-USDT',
    'GET',
    '/api/v5/market/ticker?instId=BTC-USDT',
    undefined,
    200,
    [],
  ),
  rest('okx-rest-order', 'Place an order', 'POST', '/api/v5/trade/order', ORDER, 200, []),
  rest(
    'okx-rest-bad-sz',
    'Order with sz -1 (51000)',
    'POST',
    '/api/v5/trade/order',
    { ...ORDER, sz: '-1' },
    400,
    [{ code: '51000', entry: 'okx:rest:51000' }],
  ),
  rest(
    'okx-batch-partial',
    'Batch: one placed, one refused (sCode 51008)',
    'POST',
    '/api/v5/trade/batch-orders',
    [ORDER, TOO_BIG],
    200,
    [{ code: '51008', entry: 'okx:rest:51008#0', path: 'data[1]' }],
  ),
];
