// Error envelopes in every dialect the detector reads, with real catalogue codes and messages
// (placeholders filled as servers fill them) and some codes no catalogue knows.
import type { CatalogueEntry, Dialect, ExchangeId, Surface } from '../../src/core/index.ts';
import { BUNDLED_CATALOGUE, fillPlaceholders } from '../../src/core/index.ts';
import { bybitError } from './bybit-replies.ts';
import type { Market } from './market.ts';

/** The exchanges whose endpoints the stream has. */
export type StreamExchange = 'gateway' | 'binance' | 'binance-usdm' | 'okx' | 'woo' | 'bybit';

export interface ErrorFrame {
  data: string;
  /** The exchange whose endpoint sends it, so the stream gives it that exchange's URL. */
  exchange: StreamExchange;
  dialect: Dialect;
  /** How many findings a correct detector reports for it (OKX batch replies can hold several). */
  findings: number;
}

function entriesOf(exchange: ExchangeId, surfaces: readonly Surface[]): CatalogueEntry[] {
  return BUNDLED_CATALOGUE.byExchange(exchange).filter((e) => surfaces.includes(e.surface));
}

const GATEWAY = entriesOf('gateway', ['rest', 'ws-message']);
/** Rows whose code a server can send as an error: an integer, not zero. */
const sendable = (entries: CatalogueEntry[]) =>
  entries.filter((e) => /^-?\d+$/.test(e.code) && Number(e.code) !== 0);
const BINANCE = sendable(entriesOf('binance', ['rest']));
const BINANCE_USDM = sendable(entriesOf('binance-usdm', ['rest']));
const OKX = entriesOf('okx', ['ws-message']);
const WOO = entriesOf('woo', ['rest']);

/** Codes real servers send that the bundled catalogues do not list. */
const UNKNOWN = {
  gateway: [
    ['-1013', 'Filter failure: LOT_SIZE'],
    ['-4164', "Order's notional must be no smaller than 5 (unless you choose reduce only)."],
  ],
  okx: [
    ['60017', 'Invalid URL path'],
    ['60022', 'Bulk login partially succeeded'],
  ],
  woo: [['-1300', 'Order price exceeds the permitted range.']],
} as const;

/** OKX order-op item codes (trade errors), none of them in the WebSocket catalogue. */
const OKX_ITEM_ERRORS = [
  ['51008', 'Order failed. Insufficient USDT balance in account.'],
  ['51121', 'Order quantity must be a multiple of the lot size.'],
  ['51400', 'Cancellation failed as the order has been filled, canceled or does not exist.'],
  ['51000', 'Parameter ordType error'],
] as const;

const PLACEHOLDER_VALUES: Record<string, readonly string[]> = {
  '0': ['books-l2-tbt', 'instId', 'channel:candle1D,instId:BTC-USDT', 'login'],
  op: ['subscrib', 'unsubscribe1', 'order-amend'],
  channelName: ['books50-l2-tbt', 'books'],
  instId: ['BTC-USDT', 'ETH-USDT-SWAP'],
  param0: ['instFamily', 'ccy'],
  // Binance's anonymous %s and Bybit's {{key0}}: a symbol, a number, a parameter name.
  '%1': ['BTCUSDT', '5.0', 'quantity'],
  '%2': ['1200', 'timestamp'],
  key0: ['BTCUSDT', '100'],
};

/** A message as a server writes it: the catalogue's words with placeholders filled. */
export function messageOf(market: Market, entry: CatalogueEntry): string {
  const values = Object.fromEntries(
    (entry.placeholders ?? []).map((name) => [
      name,
      market.rng.pick(PLACEHOLDER_VALUES[name] ?? ['x']),
    ]),
  );
  return fillPlaceholders(entry.messages.en, values);
}

/** [code, message]: a catalogue entry most of the time, an unknown code otherwise. */
function codeAndMessage(
  market: Market,
  entries: CatalogueEntry[],
  unknown: readonly (readonly [string, string])[],
): [string, string] {
  if (market.rng.chance(0.15)) {
    const [code, message] = market.rng.pick(unknown);
    return [code, message];
  }
  const entry = market.rng.pick(entries);
  return [entry.code, messageOf(market, entry)];
}

