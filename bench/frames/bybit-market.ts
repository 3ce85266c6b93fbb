// Market-data frames in Bybit v5's public stream shapes: order-book snapshots and deltas,
// public trades, tickers, and the op replies (pong, subscribe acks) that carry Bybit's ret_msg
// without any code: the detector must parse those and find nothing.
import { fitFrame, fixed, type Instrument, type Market } from './market.ts';

const symbolOf = (instrument: Instrument): string => `${instrument.base}${instrument.quote}`;

/** Books are joined by hand: the sides are ready-made JSON text from the ladder. */
function orderbook(market: Market, instrument: Instrument, depth: number): string {
  const ts = market.now();
  const type = market.rng.chance(0.1) ? 'snapshot' : 'delta';
  const asks = Math.max(1, depth + market.rng.int(-2, 2));
  return [
    `{"topic":"orderbook.200.${symbolOf(instrument)}","type":"${type}","ts":${ts}`,
    `,"data":{"s":"${symbolOf(instrument)}","b":${market.bookSide(instrument, 'bid', depth, 'gateway')}`,
    `,"a":${market.bookSide(instrument, 'ask', asks, 'gateway')}`,
    `,"u":${market.sequence()},"seq":${market.sequence()}},"cts":${ts - market.rng.int(0, 3)}}`,
  ].join('');
}

function trade(market: Market, instrument: Instrument) {
  return {
    T: market.now(),
    s: symbolOf(instrument),
    S: market.rng.chance(0.5) ? 'Buy' : 'Sell',
    v: fixed(market.rng.logUniform(0.001, 50), instrument.sizeDecimals),
    p: fixed(instrument.price, instrument.priceDecimals),
    L: market.rng.pick(['PlusTick', 'ZeroPlusTick', 'MinusTick', 'ZeroMinusTick']),
    i: `${market.rng.hex(8)}-${market.rng.hex(4)}-${market.rng.hex(4)}-${market.rng.hex(4)}-${market.rng.hex(12)}`,
    BT: false,
  };
}

function ticker(market: Market, instrument: Instrument) {
  const p = instrument.price;
  const d = instrument.priceDecimals;
  return {
    topic: `tickers.${symbolOf(instrument)}`,
    type: 'snapshot',
    data: {
      symbol: symbolOf(instrument),
      lastPrice: fixed(p, d),
      highPrice24h: fixed(p * 1.02, d),
      lowPrice24h: fixed(p * 0.97, d),
      prevPrice24h: fixed(p * 0.99, d),
      volume24h: fixed(market.rng.logUniform(1_000, 9_000_000), instrument.sizeDecimals),
      turnover24h: fixed(market.rng.logUniform(1e6, 9e9), 4),
      price24hPcnt: '0.0122',
      usdIndexPrice: fixed(p, d),
    },
    cs: market.sequence(),
    ts: market.now(),
  };
}

/** One Bybit frame of about `targetBytes` (books and trade batches grow). */
export function bybitMarketFrame(market: Market, targetBytes: number, maxBytes: number): string {
  const { rng } = market;
  const instrument = market.instrument();
  const roll = rng.next();
  if (roll < 0.45) {
    return fitFrame(targetBytes, maxBytes, (depth) => orderbook(market, instrument, depth));
  }
  if (roll < 0.75) {
    return fitFrame(targetBytes, maxBytes, (count) =>
      JSON.stringify({
        topic: `publicTrade.${symbolOf(instrument)}`,
        type: 'snapshot',
        ts: market.now(),
        data: Array.from({ length: count }, () => trade(market, instrument)),
      }),
    );
  }
  if (roll < 0.97) return JSON.stringify(ticker(market, instrument));
  // Control replies: ret_msg without a code. Bybit's pong, a subscribe ack.
  const connId = `${rng.hex(20)}-${rng.hex(5)}`;
  return rng.chance(0.5)
    ? JSON.stringify({ success: true, ret_msg: 'pong', conn_id: connId, op: 'ping' })
    : JSON.stringify({
        success: true,
        ret_msg: '',
        conn_id: connId,
        req_id: rng.hex(8),
        op: 'subscribe',
      });
}
