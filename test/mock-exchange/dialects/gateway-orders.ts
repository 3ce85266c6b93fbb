// Mock exchange (Node): gateway order rules and the orders placed so far, shared by the REST
// endpoints and the WebSocket API.
import { INSTRUMENTS, type Instrument, priceAt } from '../market/instruments.ts';
import { type GatewayRejection, gatewayError } from './gateway-errors.ts';

const SIDES = ['BUY', 'SELL'];
const TYPES = ['LIMIT', 'MARKET', 'STOP', 'STOP_MARKET', 'TAKE_PROFIT', 'TAKE_PROFIT_MARKET'];
const TIME_IN_FORCE = ['GTC', 'IOC', 'FOK', 'GTX'];
const QUANTITY_DECIMALS = 3;
const MIN_QUANTITY = 0.001;
/** Free margin of the mock account, in USDT, at the default leverage. */
const BALANCE_USDT = 10_000;
const LEVERAGE = 20;
/** Placed orders kept for cancel/query; the oldest are forgotten first. */
const MAX_ORDERS = 1000;

export interface GatewayOrder {
  orderId: number;
  symbol: string;
  status: 'NEW' | 'CANCELED';
  clientOrderId: string;
  price: string;
  origQty: string;
  executedQty: string;
  type: string;
  side: string;
  timeInForce: string;
  updateTime: number;
}

export function gatewayInstrument(symbol: string | undefined): Instrument | undefined {
  return INSTRUMENTS.find((instrument) => instrument.gateway === symbol);
}

function decimals(text: string): number {
  const dot = text.indexOf('.');
  return dot < 0 ? 0 : text.length - dot - 1;
}

function positive(text: string | undefined): number | undefined {
  if (text === undefined || !/^\d+(\.\d+)?$/.test(text)) return undefined;
  const value = Number(text);
  return value > 0 ? value : undefined;
}

/** The first rule a new order breaks, in the order the gateway's error table lists them. */
export function validateGatewayOrder(params: Record<string, string>): GatewayRejection | undefined {
  const { symbol, side, type, quantity, price, timeInForce } = params;
  if (!symbol || !side || !type || !quantity) return gatewayError('-1102');
  const instrument = gatewayInstrument(symbol);
  if (!instrument) return gatewayError('-1120');
  if (!SIDES.includes(side)) return gatewayError('-1116');
  if (!TYPES.includes(type)) return gatewayError('-1115');
  if (timeInForce !== undefined && !TIME_IN_FORCE.includes(timeInForce)) {
    return gatewayError('-1114');
  }
  const qty = positive(quantity);
  if (qty === undefined) return gatewayError('-2018');
  if (decimals(quantity) > QUANTITY_DECIMALS) return gatewayError('-1111');
  if (qty < MIN_QUANTITY) return gatewayError('-2022');
  let orderPrice = instrument.price;
  if (type === 'LIMIT') {
    if (price === undefined || price === '') return gatewayError('-1102');
    const limit = positive(price);
    if (limit === undefined) return gatewayError('-2019');
    orderPrice = limit;
  }
  if (params.reduceOnly === 'true') return gatewayError('-2023');
  if ((qty * orderPrice) / LEVERAGE > BALANCE_USDT) return gatewayError('-2010');
  return undefined;
}

export function validateLeverage(params: Record<string, string>): GatewayRejection | undefined {
  if (!params.symbol || !params.leverage) return gatewayError('-1102');
  if (!gatewayInstrument(params.symbol)) return gatewayError('-1120');
  const leverage = Number(params.leverage);
  if (!Number.isInteger(leverage)) return gatewayError('-1130');
  if (leverage > 125) return gatewayError('-2104');
  if (leverage < 1) return gatewayError('-2105');
  return undefined;
}

export interface GatewayOrderBook {
  place(params: Record<string, string>): GatewayOrder;
  cancel(orderId: string | undefined): GatewayOrder | GatewayRejection;
  find(orderId: string | undefined): GatewayOrder | undefined;
}

export function createGatewayOrderBook(): GatewayOrderBook {
  const orders = new Map<number, GatewayOrder>();
  let nextId = 8_389_765_000;

  function find(orderId: string | undefined): GatewayOrder | undefined {
    return orderId === undefined ? undefined : orders.get(Number(orderId));
  }

  return {
    find,
    place(params) {
      const instrument = gatewayInstrument(params.symbol) as Instrument;
      const order: GatewayOrder = {
        orderId: nextId++,
        symbol: instrument.gateway,
        status: 'NEW',
        clientOrderId: params.newClientOrderId ?? `mock-${nextId}`,
        price: params.price ?? priceAt(instrument, nextId).toFixed(1),
        origQty: params.quantity ?? '0',
        executedQty: '0',
        type: params.type ?? 'LIMIT',
        side: params.side ?? 'BUY',
        timeInForce: params.timeInForce ?? 'GTC',
        updateTime: Date.now(),
      };
      orders.set(order.orderId, order);
      if (orders.size > MAX_ORDERS) orders.delete(orders.keys().next().value as number);
      return order;
    },
    cancel(orderId) {
      if (!orderId) return gatewayError('-1102');
      const order = find(orderId);
      if (!order) return gatewayError('-2011');
      if (order.status === 'CANCELED') return gatewayError('-2012');
      order.status = 'CANCELED';
      order.updateTime = Date.now();
      return order;
    },
  };
}

export function isRejection(value: GatewayOrder | GatewayRejection): value is GatewayRejection {
  return 'msg' in value;
}
