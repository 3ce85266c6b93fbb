// Bench (Node): the entries of bench/scan-bench/chromium-har.ts as Chromium's DevTools writes
// them (models/har/Log.ts): its keys in its order, the request and response headers Chrome
// sends and servers answer, initiators and timings, the exchanges' REST replies (the
// fixture's errors among them), the page's script bundle and image, and a socket's entry.
import { createRng } from '../prng.ts';

export const START = Date.parse('2026-11-20T09:14:03.493Z');

const header = (name: string, value: string) => ({ name, value });
const CHROME_REQUEST = [
  header('accept', 'application/json, text/plain, */*'),
  header('accept-encoding', 'gzip, deflate, br, zstd'),
  header('accept-language', 'en-GB,en-US;q=0.9,en;q=0.8'),
  header('origin', 'http://localhost:5173'),
  header('priority', 'u=1, i'),
  header('referer', 'http://localhost:5173/'),
  header('sec-ch-ua', '"Chromium";v="156", "Not.A/Brand";v="24"'),
  header('sec-ch-ua-mobile', '?0'),
  header('sec-ch-ua-platform', '"Linux"'),
  header('sec-fetch-dest', 'empty'),
  header('sec-fetch-mode', 'cors'),
  header('sec-fetch-site', 'cross-site'),
  header(
    'user-agent',
    'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36',
  ),
];

function responseHeaders(mimeType: string, length: number) {
  return [
    header('cache-control', 'no-cache, no-store, must-revalidate'),
    header('content-length', String(length)),
    header('content-type', mimeType),
    header('date', 'Fri, 20 Nov 2026 09:14:03 GMT'),
    header('server', 'nginx'),
    header('strict-transport-security', 'max-age=31536000; includeSubDomains'),
    header('vary', 'Accept-Encoding'),
    header('x-content-type-options', 'nosniff'),
  ];
}

export interface Reply {
  method: string;
  url: string;
  status: number;
  body: string;
}

// What a trading page asks of the exchanges, and what they answer (the fixture's errors too).
export const REPLIES: Reply[] = [
  {
    method: 'GET',
    url: 'https://www.okx.com/api/v5/public/time',
    status: 200,
    body: '{"code":"0","msg":"","data":[{"ts":"1795684444000"}]}',
  },
  {
    method: 'GET',
    url: 'https://www.okx.com/api/v5/account/balance?ccy=USDT',
    status: 200,
    body: '{"code":"0","data":[{"adjEq":"","totalEq":"10412.55","details":[{"ccy":"USDT","availBal":"10412.55","eq":"10412.55"}]}],"msg":""}',
  },
  {
    method: 'POST',
    url: 'https://www.okx.com/api/v5/trade/batch-orders',
    status: 200,
    body: '{"code":"1","msg":"","data":[{"clOrdId":"","ordId":"","sCode":"51008","sMsg":"Order failed. Insufficient USDT balance in account.","tag":""}]}',
  },
  {
    method: 'GET',
    url: 'http://119.8.50.236:8088/api/gateway/time',
    status: 200,
    body: '{"serverTime":1795684443493}',
  },
  {
    method: 'POST',
    url: 'http://119.8.50.236:8088/fapi/v1/order',
    status: 400,
    body: '{"code":-1022,"msg":"Signature for this request is not valid."}',
  },
  {
    method: 'GET',
    url: 'https://api.woox.io/v1/public/info/SPOT_BTC_USDT',
    status: 200,
    body: '{"success":true,"info":{"symbol":"SPOT_BTC_USDT","quote_min":0,"quote_max":100000,"quote_tick":0.01,"base_min":0.00001,"base_max":20,"base_tick":0.00001,"min_notional":1}}',
  },
  {
    method: 'POST',
    url: 'https://api.woox.io/v1/order',
    status: 400,
    body: '{"success":false,"code":-1102,"message":"The order value (price * size) is too small."}',
  },
];

