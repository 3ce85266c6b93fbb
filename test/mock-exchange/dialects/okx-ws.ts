// Mock exchange (Node): OKX WebSocket (/ws/v5/public, /private, /business): subscribe,
// unsubscribe, login and order ops with OKX's reply shapes, data pushes, "ping" -> "pong", and
// the close codes OKX uses (4004 idle, 4001 after a failed login, 1009 oversized frame).
// `?compress=gzip|deflate|deflate-raw` sends every frame compressed, as binary: what older OKX
// streams (raw deflate) and HTX/Huobi market data (gzip) do.
import { randomBytes } from 'node:crypto';
import { deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { WebSocket } from 'ws';
import { catalogueMessage } from '../catalogue-text.ts';
import { firstRejection } from '../checks.ts';
import type { Instrument } from '../market/instruments.ts';
import {
  type ChannelSpec,
  channelSpec,
  OKX_INST_TYPES,
  type OkxEndpoint,
  okxInstrument,
} from './okx-channels.ts';
import type { OkxLoginCheck, OkxWsRejection } from './okx-login.ts';
import { batchOutcome, type OkxOrderResult, placeOkxOrders } from './okx-orders.ts';
import type { WsDialect } from './types.ts';

export interface OkxWsOptions {
  /** Close with 4004 after this long without a frame from the client (OKX: 30 s). */
  idleMs: number;
  /** Interval of data pushes on subscribed channels. */
  pushMs: number;
  /** Frames from the client above this size close the socket with 1009. */
  maxFrameBytes: number;
  loginChecks: readonly OkxLoginCheck[];
  /** The mock's clock, which login timestamps are judged against. */
  now: () => number;
}

const ENDPOINTS: Readonly<Record<string, OkxEndpoint>> = {
  '/ws/v5/public': 'public',
  '/ws/v5/private': 'private',
  '/ws/v5/business': 'business',
};
const TRADE_OPS = ['order', 'batch-orders'];
const ECHO_LIMIT = 512;
const HIGH_WATER_BYTES = 1 << 20;

type Json = Record<string, unknown>;

interface Subscription {
  arg: Record<string, string>;
  spec: ChannelSpec;
  instrument: Instrument | undefined;
  seq: number;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringFields(value: Json): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [key, field] of Object.entries(value)) {
    if (typeof field === 'string') fields[key] = field;
  }
  return fields;
}

function wsError(code: string, values?: Record<string, string>): OkxWsRejection {
  return { code, msg: catalogueMessage(`okx:ws-message:${code}`, values) };
}

/** OKX echoes the offending request after "Invalid request: ". */
function invalidRequest(text: string): OkxWsRejection {
  return {
    code: '60012',
    msg: `${catalogueMessage('okx:ws-message:60012')}: ${text.slice(0, ECHO_LIMIT)}`,
  };
}

/** "channel:tickers1,instId:BTC-USDT", as OKX names a subscription it cannot find. */
function describeArg(arg: Record<string, string>): string {
  return Object.entries(arg)
    .map(([key, value]) => `${key}:${value}`)
    .join(',');
}

function subscriptionKey(arg: Record<string, string>): string {
  return describeArg(arg);
}

type Compression = 'gzip' | 'deflate' | 'deflate-raw';
const COMPRESSORS: Readonly<Record<Compression, (text: string) => Buffer>> = {
  gzip: (text) => gzipSync(text),
  deflate: (text) => deflateSync(text),
  'deflate-raw': (text) => deflateRawSync(text),
};

function compressParam(url: URL): Compression | undefined {
  const value = url.searchParams.get('compress');
  return value !== null && Object.hasOwn(COMPRESSORS, value) ? (value as Compression) : undefined;
}

