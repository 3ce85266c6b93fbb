// Bench input: a deterministic HAR of about the size asked, shaped like a long trading session
// saved from DevTools: a few sockets of the three exchanges carrying the detector benchmark's
// market frames (1% error envelopes, some gzip-compressed binary frames as HTX and older OKX
// streams send), half of them with our export's close frames and source, and signed HTTP
// requests every few hundred frames, a third of them rejected.
import { gzipSync } from 'node:zlib';
import { generateFrames } from '../generate-frames.ts';

export interface GeneratedHar {
  text: string;
  bytes: number;
  entries: number;
  frames: number;
  compressedFrames: number;
  httpEntries: number;
  httpErrors: number;
}

const T0 = Date.UTC(2026, 0, 5, 9, 30, 0, 0);
const FRAME_MS = 3;
const HTTP_EVERY = 300;
const GZIP_EVERY = 150;
const FRAMES_PER_BATCH = 20_000;

const HTTP_ERRORS = [
  {
    url: 'http://119.8.50.236:8088/fapi/v1/order',
    status: 400,
    body: '{"code":-1021,"msg":"Timestamp for this request is outside of the recvWindow."}',
  },
  {
    url: 'https://www.okx.com/api/v5/trade/order',
    status: 200,
    body: '{"code":"1","msg":"All operations failed","data":[{"clOrdId":"","ordId":"","sCode":"51008","sMsg":"Order failed. Insufficient USDT balance in account.","tag":""}]}',
  },
  {
    url: 'https://api.woox.io/v1/order',
    status: 429,
    body: '{"success":false,"code":-1003,"message":"Rate limit exceed."}',
  },
];
const HTTP_OK = {
  url: 'http://119.8.50.236:8088/fapi/v1/ticker/price?symbol=BTCUSDT',
  status: 200,
  body: '{"code":0,"msg":"success","data":{"symbol":"BTCUSDT","price":"64012.10"}}',
};

function httpEntry(at: number, n: number) {
  const reply = n % 3 === 0 ? HTTP_ERRORS[(n / 3) % HTTP_ERRORS.length] : HTTP_OK;
  const { url, status, body } = reply ?? HTTP_OK;
  return {
    startedDateTime: new Date(at).toISOString(),
    time: 41.2,
    request: {
      method: 'POST',
      url,
      httpVersion: 'http/1.1',
      cookies: [],
      headers: [
        {
          name: 'X-MBX-APIKEY',
          value: 'vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A',
        },
        { name: 'Content-Type', value: 'application/x-www-form-urlencoded' },
      ],
      queryString: [],
      postData: {
        mimeType: 'application/x-www-form-urlencoded',
        text: `symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=1&price=64000&timestamp=${at}&signature=c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71`,
      },
      headersSize: -1,
      bodySize: 160,
    },
    response: {
      status,
      statusText: '',
      httpVersion: 'http/1.1',
      cookies: [],
      headers: [{ name: 'Content-Type', value: 'application/json' }],
      content: { size: body.length, mimeType: 'application/json', text: body },
      redirectURL: '',
      headersSize: -1,
      bodySize: -1,
    },
    cache: {},
    timings: { send: 0.1, wait: 41, receive: 0.1 },
    _resourceType: 'fetch',
  };
}

/** A HAR of roughly `targetBytes`, the same for the same seed. */
export function generateHar(targetBytes: number, seed = 42): GeneratedHar {
  const sockets = new Map<string, { start: number; messages: unknown[] }>();
  const http: unknown[] = [];
  let bytes = 0;
  let frames = 0;
  let compressedFrames = 0;
  let httpErrors = 0;
  for (let batch = 0; bytes < targetBytes; batch++) {
    const { events } = generateFrames({
      frames: FRAMES_PER_BATCH,
      seed: seed + batch,
      maxBytes: 16_000,
    });
    for (const event of events) {
      if (bytes >= targetBytes) break;
      const at = T0 + frames * FRAME_MS;
      const text = event.data as string;
      let socket = sockets.get(event.url);
      if (!socket) {
        socket = { start: at, messages: [] };
        sockets.set(event.url, socket);
        const subscribe = '{"op":"subscribe","args":[{"channel":"books","instId":"BTC-USDT"}]}';
        socket.messages.push({ type: 'send', time: at / 1000, opcode: 1, data: subscribe });
      }
      const gzip = frames % GZIP_EVERY === 0;
      const data = gzip ? gzipSync(text).toString('base64') : text;
      socket.messages.push({ type: 'receive', time: (at + 1) / 1000, opcode: gzip ? 2 : 1, data });
      if (gzip) compressedFrames++;
      // As the file will hold it: quotes escaped, plus the message's own fields.
      bytes += JSON.stringify(data).length + 50;
      frames++;
      if (frames % HTTP_EVERY === 0) {
        const n = http.length;
        if (n % 3 === 0) httpErrors++;
        const entry = httpEntry(at, n);
        bytes += JSON.stringify(entry).length;
        http.push(entry);
      }
    }
  }
  const end = T0 + frames * FRAME_MS;
  const socketEntries = [...sockets].map(([url, socket], i) => ({
    startedDateTime: new Date(socket.start).toISOString(),
    time: end - socket.start,
    request: {
      method: 'GET',
      url,
      httpVersion: 'http/1.1',
      cookies: [],
      headers: [],
      queryString: [],
      headersSize: -1,
      bodySize: 0,
    },
    response: {
      status: 101,
      statusText: 'Switching Protocols',
      httpVersion: 'http/1.1',
      cookies: [],
      headers: [],
      content: { size: 0, mimeType: '' },
      redirectURL: '',
      headersSize: -1,
      bodySize: -1,
    },
    cache: {},
    timings: { send: 0, wait: 0, receive: 0 },
    _resourceType: 'websocket',
    _webSocketMessages: socket.messages,
    // Half the sockets as our export writes them: seen by the wrapper, with their close frame.
    ...(i % 2 === 0
      ? {
          _source: 'wrapper',
          _socket: i + 1,
          _document: 'bench-doc',
          _frameId: 0,
          _webSocketOpen: { time: socket.start / 1000 },
          _webSocketClose: {
            time: end / 1000,
            code: 4004,
            reason: 'No data received in 30s',
            wasClean: true,
          },
        }
      : {}),
  }));
  const entries = [...socketEntries, ...http];
  const text = JSON.stringify({
    log: {
      version: '1.2',
      creator: { name: 'WebInspector', version: '537.36' },
      pages: [],
      entries,
    },
  });
  return {
    text,
    bytes: Buffer.byteLength(text),
    entries: entries.length,
    frames,
    compressedFrames,
    httpEntries: http.length,
    httpErrors,
  };
}