export function restEntry(reply: Reply, at: number) {
  return {
    _connectionId: String(40_000 + (at % 97)),
    _initiator: {
      type: 'script',
      stack: {
        callFrames: [
          {
            functionName: 'request',
            scriptId: '61',
            url: 'http://localhost:5173/assets/index-5d1c3e.js',
            lineNumber: 41,
            columnNumber: 22,
          },
        ],
      },
    },
    _priority: 'High',
    _resourceType: 'fetch',
    cache: {},
    connection: '443',
    pageref: 'page_1',
    request: {
      method: reply.method,
      url: reply.url,
      httpVersion: 'http/2.0',
      headers: [...CHROME_REQUEST, header('x-request-id', `${at}-b7f1`)],
      queryString: [],
      cookies: [],
      headersSize: -1,
      bodySize: reply.method === 'POST' ? 96 : 0,
      ...(reply.method === 'POST'
        ? {
            postData: {
              mimeType: 'application/json',
              text: '{"instId":"BTC-USDT","tdMode":"cash","side":"buy","ordType":"limit","px":"65000","sz":"0.01"}',
            },
          }
        : {}),
    },
    response: {
      status: reply.status,
      statusText: '',
      httpVersion: 'http/2.0',
      headers: responseHeaders('application/json', reply.body.length),
      cookies: [],
      content: { size: reply.body.length, mimeType: 'application/json', text: reply.body },
      redirectURL: '',
      headersSize: -1,
      bodySize: -1,
      _transferSize: reply.body.length + 420,
      _error: null,
      _fetchedViaServiceWorker: false,
    },
    serverIPAddress: '104.18.26.43',
    startedDateTime: new Date(START + at * 250).toISOString(),
    time: 86.5,
    timings: {
      blocked: 1.2,
      dns: -1,
      ssl: -1,
      connect: -1,
      send: 0.2,
      wait: 84.6,
      receive: 0.5,
      _blocked_queueing: 0.9,
      _workerStart: -1,
      _workerReady: -1,
      _workerFetchStart: -1,
      _workerRespondWithSettled: -1,
    },
  };
}

/** The page's script bundle (minified code, quotes and escapes) and an image, as Chromium
 * saves them with content: text, and base64. */
export function assetEntries(seed: number) {
  const rng = createRng(seed);
  const words = [
    'function',
    'return',
    'const',
    'this',
    'props',
    'state',
    'render',
    'useEffect',
    'price',
    'order',
  ];
  const parts: string[] = [];
  for (let size = 0; size < 800_000; ) {
    const part = `${rng.pick(words)}("${rng.hex(6)}\\n",{a:${rng.int(0, 999)},b:'${rng.pick(words)}'});`;
    parts.push(part);
    size += part.length;
  }
  const script = parts.join('');
  const image = Buffer.from(Array.from({ length: 45_000 }, () => rng.int(0, 255))).toString(
    'base64',
  );
  const asset = (url: string, type: string, mimeType: string, content: object, length: number) => ({
    ...restEntry({ method: 'GET', url, status: 200, body: '' }, 0),
    _initiator: { type: 'parser', url: 'http://localhost:5173/', lineNumber: 12 },
    _resourceType: type,
    response: {
      ...restEntry({ method: 'GET', url, status: 200, body: '' }, 0).response,
      headers: responseHeaders(mimeType, length),
      content: { size: length, mimeType, ...content },
    },
  });
  return [
    asset(
      'http://localhost:5173/assets/index-5d1c3e.js',
      'script',
      'application/javascript',
      { text: script },
      script.length,
    ),
    asset(
      'http://localhost:5173/assets/logo.png',
      'image',
      'image/png',
      { text: image, encoding: 'base64' },
      45_000,
    ),
  ];
}

/** Sockets of one endpoint each; every frame written as Chromium logs it, with its counts. */
export function socketEntry(url: string, at: number) {
  return {
    _initiator: {
      type: 'script',
      stack: {
        callFrames: [
          {
            functionName: 'connect',
            scriptId: '64',
            url: 'http://localhost:5173/assets/index-5d1c3e.js',
            lineNumber: 88,
            columnNumber: 14,
          },
        ],
      },
    },
    _priority: 'Low',
    _resourceType: 'websocket',
    _webSocketMessages: ['MESSAGES'],
    cache: {},
    connection: '443',
    pageref: 'page_1',
    request: {
      method: 'GET',
      url,
      httpVersion: 'HTTP/1.1',
      headers: [
        header('Upgrade', 'websocket'),
        header('Sec-WebSocket-Version', '13'),
        ...CHROME_REQUEST.slice(6),
      ],
      queryString: [],
      cookies: [],
      headersSize: 611,
      bodySize: 0,
    },
    response: {
      status: 101,
      statusText: 'Switching Protocols',
      httpVersion: 'HTTP/1.1',
      headers: [header('Upgrade', 'websocket'), header('Connection', 'Upgrade')],
      cookies: [],
      content: { size: 0, mimeType: 'x-unknown' },
      redirectURL: '',
      headersSize: 231,
      bodySize: 0,
      _transferSize: 231,
      _error: null,
    },
    serverIPAddress: '104.18.26.43',
    startedDateTime: new Date(START + at * 250).toISOString(),
    time: 0,
    timings: {
      blocked: -1,
      dns: -1,
      ssl: -1,
      connect: -1,
      send: 0,
      wait: 0,
      receive: 0,
      _blocked_queueing: -1,
    },
  };
}
