// Mock exchange (Node): the gateway's Binance-style WebSocket API (/ws-api): requests
// {"id","method","params"}, replies {"id","status":200,"result"} or
// {"id","status":400,"error":{"code":-1021,"msg":"..."}}. Signed methods carry apiKey, timestamp
// and signature among their params, signed per the `binance` recipe over the params sorted by name.
import type { WebSocket } from 'ws';
import { firstRejection } from '../checks.ts';
import { INSTRUMENTS } from '../market/instruments.ts';
import type { GatewayCheck } from './gateway-checks.ts';
import { type GatewayRejection, gatewayError } from './gateway-errors.ts';
import {
  type GatewayOrderBook,
  gatewayInstrument,
  isRejection,
  validateGatewayOrder,
} from './gateway-orders.ts';
import type { WsDialect } from './types.ts';

type Json = Record<string, unknown>;
type Outcome = { result: unknown } | { error: GatewayRejection };

interface Method {
  signed: boolean;
  run(params: Record<string, string>, orders: GatewayOrderBook, now: number): Outcome;
}

const RATE_LIMITS = [
  { rateLimitType: 'REQUEST_WEIGHT', interval: 'MINUTE', intervalNum: 1, limit: 2400, count: 1 },
];

const METHODS: Readonly<Record<string, Method>> = {
  ping: { signed: false, run: () => ({ result: {} }) },
  time: { signed: false, run: (_params, _orders, now) => ({ result: { serverTime: now } }) },
  'ticker.price': {
    signed: false,
    run: ({ symbol }) => {
      if (symbol === undefined) {
        return { result: INSTRUMENTS.map((i) => ({ symbol: i.gateway, price: String(i.price) })) };
      }
      const instrument = gatewayInstrument(symbol);
      return instrument
        ? { result: { symbol, price: String(instrument.price), time: Date.now() } }
        : { error: gatewayError('-1120') };
    },
  },
  'order.place': {
    signed: true,
    run: (params, orders) => {
      const rejection = validateGatewayOrder(params);
      return rejection ? { error: rejection } : { result: orders.place(params) };
    },
  },
  'order.status': {
    signed: true,
    run: ({ orderId }, orders) => {
      const order = orders.find(orderId);
      return order ? { result: order } : { error: gatewayError('-2011') };
    },
  },
  'order.cancel': {
    signed: true,
    run: ({ orderId }, orders) => {
      const result = orders.cancel(orderId);
      return isRejection(result) ? { error: result } : { result };
    },
  },
};

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** What Binance's WebSocket API signs: every parameter but the signature, sorted by name, as
 * k=v joined with &; here with the signature too, which readSignedRequest takes out again. */
function signedTarget(params: Record<string, string>): string {
  const pairs = Object.keys(params)
    .sort()
    .map((key) => `${key}=${params[key]}`);
  return `/ws-api?${pairs.join('&')}`;
}

function scalarParams(value: Json): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (const [key, field] of Object.entries(value)) {
    if (typeof field === 'string' || typeof field === 'number' || typeof field === 'boolean') {
      params[key] = String(field);
    } else {
      return undefined;
    }
  }
  return params;
}

export function createGatewayWsApiDialect(
  checks: readonly GatewayCheck[],
  orders: GatewayOrderBook,
  now: () => number = Date.now,
): WsDialect {
  async function answer(text: string): Promise<Json> {
    let request: unknown;
    try {
      request = JSON.parse(text);
    } catch {
      return { id: null, error: gatewayError('-3001') };
    }
    if (!isObject(request)) return { id: null, error: gatewayError('-3001') };
    const id = typeof request.id === 'string' || typeof request.id === 'number' ? request.id : null;
    const name = request.method;
    const method =
      typeof name === 'string' && Object.hasOwn(METHODS, name) ? METHODS[name] : undefined;
    if (!method) return { id, error: gatewayError('-3002') };
    const params = scalarParams(isObject(request.params) ? request.params : {});
    if (!params) return { id, error: gatewayError('-3003') };
    const receivedAt = now();
    if (method.signed) {
      const rejection = await firstRejection(checks, {
        transport: 'ws-api',
        method: 'GET',
        target: signedTarget(params),
        body: '',
        params,
        receivedAt,
        ...(params.apiKey !== undefined ? { apiKey: params.apiKey } : {}),
      });
      if (rejection) return { id, error: rejection };
    }
    const outcome = method.run(params, orders, receivedAt);
    return 'error' in outcome ? { id, error: outcome.error } : { id, result: outcome.result };
  }

  function reply(socket: WebSocket, answered: Json): void {
    const error = answered.error as GatewayRejection | undefined;
    const body = error
      ? {
          id: answered.id,
          status: error.status,
          error: { code: Number(error.code), msg: error.msg },
        }
      : { id: answered.id, status: 200, result: answered.result, rateLimits: RATE_LIMITS };
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(body));
  }

  return {
    name: 'gateway-ws-api',
    owns: (path) => path === '/ws-api' || path === '/ws-fapi/v1',
    accept(socket) {
      let queue = Promise.resolve();
      socket.on('message', (data, isBinary) => {
        const text = isBinary ? '' : String(data);
        queue = queue.then(async () => reply(socket, await answer(text)));
      });
    },
  };
}
