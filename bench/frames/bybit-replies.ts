// Bybit's WebSocket replies with a code: order-entry acks (retCode 0, a batch's retExtInfo
// list all zero) for the slow path, and its error replies for the 1%: order-entry errors with
// retCode, batches with failed items, and failed ops that carry no code at all.
import { BUNDLED_CATALOGUE, type CatalogueEntry } from '../../src/core/index.ts';

/** Fills an entry's placeholders as a server does. */
export type FillMessage = (entry: CatalogueEntry) => string;

import type { Market } from './market.ts';

/** Bybit's rows a server can send as an error: integer codes other than 0 (its "OK"). */
const BYBIT = BUNDLED_CATALOGUE.byExchange('bybit').filter(
  (e) => e.surface === 'rest' && /^-?\d+$/.test(e.code) && Number(e.code) !== 0,
);

/** Bybit's own terse words for common codes, as its servers send them (not its document's). */
const TERSE: readonly (readonly [number, string])[] = [
  [10001, 'params error: qty invalid'],
  [10001, 'params error: symbol invalid'],
  [110007, 'ab not enough for new order'],
  [10404, 'op type is not found'],
  [10429, 'System level frequency protection'],
];

/** Failed ops: Bybit answers them with ret_msg only. */
const OP_FAILURES: readonly (readonly [string, string])[] = [
  ['auth', 'Params Error'],
  ['auth', 'Request not authorized'],
  ['subscribe', 'error:handler not found,topic:orderbook.1.NOPEUSDT'],
  ['subscribe', 'Invalid symbol :[tickers.NOPE]'],
];

const OPS = ['order.create', 'order.amend', 'order.cancel'] as const;

function header(market: Market) {
  return {
    'X-Bapi-Limit': '10',
    'X-Bapi-Limit-Status': String(market.rng.int(0, 9)),
    'X-Bapi-Limit-Reset-Timestamp': String(market.now()),
    Traceid: market.rng.hex(32),
    Timenow: String(market.now()),
  };
}

function connId(market: Market): string {
  return `${market.rng.hex(20)}-${market.rng.hex(4)}`;
}

function orderData(market: Market) {
  return { orderId: `${market.rng.hex(8)}-${market.rng.hex(4)}`, orderLinkId: market.rng.hex(12) };
}

/** An order-entry ack or an all-good batch: codes present, all zero. */
export function bybitAck(market: Market): string {
  const { rng } = market;
  if (rng.chance(0.7)) {
    return JSON.stringify({
      reqId: rng.hex(12),
      retCode: 0,
      retMsg: 'OK',
      op: rng.pick(OPS),
      data: orderData(market),
      header: header(market),
      connId: connId(market),
    });
  }
  const count = rng.int(2, 5);
  return JSON.stringify({
    reqId: rng.hex(12),
    retCode: 0,
    retMsg: 'OK',
    op: 'order.create-batch',
    data: {
      list: Array.from({ length: count }, () => ({ category: 'linear', ...orderData(market) })),
    },
    retExtInfo: { list: Array.from({ length: count }, () => ({ code: 0, msg: 'OK' })) },
    header: header(market),
    connId: connId(market),
  });
}

export interface BybitError {
  data: string;
  dialect: 'bybit-rest' | 'bybit-rest-item' | 'bybit-ws-op';
  findings: number;
}

export function bybitError(market: Market, fill: FillMessage): BybitError {
  const { rng } = market;
  const roll = rng.next();
  if (roll < 0.55) {
    const [code, message] = rng.chance(0.3)
      ? rng.pick(TERSE)
      : (() => {
          const entry = rng.pick(BYBIT);
          return [Number(entry.code), fill(entry)] as const;
        })();
    const data = JSON.stringify({
      reqId: rng.hex(12),
      retCode: code,
      retMsg: message,
      op: rng.pick(OPS),
      data: {},
      header: header(market),
      connId: connId(market),
    });
    return { data, dialect: 'bybit-rest', findings: 1 };
  }
  if (roll < 0.75) {
    const count = rng.int(1, 5);
    let failed = 0;
    const ext = Array.from({ length: count }, (_, i) => {
      // At least the first order fails; the others half the time.
      if (i > 0 && rng.chance(0.5)) return { code: 0, msg: 'OK' };
      failed++;
      const [code, msg] = rng.pick(TERSE);
      return { code, msg };
    });
    const data = JSON.stringify({
      reqId: rng.hex(12),
      retCode: 0,
      retMsg: 'OK',
      op: 'order.create-batch',
      data: { list: ext.map((e) => (e.code === 0 ? orderData(market) : {})) },
      retExtInfo: { list: ext },
      header: header(market),
      connId: connId(market),
    });
    return { data, dialect: 'bybit-rest-item', findings: failed };
  }
  const [op, retMsg] = rng.pick(OP_FAILURES);
  const data = JSON.stringify({
    success: false,
    ret_msg: retMsg,
    conn_id: connId(market),
    req_id: rng.chance(0.5) ? rng.hex(8) : '',
    op,
  });
  return { data, dialect: 'bybit-ws-op', findings: 1 };
}
