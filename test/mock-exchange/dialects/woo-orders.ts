// Mock exchange (Node): WOO X order and liquidation rules, in the order WOO's error table lists
// its filters, and the orders placed so far.
import { INSTRUMENTS, type Instrument } from '../market/instruments.ts';
import { type WooRejection, wooError } from './woo-errors.ts';

export interface WooSymbolRules {
  instrument: Instrument;
  quoteTick: number;
  baseTick: number;
  minNotional: number;
  /** Orders may be at most this fraction away from the mid price. */
  priceRange: number;
}

export const WOO_SYMBOLS: readonly WooSymbolRules[] = INSTRUMENTS.map((instrument) => ({
  instrument,
  quoteTick: instrument.price >= 1000 ? 0.1 : 0.01,
  baseTick: instrument.price >= 10_000 ? 0.0001 : instrument.price >= 1000 ? 0.001 : 0.01,
  minNotional: 10,
  priceRange: 0.1,
}));

const ORDER_TYPES = ['LIMIT', 'MARKET', 'IOC', 'FOK', 'POST_ONLY', 'ASK', 'BID'];
const V1_ORDER_FIELDS = [
  'symbol',
  'client_order_id',
  'order_tag',
  'order_type',
  'order_price',
  'order_quantity',
  'order_amount',
  'reduce_only',
  'visible_quantity',
  'side',
];
/** Beyond this notional the margin would not cover the order; beyond the next, the exposure. */
const MARGIN_LIMIT = 100_000;
const RISK_LIMIT = 5_000_000;
const KNOWN_LIQUIDATION_IDS = ['101'];
/** The mock account's history: client order id 7 is taken, so reusing it is a duplicate. */
const USED_CLIENT_ORDER_IDS = ['7'];
/** Ids remembered for duplicate and cancel checks; forgotten in bulk past this many. */
const MAX_REMEMBERED = 10_000;

export interface WooOrderFields {
  symbol?: string;
  side?: string;
  order_type?: string;
  order_price?: string;
  order_quantity?: string;
  client_order_id?: string;
}

export function wooSymbol(symbol: string | undefined): WooSymbolRules | undefined {
  return WOO_SYMBOLS.find((rules) => rules.instrument.woo === symbol);
}

function onTick(value: number, tick: number): boolean {
  const steps = value / tick;
  return Math.abs(steps - Math.round(steps)) < 1e-6;
}

function number(text: string | undefined): number | undefined {
  if (text === undefined || !/^\d+(\.\d+)?$/.test(text)) return undefined;
  return Number(text);
}

/** v1 form fields: any field outside the order's own is an unknown parameter. */
export function unknownV1Field(params: Record<string, string>): WooRejection | undefined {
  const unknown = Object.keys(params).find((key) => !V1_ORDER_FIELDS.includes(key));
  return unknown === undefined ? undefined : wooError('woo:rest:-1004');
}

export function validateWooOrder(order: WooOrderFields): WooRejection | undefined {
  const rules = wooSymbol(order.symbol);
  const invalid = wooError('woo:rest:-1005#0');
  if (!rules || (order.side !== 'BUY' && order.side !== 'SELL')) return invalid;
  if (!ORDER_TYPES.includes(order.order_type ?? '')) return invalid;
  const quantity = number(order.order_quantity);
  if (quantity === undefined || quantity <= 0) return invalid;
  const market = order.order_type === 'MARKET';
  const price = market ? rules.instrument.price : number(order.order_price);
  if (price === undefined) return invalid;
  if (!onTick(quantity, rules.baseTick)) return wooError('woo:rest:-1104');
  if (!market && (price <= 0 || !onTick(price, rules.quoteTick))) return wooError('woo:rest:-1103');
  const mid = rules.instrument.price;
  if (Math.abs(price - mid) / mid > rules.priceRange) return wooError('woo:rest:-1105');
  const notional = price * quantity;
  if (notional < rules.minNotional) return wooError('woo:rest:-1102');
  if (notional > RISK_LIMIT) return wooError('woo:rest:-1101#0');
  if (notional > MARGIN_LIMIT) return wooError('woo:rest:-1101#1');
  return undefined;
}

function ratio(text: string | undefined): number | undefined {
  const value = number(text);
  return value !== undefined && value <= 1 ? value : undefined;
}

/** Claiming a liquidated position: the -1005 rows WOO documents for its two ratios. */
export function validateLiquidationClaim(params: Record<string, string>): WooRejection | undefined {
  const ratioQty = ratio(params.ratio_qty_request);
  if (ratioQty === undefined) return wooError('woo:rest:-1005#1');
  const extra =
    params.extra_liquidation_ratio === undefined ? 0 : ratio(params.extra_liquidation_ratio);
  if (extra === undefined) return wooError('woo:rest:-1005#2');
  if (extra > 0 && ratioQty !== 1) return wooError('woo:rest:-1005#3');
  if (!KNOWN_LIQUIDATION_IDS.includes(params.liquidation_id ?? '')) {
    return wooError('woo:rest:-1202#1');
  }
  return undefined;
}

export interface WooOrderBook {
  /** The new order's id, or a rejection for a client order id already used. */
  place(order: WooOrderFields): number | WooRejection;
  cancel(orderId: string | undefined): WooRejection | undefined;
}

export function createWooOrderBook(): WooOrderBook {
  const open = new Set<number>();
  const clientIds = new Set<string>(USED_CLIENT_ORDER_IDS);
  let nextId = 13_524_000;
  return {
    place(order) {
      const clientId = order.client_order_id;
      if (clientId !== undefined && clientId !== '0') {
        if (clientIds.has(clientId)) return wooError('woo:rest:-1007');
        if (clientIds.size > MAX_REMEMBERED) clientIds.clear();
        clientIds.add(clientId);
      }
      const id = nextId++;
      if (open.size > MAX_REMEMBERED) open.clear();
      open.add(id);
      return id;
    },
    cancel(orderId) {
      const id = Number(orderId);
      if (!open.delete(id)) return wooError('woo:rest:-1006');
      return undefined;
    },
  };
}
