// Bench (Node): a HAR as Chromium's DevTools exports a trading session ("Save all as HAR with
// content"), for npm run bench:scan: JSON.stringify(har, null, 2); entries with Chromium's keys
// in its order (models/har/Log.ts: _initiator, _priority, _resourceType, _webSocketMessages,
// cache, connection, pageref, request, response, ...), full request and response header lists,
// REST replies of the three exchanges (some errors), the page's script bundle and images, and
// long-lived sockets whose every frame sits in one entry, before its request: 12,000, 40,000
// and 170,000 frames (the last about 300 MB, past what an entry could be before). Written
// straight to disk; the expected counts come from the same core run on each record.
import { gzipSync } from 'node:zlib';
import { inflateFrame } from '../../src/cli/inflate-frame.ts';
import { eventsOfEntry } from '../../src/core/capture/har-entry.ts';
import { createDetector, type ObservedEvent } from '../../src/core/index.ts';
import { generateFrames } from '../generate-frames.ts';
import { createRng } from '../prng.ts';
import { BufferedFile, type WrittenCapture } from './captures.ts';

const detector = createDetector();
const SOCKET_FRAMES = [12_000, 40_000, 170_000];
const REST_PER_SOCKET = 40;
const START = Date.parse('2026-11-20T09:14:03.493Z');

async function findingsOf(event: ObservedEvent): Promise<number> {
  if (event.type === 'ws' && event.data instanceof Uint8Array) {
    const inflated = await inflateFrame(event.data);
    return detector.detect(inflated ? { ...event, data: inflated.text } : event).length;
  }
  return detector.detect(event).length;
}

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

interface Reply {
  method: string;
  url: string;
  status: number;
  body: string;
}

// What a trading page asks of the exchanges, and what they answer (the fixture's errors too).
const REPLIES: Reply[] = [
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

function restEntry(reply: Reply, at: number) {
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
function assetEntries(seed: number) {
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
async function socketPool(seed: number) {
  const stream = generateFrames({ frames: 16_000, seed, maxBytes: 20_000 });
  const byUrl = new Map<string, (typeof stream.events)[number][]>();
  for (const event of stream.events) byUrl.set(event.url, [...(byUrl.get(event.url) ?? []), event]);
  const sockets = [];
  for (const [url, frames] of byUrl) {
    if (frames.length < 400) continue;
    const messages = [];
    for (const [i, event] of frames.entries()) {
      const time = START / 1000 + i * 0.013;
      // Every 50th frame gzip-compressed binary, as some exchanges' market streams are.
      const binary = i % 50 === 7 && typeof event.data === 'string';
      const message = binary
        ? {
            type: 'receive',
            time,
            opcode: 2,
            data: gzipSync(event.data as string).toString('base64'),
          }
        : { type: event.direction, time, opcode: 1, data: event.data };
      const [{ event: logged } = { event }] = [
        ...eventsOfEntry({ request: { url }, _webSocketMessages: [message] }),
      ].slice(1);
      messages.push({
        text: JSON.stringify(message, null, 2).replace(/\n/g, '\n          '),
        findings: await findingsOf(logged),
      });
    }
    sockets.push({ url, messages });
  }
  return sockets;
}

function socketEntry(url: string, at: number) {
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

async function entryCounts(entry: unknown) {
  let events = 0;
  let findings = 0;
  for (const { event } of eventsOfEntry(entry)) {
    events++;
    findings += await findingsOf(event);
  }
  return { events, findings };
}

const indented = (entry: unknown) => JSON.stringify(entry, null, 2).replace(/\n/g, '\n      ');

export async function writeChromiumHar(
  path: string,
  bytes: number,
  seed: number,
): Promise<WrittenCapture> {
  const sockets = await socketPool(seed);
  const assets = assetEntries(seed);
  const file = new BufferedFile(path);
  file.write(
    '{\n  "log": {\n    "version": "1.2",\n    "creator": {\n      "name": "WebInspector",\n      "version": "537.36"\n    },\n    "pages": [\n      {\n        "startedDateTime": "2026-11-20T09:14:03.493Z",\n        "id": "page_1",\n        "title": "http://localhost:5173/",\n        "pageTimings": {\n          "onContentLoad": 412.7,\n          "onLoad": 693.1\n        }\n      }\n    ],\n    "entries": [\n',
  );
  let records = 0;
  let events = 0;
  let findings = 0;
  const add = async (entry: unknown) => {
    file.write(`${records++ > 0 ? ',\n' : ''}      ${indented(entry)}`);
    const counts = await entryCounts(entry);
    events += counts.events;
    findings += counts.findings;
  };
  for (const entry of assets) await add(entry);
  const avgMessage =
    sockets.flatMap((s) => s.messages).reduce((sum, m) => sum + m.text.length, 0) /
    sockets.reduce((n, s) => n + s.messages.length, 0);
  for (let block = 0; file.written < bytes; block++) {
    for (let i = 0; i < REST_PER_SOCKET; i++)
      await add(
        restEntry(REPLIES[(block * REST_PER_SOCKET + i) % REPLIES.length] as Reply, records),
      );
    const socket = sockets[block % sockets.length] as (typeof sockets)[number];
    const [head = '', tail = ''] = indented(socketEntry(socket.url, records)).split('"MESSAGES"');
    const room = Math.max(1, Math.floor((bytes - file.written) / avgMessage));
    const count = Math.min(SOCKET_FRAMES[block % SOCKET_FRAMES.length] as number, room);
    file.write(`,\n      ${head}`);
    for (let i = 0; i < count; i++) {
      const message = socket.messages[i % socket.messages.length] as {
        text: string;
        findings: number;
      };
      file.write(`${i > 0 ? ',\n          ' : ''}${message.text}`);
      findings += message.findings;
    }
    file.write(tail);
    records++;
    // The handshake's HTTP event, and each frame's.
    events += 1 + count;
  }
  file.write('\n    ]\n  }\n}\n');
  file.close();
  return { path, bytes: file.written, records, events, findings };
}