function idleParam(url: URL): number | undefined {
  const text = url.searchParams.get('idle');
  const value = text === null ? Number.NaN : Number(text);
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

export function createOkxWsDialect(options: OkxWsOptions): WsDialect {
  return {
    name: 'okx-ws',
    owns: (path) => Object.hasOwn(ENDPOINTS, path),
    accept(socket, url) {
      const compress = compressParam(url);
      serveConnection(socket, ENDPOINTS[url.pathname] as OkxEndpoint, {
        ...options,
        idleMs: idleParam(url) ?? options.idleMs,
        ...(compress ? { compress } : {}),
      });
    },
  };
}

function serveConnection(
  socket: WebSocket,
  endpoint: OkxEndpoint,
  options: OkxWsOptions & { compress?: Compression },
): void {
  const connId = randomBytes(4).toString('hex');
  const compress = options.compress ? COMPRESSORS[options.compress] : undefined;
  const out = (text: string) => socket.send(compress ? compress(text) : text);
  const subscriptions = new Map<string, Subscription>();
  let loggedIn = false;
  // Messages are handled one after another: a login check may be async, and a client that
  // sends login then subscribe must see them answered in that order.
  let queue = Promise.resolve();

  const send = (value: unknown) => {
    if (socket.readyState === WebSocket.OPEN) out(JSON.stringify(value));
  };
  const sendError = (rejection: OkxWsRejection) =>
    send({ event: 'error', code: rejection.code, msg: rejection.msg, connId });

  const idle = setTimeout(
    () => socket.close(4004, catalogueMessage('okx:close-frame:4004')),
    options.idleMs,
  );
  const pushes = setInterval(() => {
    if (socket.bufferedAmount > HIGH_WATER_BYTES) return;
    for (const subscription of subscriptions.values()) push(subscription, false);
  }, options.pushMs);
  socket.on('close', () => {
    clearTimeout(idle);
    clearInterval(pushes);
  });

  function push(subscription: Subscription, first: boolean): void {
    const { spec, instrument, arg } = subscription;
    if (!spec.push || !instrument || socket.readyState !== WebSocket.OPEN) return;
    out(spec.push(arg, instrument, ++subscription.seq, first));
  }

  function rejectArg(arg: Record<string, string>): OkxWsRejection | undefined {
    const { channel } = arg;
    if (!channel) return wsError('60027', { '0': 'channel' });
    const spec = channelSpec(channel);
    if (!spec) return wsError('60018', { '0': describeArg(arg) });
    if (spec.endpoint !== endpoint) {
      if (spec.endpoint === 'business') return wsError('64001');
      if (endpoint === 'business') return wsError('64002');
      if (spec.endpoint === 'private') return wsError('60008', { '0': channel });
      return wsError('60018', { '0': describeArg(arg) });
    }
    if (spec.endpoint === 'private' && !loggedIn) return wsError('60011');
    if (spec.needs === 'instId') {
      if (!arg.instId) return wsError('60027', { '0': 'instId' });
      if (!okxInstrument(arg.instId)) return wsError('60018', { '0': describeArg(arg) });
    }
    if (spec.needs === 'instType') {
      if (!arg.instType) return wsError('60027', { '0': 'instType' });
      if (!OKX_INST_TYPES.includes(arg.instType)) {
        return wsError('60018', { '0': describeArg(arg) });
      }
    }
    return undefined;
  }

  function subscription(op: 'subscribe' | 'unsubscribe', args: unknown, text: string): void {
    if (!Array.isArray(args) || args.length === 0) {
      sendError(Array.isArray(args) ? wsError('60013') : invalidRequest(text));
      return;
    }
    for (const raw of args) {
      if (!isObject(raw)) {
        sendError(invalidRequest(text));
        continue;
      }
      const arg = stringFields(raw);
      if (op === 'unsubscribe') {
        subscriptions.delete(subscriptionKey(arg));
        send({ event: 'unsubscribe', arg, connId });
        continue;
      }
      const rejection = rejectArg(arg);
      if (rejection) {
        sendError(rejection);
        continue;
      }
      const spec = channelSpec(arg.channel as string) as ChannelSpec;
      const added: Subscription = { arg, spec, instrument: okxInstrument(arg.instId), seq: 0 };
      subscriptions.set(subscriptionKey(arg), added);
      send({ event: 'subscribe', arg, connId });
      push(added, true);
    }
  }

  async function login(args: unknown, text: string): Promise<void> {
    if (loggedIn) return sendError(wsError('60031'));
    const fields = Array.isArray(args) && args.length === 1 && isObject(args[0]) ? args[0] : {};
    const { apiKey, passphrase, timestamp, sign } = fields;
    if (
      typeof apiKey !== 'string' ||
      typeof passphrase !== 'string' ||
      typeof timestamp !== 'string' ||
      typeof sign !== 'string'
    ) {
      return sendError(invalidRequest(text));
    }
    const request = { apiKey, passphrase, timestamp, sign, receivedAt: options.now() };
    const rejection = await firstRejection(options.loginChecks, request);
    if (rejection) {
      sendError(rejection);
      socket.close(4001, catalogueMessage('okx:close-frame:4001'));
      return;
    }
    loggedIn = true;
    send({ event: 'login', code: '0', msg: '', connId });
  }

  function trade(op: string, request: Json): void {
    if (endpoint !== 'private' || !loggedIn) {
      sendError(wsError(endpoint !== 'private' ? '60028' : '60011'));
      return;
    }
    const args = Array.isArray(request.args) ? request.args : [];
    const inTime = String(Date.now() * 1000);
    const results: OkxOrderResult[] = placeOkxOrders(op === 'order' ? args.slice(0, 1) : args);
    const outcome = batchOutcome(results);
    send({
      id: typeof request.id === 'string' ? request.id : '',
      op,
      code: outcome.code,
      msg: outcome.msg,
      data: results,
      inTime,
      outTime: String(Date.now() * 1000),
    });
  }

  async function handle(text: string): Promise<void> {
    let request: unknown;
    try {
      request = JSON.parse(text);
    } catch {
      return sendError(invalidRequest(text));
    }
    if (!isObject(request) || typeof request.op !== 'string' || request.op === '') {
      return sendError(invalidRequest(text));
    }
    const { op } = request;
    if (op === 'subscribe' || op === 'unsubscribe') return subscription(op, request.args, text);
    if (op === 'login') return login(request.args, text);
    if (TRADE_OPS.includes(op)) return trade(op, request);
    sendError(wsError('60019', { op }));
  }

  socket.on('message', (data, isBinary) => {
    idle.refresh();
    const bytes = Array.isArray(data)
      ? data.reduce((sum, part) => sum + part.length, 0)
      : (data as Buffer | ArrayBuffer).byteLength;
    if (bytes > options.maxFrameBytes) {
      socket.close(1009, catalogueMessage('okx:close-frame:1009'));
      return;
    }
    const text = isBinary ? '' : String(data);
    if (text === 'ping') {
      out('pong');
      return;
    }
    queue = queue.then(() => handle(text)).catch(() => socket.close(1011));
  });
}