function okxItemsReply(market: Market): ErrorFrame {
  const { rng } = market;
  const ts = market.now();
  const count = rng.int(1, 5);
  let failed = 0;
  const items = Array.from({ length: count }, (_, i) => {
    // At least the first item fails; the others fail half the time.
    const fails = i === 0 || rng.chance(0.5);
    const [sCode, sMsg] = fails ? rng.pick(OKX_ITEM_ERRORS) : ['0', 'Order placed'];
    if (fails) failed++;
    const ordId = fails ? '' : String(market.sequence());
    return { clOrdId: rng.hex(12), ordId, tag: '', ts: String(ts), sCode, sMsg };
  });
  const data = JSON.stringify({
    id: rng.hex(10),
    op: count === 1 ? 'order' : 'batch-orders',
    data: items,
    // OKX: "1" when every operation failed, "2" when some did.
    code: failed === count ? '1' : '2',
    msg: '',
    inTime: String(ts * 1000 - 900),
    outTime: String(ts * 1000 + 300),
  });
  return { data, exchange: 'okx', dialect: 'okx-rest-item', findings: failed };
}

/** Binance Spot's or USDⓈ-M's WebSocket API error, from their own catalogue and words. */
function binanceWsApiError(market: Market): ErrorFrame {
  const { rng } = market;
  const usdm = rng.chance(0.4);
  const entry = rng.pick(usdm ? BINANCE_USDM : BINANCE);
  const data = JSON.stringify({
    id: `${rng.hex(8)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(12)}`,
    status: entry.httpStatus ?? 400,
    error: { code: Number(entry.code), msg: messageOf(market, entry) },
    rateLimits: [
      {
        rateLimitType: 'REQUEST_WEIGHT',
        interval: 'MINUTE',
        intervalNum: 1,
        limit: 6000,
        count: 9,
      },
    ],
  });
  return {
    data,
    exchange: usdm ? 'binance-usdm' : 'binance',
    dialect: 'binance-ws-api',
    findings: 1,
  };
}

/** OKX's notice before it closes a connection for an upgrade. */
function okxNotice(market: Market): ErrorFrame {
  const data = JSON.stringify({
    event: 'notice',
    code: '64008',
    msg: 'The connection will soon be closed for a service upgrade. Please reconnect.',
    connId: market.rng.hex(8),
  });
  return { data, exchange: 'okx', dialect: 'okx-ws-notice', findings: 1 };
}

/** One error envelope; the dialect mix follows what a trading UI's sockets see. */
export function errorFrame(market: Market): ErrorFrame {
  const { rng } = market;
  // A fifth of the errors come from Binance's and Bybit's sockets, the rest as before.
  const venue = rng.next();
  if (venue < 0.08) return binanceWsApiError(market);
  if (venue < 0.18) {
    const error = bybitError(market, (entry) => messageOf(market, entry));
    return { ...error, exchange: 'bybit' };
  }
  if (venue < 0.2) return okxNotice(market);
  const roll = rng.next();
  if (roll < 0.22) {
    const [code, msg] = codeAndMessage(market, GATEWAY, UNKNOWN.gateway);
    const data = JSON.stringify({ code: Number(code), msg });
    return { data, exchange: 'gateway', dialect: 'binance-rest', findings: 1 };
  }
  if (roll < 0.37) {
    const [code, msg] = codeAndMessage(market, GATEWAY, UNKNOWN.gateway);
    const status = code === '-1003' ? 429 : code === '-1002' || code === '-1022' ? 401 : 400;
    const data = JSON.stringify({
      id: `${rng.hex(8)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(12)}`,
      status,
      error: { code: Number(code), msg },
      rateLimits: [
        {
          rateLimitType: 'REQUEST_WEIGHT',
          interval: 'MINUTE',
          intervalNum: 1,
          limit: 6000,
          count: rng.int(1, 6000),
        },
      ],
    });
    return { data, exchange: 'gateway', dialect: 'binance-ws-api', findings: 1 };
  }
  if (roll < 0.6) {
    const [code, msg] = codeAndMessage(market, OKX, UNKNOWN.okx);
    const data = JSON.stringify({ event: 'error', code, msg, connId: rng.hex(8) });
    return { data, exchange: 'okx', dialect: 'okx-ws-event', findings: 1 };
  }
  if (roll < 0.72) return okxItemsReply(market);
  if (roll < 0.78) {
    const [code, msg] = rng.pick([
      ['50011', 'Too Many Requests'],
      ['50013', 'Systems are busy. Please try again later.'],
    ] as const);
    const data = JSON.stringify({ code, msg, data: [] });
    return { data, exchange: 'okx', dialect: 'okx-rest', findings: 1 };
  }
  const [code, message] = codeAndMessage(market, WOO, UNKNOWN.woo);
  const data = JSON.stringify({ success: false, code: Number(code), message });
  return { data, exchange: 'woo', dialect: 'woo-rest', findings: 1 };
}
