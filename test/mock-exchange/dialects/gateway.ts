// Mock exchange (Node): the gateway's Binance-style futures REST API (/api/gateway, /fapi).
// Binance Spot's own /api/v3 is binance-spot.ts.
import { firstRejection } from '../checks.ts';
import type { MockHttpReply, MockHttpRequest } from '../http-io.ts';
import { INSTRUMENTS, type Instrument, priceAt } from '../market/instruments.ts';
import type { GatewayCheck, GatewaySignedRequest } from './gateway-checks.ts';
import {
  forcedGatewayError,
  gatewayError,
  gatewayErrorReply,
  gatewaySuccess,
} from './gateway-errors.ts';
import {
  type GatewayOrderBook,
  gatewayInstrument,
  isRejection,
  validateGatewayOrder,
  validateLeverage,
} from './gateway-orders.ts';
import type { HttpDialect } from './types.ts';

interface Route {
  signed: boolean;
  handle(request: MockHttpRequest, orders: GatewayOrderBook): MockHttpReply;
}

function ticker(instrument: Instrument, now: number) {
  return {
    symbol: instrument.gateway,
    price: priceAt(instrument, now / 1000).toFixed(1),
    time: now,
  };
}

const ROUTES: Readonly<Record<string, Route>> = {
  'GET /api/gateway/time': {
    signed: false,
    handle: ({ receivedAt }) => gatewaySuccess({ serverTime: receivedAt }),
  },
  'GET /fapi/v1/time': {
    signed: false,
    handle: ({ receivedAt }) => gatewaySuccess({ serverTime: receivedAt }),
  },
  'GET /fapi/v1/ping': { signed: false, handle: () => gatewaySuccess({}) },
  'GET /fapi/v1/exchangeInfo': {
    signed: false,
    handle: ({ receivedAt }) =>
      gatewaySuccess({
        timezone: 'UTC',
        serverTime: receivedAt,
        symbols: INSTRUMENTS.map((i) => ({
          symbol: i.gateway,
          status: 'TRADING',
          baseAsset: i.base,
          quoteAsset: 'USDT',
          pricePrecision: 1,
          quantityPrecision: 3,
        })),
      }),
  },
  'GET /fapi/v1/ticker/price': {
    signed: false,
    handle: ({ params, receivedAt }) => {
      if (params.symbol === undefined) {
        return gatewaySuccess(INSTRUMENTS.map((i) => ticker(i, receivedAt)));
      }
      const instrument = gatewayInstrument(params.symbol);
      return instrument
        ? gatewaySuccess(ticker(instrument, receivedAt))
        : gatewayErrorReply(gatewayError('-1120'));
    },
  },
  'POST /fapi/v1/order': {
    signed: true,
    handle: ({ params }, orders) => {
      const rejection = validateGatewayOrder(params);
      return rejection ? gatewayErrorReply(rejection) : gatewaySuccess(orders.place(params));
    },
  },
  'GET /fapi/v1/order': {
    signed: true,
    handle: ({ params }, orders) => {
      const order = orders.find(params.orderId);
      return order ? gatewaySuccess(order) : gatewayErrorReply(gatewayError('-2011'));
    },
  },
  'DELETE /fapi/v1/order': {
    signed: true,
    handle: ({ params }, orders) => {
      const result = orders.cancel(params.orderId);
      return isRejection(result) ? gatewayErrorReply(result) : gatewaySuccess(result);
    },
  },
  'POST /fapi/v1/leverage': {
    signed: true,
    handle: ({ params }) => {
      const rejection = validateLeverage(params);
      if (rejection) return gatewayErrorReply(rejection);
      return gatewaySuccess({
        symbol: params.symbol,
        leverage: Number(params.leverage),
        maxNotionalValue: '1000000',
      });
    },
  },
};

/** A body the gateway cannot read: it only takes form fields and JSON. */
function badContentType(request: MockHttpRequest): boolean {
  if (request.body === '') return false;
  const type = request.headers['content-type'] ?? '';
  return !type.includes('application/json') && !type.includes('x-www-form-urlencoded');
}

export function createGatewayDialect(
  checks: readonly GatewayCheck[],
  orders: GatewayOrderBook,
): HttpDialect {
  return {
    name: 'gateway',
    owns: (path) => path.startsWith('/api/gateway/') || path.startsWith('/fapi/'),
    async handle(request) {
      const forced = forcedGatewayError(request.params.mock);
      if (forced) return gatewayErrorReply(forced);
      const route = ROUTES[`${request.method} ${request.path}`];
      if (!route) return gatewayErrorReply(gatewayError('-1004'));
      if (badContentType(request)) return gatewayErrorReply(gatewayError('-1005'));
      if (route.signed) {
        const { authorization, 'x-mbx-apikey': apiKey } = request.headers;
        const signed: GatewaySignedRequest = {
          transport: 'rest',
          method: request.method,
          target: request.target,
          body: request.body,
          params: request.params,
          receivedAt: request.receivedAt,
          ...(authorization !== undefined ? { authorization } : {}),
          ...(apiKey !== undefined ? { apiKey } : {}),
        };
        const rejection = await firstRejection(checks, signed);
        if (rejection) return gatewayErrorReply(rejection);
      }
      return route.handle(request, orders);
    },
  };
}
