// Mock exchange (Node): OKX order rules shared by REST (/api/v5/trade) and the private socket's
// "order" op: parameter errors are top-level (51000), business errors are per item (sCode).
import { INSTRUMENTS } from '../market/instruments.ts';

export interface OkxRejection {
  code: string;
  msg: string;
}

export interface OkxOrderResult {
  clOrdId: string;
  ordId: string;
  tag: string;
  ts: string;
  sCode: string;
  sMsg: string;
}

// OKX codes outside the bundled catalogue (its OKX rows are the WebSocket ones); the mock
// returns them on purpose so the detector's handling of unknown codes is exercised.
const PARAMETER_ERROR = '51000';
const NO_INSTRUMENT = '51001';
const INSUFFICIENT_BALANCE = '51008';
const SIDES = ['buy', 'sell'];
const ORDER_TYPES = ['market', 'limit', 'post_only', 'fok', 'ioc'];
const TRADE_MODES = ['cash', 'cross', 'isolated'];
const AVAILABLE_USDT = 10_000;

let nextOrderId = 600_000_000_000_000_000n;

function parameterError(name: string): OkxRejection {
  return { code: PARAMETER_ERROR, msg: `Parameter ${name} error` };
}

function field(order: Record<string, unknown>, name: string): string | undefined {
  const value = order[name];
  return typeof value === 'string' ? value : undefined;
}

function positive(text: string | undefined): number | undefined {
  if (text === undefined || !/^\d+(\.\d+)?$/.test(text)) return undefined;
  const value = Number(text);
  return value > 0 ? value : undefined;
}

/** The parameter error of an order request, as OKX reports it before trying to place it. */
export function okxParameterError(order: unknown): OkxRejection | undefined {
  if (typeof order !== 'object' || order === null || Array.isArray(order)) {
    return { code: PARAMETER_ERROR, msg: 'Parameter error' };
  }
  const fields = order as Record<string, unknown>;
  const instId = field(fields, 'instId');
  if (!instId) return parameterError('instId');
  if (!INSTRUMENTS.some((i) => i.okx === instId)) {
    return { code: NO_INSTRUMENT, msg: 'Instrument ID does not exist' };
  }
  if (!TRADE_MODES.includes(field(fields, 'tdMode') ?? '')) return parameterError('tdMode');
  if (!SIDES.includes(field(fields, 'side') ?? '')) return parameterError('side');
  const ordType = field(fields, 'ordType') ?? '';
  if (!ORDER_TYPES.includes(ordType)) return parameterError('ordType');
  if (positive(field(fields, 'sz')) === undefined) return parameterError('sz');
  if (ordType !== 'market' && positive(field(fields, 'px')) === undefined) {
    return parameterError('px');
  }
  return undefined;
}

/** Places one valid order: accepted, or refused for balance (sCode 51008). */
export function placeOkxOrder(order: Record<string, unknown>): OkxOrderResult {
  const instrument = INSTRUMENTS.find((i) => i.okx === field(order, 'instId'));
  const price = positive(field(order, 'px')) ?? instrument?.price ?? 0;
  const size = positive(field(order, 'sz')) ?? 0;
  const base = {
    clOrdId: field(order, 'clOrdId') ?? '',
    tag: field(order, 'tag') ?? '',
    ts: String(Date.now()),
  };
  if (price * size > AVAILABLE_USDT) {
    return {
      ...base,
      ordId: '',
      sCode: INSUFFICIENT_BALANCE,
      sMsg: 'Order failed. Insufficient USDT balance in account.',
    };
  }
  nextOrderId += 1n;
  return { ...base, ordId: String(nextOrderId), sCode: '0', sMsg: 'Order placed' };
}

/** Places each order of a batch; an item with a parameter error fails alone. */
export function placeOkxOrders(orders: readonly unknown[]): OkxOrderResult[] {
  return orders.map((order) => {
    const rejection = okxParameterError(order);
    if (!rejection) return placeOkxOrder(order as Record<string, unknown>);
    return {
      clOrdId: '',
      ordId: '',
      tag: '',
      ts: String(Date.now()),
      sCode: rejection.code,
      sMsg: rejection.msg,
    };
  });
}

/** OKX's top-level code and message of a batch: 0 all placed, 1 all failed, 2 some failed. */
export function batchOutcome(results: readonly OkxOrderResult[]): OkxRejection {
  const failed = results.filter((r) => r.sCode !== '0').length;
  if (failed === 0) return { code: '0', msg: '' };
  if (failed === results.length) return { code: '1', msg: 'All operations failed' };
  return { code: '2', msg: 'Bulk operation partially succeeded.' };
}
