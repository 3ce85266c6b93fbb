// Mock exchange (Node): WOO X REST (/v1 form-encoded, /v3 JSON): {"success":true,...} or
// {"success":false,"code":-1005,"message":"..."} with the HTTP status of the error's row.
import { firstRejection } from '../checks.ts';
import type { MockHttpReply, MockHttpRequest } from '../http-io.ts';
import type { HttpDialect } from './types.ts';
import type { WooCheck } from './woo-checks.ts';
import { forcedWooError, type WooRejection, wooError, wooErrorReply } from './woo-errors.ts';
import {
  createWooOrderBook,
  unknownV1Field,
  validateLiquidationClaim,
  validateWooOrder,
  WOO_SYMBOLS,
  type WooOrderBook,
  type WooOrderFields,
  type WooSymbolRules,
  wooSymbol,
} from './woo-orders.ts';

interface Route {
  signed: boolean;
  handle(request: MockHttpRequest, orders: WooOrderBook): MockHttpReply;
}

function success(body: Record<string, unknown>): MockHttpReply {
  return { status: 200, body: { success: true, ...body } };
}

function symbolInfo(rules: WooSymbolRules) {
  const { instrument } = rules;
  return {
    symbol: instrument.woo,
    quote_min: 0,
    quote_max: instrument.price * 10,
    quote_tick: rules.quoteTick,
    base_min: rules.baseTick,
    base_max: 1000,
    base_tick: rules.baseTick,
    min_notional: rules.minNotional,
    price_range: rules.priceRange,
    created_time: '1575441595.65',
    updated_time: '1575441595.65',
  };
}

function placeOrder(order: WooOrderFields, orders: WooOrderBook): number | WooRejection {
  const rejection = validateWooOrder(order);
  return rejection ?? orders.place(order);
}

const ROUTES: Readonly<Record<string, Route>> = {
  'GET /v1/public/info': {
    signed: false,
    handle: () => success({ rows: WOO_SYMBOLS.map(symbolInfo) }),
  },
  // WOO X has no time endpoint: the signing helper reads this reply's timestamp as the clock.
  'GET /v1/public/system_info': {
    signed: false,
    handle: ({ receivedAt }) =>
      success({
        data: { status: 0, msg: 'System is functioning properly.' },
        timestamp: receivedAt,
      }),
  },
  'GET /v3/public/systemInfo': {
    signed: false,
    handle: ({ receivedAt }) =>
      success({
        data: { status: 0, msg: 'System is functioning properly.' },
        timestamp: receivedAt,
      }),
  },
  'POST /v1/order': {
    signed: true,
    handle: ({ params, receivedAt }, orders) => {
      const unknown = unknownV1Field(params);
      if (unknown) return wooErrorReply(unknown);
      const placed = placeOrder(params, orders);
      if (typeof placed !== 'number') return wooErrorReply(placed);
      return success({
        order_id: placed,
        client_order_id: Number(params.client_order_id ?? 0),
        order_type: params.order_type,
        order_price: Number(params.order_price ?? 0),
        order_quantity: Number(params.order_quantity),
        order_amount: null,
        timestamp: (receivedAt / 1000).toFixed(3),
      });
    },
  },
  'DELETE /v1/order': {
    signed: true,
    handle: ({ params }, orders) => {
      const rejection = orders.cancel(params.order_id);
      return rejection ? wooErrorReply(rejection) : success({ status: 'CANCEL_SENT' });
    },
  },
  'POST /v1/liquidation': {
    signed: true,
    handle: ({ params }) => {
      const rejection = validateLiquidationClaim(params);
      return rejection
        ? wooErrorReply(rejection)
        : success({ liquidation_id: Number(params.liquidation_id), status: 'CLAIMED' });
    },
  },
  'POST /v3/trade/order': {
    signed: true,
    handle: ({ params, receivedAt }, orders) => {
      const order: WooOrderFields = {};
      if (params.symbol !== undefined) order.symbol = params.symbol;
      if (params.side !== undefined) order.side = params.side;
      if (params.type !== undefined) order.order_type = params.type;
      if (params.price !== undefined) order.order_price = params.price;
      if (params.quantity !== undefined) order.order_quantity = params.quantity;
      if (params.clientOrderId !== undefined) order.client_order_id = params.clientOrderId;
      const placed = placeOrder(order, orders);
      if (typeof placed !== 'number') return wooErrorReply(placed);
      return success({
        data: { orderId: placed, clientOrderId: Number(params.clientOrderId ?? 0) },
        timestamp: receivedAt,
      });
    },
  },
};

/** GET /v1/public/info/<symbol>: WOO's "data does not exist" row for an unknown symbol. */
function symbolRoute(request: MockHttpRequest): MockHttpReply | undefined {
  const prefix = '/v1/public/info/';
  if (request.method !== 'GET' || !request.path.startsWith(prefix)) return undefined;
  const rules = wooSymbol(decodeURIComponent(request.path.slice(prefix.length)));
  return rules ? success({ info: symbolInfo(rules) }) : wooErrorReply(wooError('woo:rest:-1000#1'));
}

export function createWooDialect(checks: readonly WooCheck[]): HttpDialect {
  const orders = createWooOrderBook();
  return {
    name: 'woo',
    owns: (path) => path.startsWith('/v1/') || path.startsWith('/v3/'),
    async handle(request) {
      const forced = forcedWooError(request.params.mock);
      if (forced) return wooErrorReply(forced);
      const bySymbol = symbolRoute(request);
      if (bySymbol) return bySymbol;
      const route = ROUTES[`${request.method} ${request.path}`];
      if (!route) return wooErrorReply(wooError('woo:rest:-1000#1'));
      if (route.signed) {
        const rejection = await firstRejection(checks, request);
        if (rejection) return wooErrorReply(rejection);
      }
      return route.handle(request, orders);
    },
  };
}
