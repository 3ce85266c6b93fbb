// Mock exchange (Node): OKX REST (/api/v5): {"code":"0","msg":"","data":[...]}, parameter errors
// at the top level and per-order sCode/sMsg in batch replies; /trade endpoints are signed.
import { firstRejection } from '../checks.ts';
import type { MockHttpReply, MockHttpRequest } from '../http-io.ts';
import { okxTickerFrame } from '../market/frame-templates.ts';
import { INSTRUMENTS, type Instrument } from '../market/instruments.ts';
import {
  batchOutcome,
  type OkxRejection,
  okxParameterError,
  placeOkxOrder,
  placeOkxOrders,
} from './okx-orders.ts';
import type { OkxRestCheck } from './okx-rest-checks.ts';
import type { HttpDialect } from './types.ts';

function ok(data: unknown[], extra: Record<string, unknown> = {}): MockHttpReply {
  return { status: 200, body: { code: '0', msg: '', data, ...extra } };
}

function fail(rejection: OkxRejection, status = 400, data: unknown[] = []): MockHttpReply {
  return { status, body: { code: rejection.code, msg: rejection.msg, data } };
}

function tickerData(instrument: Instrument, now: number): unknown {
  const frame = JSON.parse(okxTickerFrame(instrument, Math.floor(now / 1000), now)) as {
    data: unknown[];
  };
  return frame.data[0];
}

function timing(receivedAt: number) {
  return { inTime: String(receivedAt * 1000), outTime: String(Date.now() * 1000) };
}

type Route = (request: MockHttpRequest) => MockHttpReply;

/** Routes that need the OK-ACCESS-* headers. */
const SIGNED = new Set(['POST /api/v5/trade/order', 'POST /api/v5/trade/batch-orders']);

const ROUTES: Readonly<Record<string, Route>> = {
  'GET /api/v5/public/time': ({ receivedAt }) => ok([{ ts: String(receivedAt) }]),
  'GET /api/v5/market/ticker': ({ params, receivedAt }) => {
    if (!params.instId) return fail({ code: '50014', msg: 'Parameter instId can not be empty.' });
    const instrument = INSTRUMENTS.find((i) => i.okx === params.instId);
    if (!instrument) return fail({ code: '51001', msg: 'Instrument ID does not exist' }, 200);
    return ok([tickerData(instrument, receivedAt)]);
  },
  'GET /api/v5/market/tickers': ({ receivedAt }) =>
    ok(INSTRUMENTS.map((i) => tickerData(i, receivedAt))),
  'POST /api/v5/trade/order': ({ json, receivedAt }) => {
    const rejection = okxParameterError(json);
    if (rejection) return fail(rejection);
    const result = placeOkxOrder(json as Record<string, unknown>);
    if (result.sCode === '0') return ok([result], timing(receivedAt));
    return {
      status: 200,
      body: { code: '1', msg: 'All operations failed', data: [result], ...timing(receivedAt) },
    };
  },
  'POST /api/v5/trade/batch-orders': ({ json, receivedAt }) => {
    if (!Array.isArray(json) || json.length === 0)
      return fail({ code: '51000', msg: 'Parameter error' });
    const results = placeOkxOrders(json);
    const outcome = batchOutcome(results);
    return {
      status: 200,
      body: { code: outcome.code, msg: outcome.msg, data: results, ...timing(receivedAt) },
    };
  },
};

export function createOkxRestDialect(checks: readonly OkxRestCheck[]): HttpDialect {
  return {
    name: 'okx-rest',
    owns: (path) => path.startsWith('/api/v5/'),
    async handle(request) {
      const name = `${request.method} ${request.path}`;
      const route = ROUTES[name];
      // OKX answers an unknown path with a bare 404 page, not an envelope.
      if (!route) return { status: 404, body: 'Not Found', contentType: 'text/plain' };
      const rejection = SIGNED.has(name) ? await firstRejection(checks, request) : undefined;
      if (rejection) return fail({ code: rejection.code, msg: rejection.msg }, rejection.status);
      return route(request);
    },
  };
}
