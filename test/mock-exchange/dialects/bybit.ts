// Mock exchange (Node): Bybit's v5 REST API under /v5: the server time, tickers, and two private
// endpoints signed with the `bybit` recipe (create an order, read the wallet). Every reply is
// HTTP 200 with retCode, as Bybit's are; ?mock=rate-limit forces its 10006.
import { firstRejection } from '../checks.ts';
import type { MockHttpReply, MockHttpRequest } from '../http-io.ts';
import { INSTRUMENTS, type Instrument, priceAt } from '../market/instruments.ts';
import type { BybitCheck } from './bybit-checks.ts';
import { type BybitRejection, bybitError, bybitErrorReply, bybitReply } from './bybit-errors.ts';
import type { HttpDialect } from './types.ts';

/** What the test account holds: a Buy worth more USDT than this is 110007. */
export const BYBIT_USDT_BALANCE = 1000;
const CATEGORIES = ['spot', 'linear'];

interface Route {
  signed: boolean;
  handle(request: MockHttpRequest): MockHttpReply;
}

function symbolOf(name: string | undefined): Instrument | undefined {
  return INSTRUMENTS.find((instrument) => instrument.gateway === name);
}

/** Bybit's servers name the parameter in 10001's words: "params error: qty invalid". */
const invalid = (name: string) => bybitError('10001', `params error: ${name} invalid`);

function validateOrder(params: Record<string, string>, now: number): BybitRejection | undefined {
  if (!CATEGORIES.includes(params.category ?? '')) return invalid('category');
  const instrument = symbolOf(params.symbol);
  if (!instrument) return invalid('symbol');
  if (params.side !== 'Buy' && params.side !== 'Sell') return invalid('side');
  const qty = Number(params.qty);
  if (!(qty > 0)) return invalid('qty');
  const price = params.price ? Number(params.price) : priceAt(instrument, now / 1000);
  if (params.side === 'Buy' && qty * price > BYBIT_USDT_BALANCE) {
    return bybitError('110007', 'ab not enough for new order');
  }
  return undefined;
}

let nextOrder = 1;

const ROUTES: Readonly<Record<string, Route>> = {
  'GET /v5/market/time': {
    signed: false,
    handle: ({ receivedAt }) =>
      bybitReply(
        {
          timeSecond: String(Math.floor(receivedAt / 1000)),
          timeNano: `${receivedAt}000000`,
        },
        receivedAt,
      ),
  },
  'GET /v5/market/tickers': {
    signed: false,
    handle: ({ params, receivedAt }) => {
      const instrument = symbolOf(params.symbol);
      if (!instrument) return bybitErrorReply(invalid('symbol'), receivedAt);
      const lastPrice = priceAt(instrument, receivedAt / 1000).toFixed(2);
      return bybitReply(
        { category: params.category ?? 'spot', list: [{ symbol: instrument.gateway, lastPrice }] },
        receivedAt,
      );
    },
  },
  'POST /v5/order/create': {
    signed: true,
    handle: ({ params, receivedAt }) => {
      const rejection = validateOrder(params, receivedAt);
      if (rejection) return bybitErrorReply(rejection, receivedAt);
      nextOrder += 1;
      return bybitReply(
        {
          orderId: `1321003749386327552-${nextOrder}`,
          orderLinkId: params.orderLinkId ?? '',
        },
        receivedAt,
      );
    },
  },
  'GET /v5/account/wallet-balance': {
    signed: true,
    handle: ({ params, receivedAt }) => {
      if (params.accountType !== 'UNIFIED') {
        return bybitErrorReply(invalid('accountType'), receivedAt);
      }
      return bybitReply(
        {
          list: [
            {
              accountType: 'UNIFIED',
              totalEquity: String(BYBIT_USDT_BALANCE),
              coin: [{ coin: 'USDT', walletBalance: String(BYBIT_USDT_BALANCE) }],
            },
          ],
        },
        receivedAt,
      );
    },
  },
};

export function createBybitDialect(checks: readonly BybitCheck[]): HttpDialect {
  return {
    name: 'bybit',
    owns: (path) => path.startsWith('/v5/'),
    async handle(request) {
      const now = request.receivedAt;
      if (request.params.mock === 'rate-limit') {
        return bybitErrorReply(bybitError('10006', 'Too many visits!'), now);
      }
      const route = ROUTES[`${request.method} ${request.path}`];
      if (!route) return bybitErrorReply(bybitError('10017', 'Route not found.'), now);
      if (route.signed) {
        const rejection = await firstRejection(checks, request);
        if (rejection) return bybitErrorReply(rejection, now);
      }
      return route.handle(request);
    },
  };
}
