// Mock exchange (Node): Binance Spot's REST API under /api/v3, as Binance answers: bare JSON on
// success ({"serverTime":..}, an order ack), {"code":-1013,"msg":"Filter failure: LOT_SIZE"} with
// HTTP 400 (401 for keys) on error. Signed endpoints are verified with the `binance` recipe.
import { firstRejection } from '../checks.ts';
import type { MockHttpReply, MockHttpRequest } from '../http-io.ts';
import { INSTRUMENTS, type Instrument, priceAt } from '../market/instruments.ts';
import type { BinanceCheck } from './binance-spot-checks.ts';
import { type BinanceRejection, binanceError, binanceErrorReply } from './binance-spot-errors.ts';
import type { HttpDialect } from './types.ts';

/** What the test account holds: an order worth more USDT than this is -2010. */
export const BINANCE_USDT_BALANCE = 1000;
/** LOT_SIZE's step for every symbol the mock trades. */
const STEP = 0.00001;

interface Route {
  signed: boolean;
  handle(request: MockHttpRequest): MockHttpReply;
}

function ok(body: unknown): MockHttpReply {
  return { status: 200, body };
}

function symbolOf(name: string | undefined): Instrument | undefined {
  return INSTRUMENTS.find((instrument) => instrument.gateway === name);
}

const missing = (name: string) =>
  binanceError('-1102', "Mandatory parameter '%s' was not sent, was empty/null, or malformed.", [
    name,
  ]);

/** The order's rejection, in the order Binance checks: parameters, filters, then funds. */
function validateOrder(params: Record<string, string>, now: number): BinanceRejection | undefined {
  for (const name of ['symbol', 'side', 'type', 'quantity']) {
    if (!params[name]) return missing(name);
  }
  const instrument = symbolOf(params.symbol);
  if (!instrument) return binanceError('-1121', 'Invalid symbol.');
  if (params.type === 'LIMIT' && !params.price) return missing('price');
  const quantity = Number(params.quantity);
  const steps = quantity / STEP;
  if (!(quantity >= STEP) || Math.abs(steps - Math.round(steps)) > 1e-6) {
    return binanceError('-1013', 'Filter failure: LOT_SIZE');
  }
  const price = params.price ? Number(params.price) : priceAt(instrument, now / 1000);
  if (params.side === 'BUY' && quantity * price > BINANCE_USDT_BALANCE) {
    return binanceError('-2010', 'Account has insufficient balance for requested action.');
  }
  return undefined;
}

let nextOrderId = 28;

const ROUTES: Readonly<Record<string, Route>> = {
  'GET /api/v3/time': { signed: false, handle: ({ receivedAt }) => ok({ serverTime: receivedAt }) },
  'GET /api/v3/ping': { signed: false, handle: () => ok({}) },
  'GET /api/v3/ticker/price': {
    signed: false,
    handle: ({ params, receivedAt }) => {
      const instrument = symbolOf(params.symbol);
      if (!instrument) return binanceErrorReply(binanceError('-1121', 'Invalid symbol.'));
      return ok({
        symbol: instrument.gateway,
        price: priceAt(instrument, receivedAt / 1000).toFixed(8),
      });
    },
  },
  'POST /api/v3/order': {
    signed: true,
    handle: ({ params, receivedAt }) => {
      const rejection = validateOrder(params, receivedAt);
      if (rejection) return binanceErrorReply(rejection);
      nextOrderId += 1;
      return ok({
        symbol: params.symbol,
        orderId: nextOrderId,
        orderListId: -1,
        clientOrderId: params.newClientOrderId ?? `mock${nextOrderId}`,
        transactTime: receivedAt,
      });
    },
  },
  'GET /api/v3/account': {
    signed: true,
    handle: ({ receivedAt }) =>
      ok({
        makerCommission: 10,
        takerCommission: 10,
        canTrade: true,
        updateTime: receivedAt,
        accountType: 'SPOT',
        balances: [
          { asset: 'USDT', free: BINANCE_USDT_BALANCE.toFixed(8), locked: '0.00000000' },
          { asset: 'BTC', free: '0.00000000', locked: '0.00000000' },
        ],
      }),
  },
};

export function createBinanceSpotDialect(checks: readonly BinanceCheck[]): HttpDialect {
  return {
    name: 'binance',
    owns: (path) => path.startsWith('/api/v3/'),
    async handle(request) {
      const route = ROUTES[`${request.method} ${request.path}`];
      // Binance answers an unknown path with a bare 404.
      if (!route) return { status: 404, body: '', contentType: 'text/plain; charset=utf-8' };
      if (route.signed) {
        const rejection = await firstRejection(checks, request);
        if (rejection) return binanceErrorReply(rejection);
      }
      return route.handle(request);
    },
  };
}
