// Market-data frames in WOO X's public stream shapes ({"topic","ts","data"}): order books and
// their updates, trades, tickers, best bid/offer, klines, and pings and subscribe acks.
import { fitFrame, type Instrument, type Market, round } from './market.ts';

const symbolOf = (instrument: Instrument): string => `SPOT_${instrument.base}_${instrument.quote}`;

function ticker(market: Market, instrument: Instrument) {
  const p = instrument.price;
  const d = instrument.priceDecimals;
  return {
    symbol: symbolOf(instrument),
    open: round(p * 0.99, d),
    close: round(p, d),
    high: round(p * 1.02, d),
    low: round(p * 0.97, d),
    volume: round(market.rng.logUniform(1e3, 9e6), instrument.sizeDecimals),
    amount: round(market.rng.logUniform(1e6, 9e9), 2),
    count: market.rng.int(100, 900_000),
  };
}

/** One WOO public-stream frame of about `targetBytes` (only books and ticker lists grow). */
export function wooMarketFrame(market: Market, targetBytes: number, maxBytes: number): string {
  const { rng } = market;
  const instrument = market.instrument();
  const symbol = symbolOf(instrument);
  const roll = rng.next();
  if (roll < 0.3) {
    // Snapshots are rarer than updates, and only updates carry prevTs. Joined by hand: the
    // sides are ready-made JSON text from the ladder.
    const update = rng.chance(0.9);
    return fitFrame(targetBytes, maxBytes, (depth) => {
      const ts = market.now();
      const bids = Math.max(1, depth + rng.int(-2, 2));
      return [
        `{"topic":"${symbol}@${update ? 'orderbookupdate' : 'orderbook'}","ts":${ts}`,
        `,"data":{"symbol":"${symbol}"${update ? `,"prevTs":${ts - 200}` : ''}`,
        `,"asks":${market.bookSide(instrument, 'ask', depth, 'woo')}`,
        `,"bids":${market.bookSide(instrument, 'bid', bids, 'woo')}}}`,
      ].join('');
    });
  }
  if (roll < 0.33) {
    return fitFrame(targetBytes, maxBytes, (count) =>
      JSON.stringify({
        topic: 'tickers',
        ts: market.now(),
        data: Array.from({ length: count }, () => ticker(market, market.instrument())),
      }),
    );
  }
  const ts = market.now();
  const p = instrument.price;
  const d = instrument.priceDecimals;
  const s = instrument.sizeDecimals;
  if (roll < 0.65) {
    const side = rng.chance(0.5) ? 'BUY' : 'SELL';
    const size = round(rng.logUniform(0.001, 30), s);
    return JSON.stringify({
      topic: `${symbol}@trade`,
      ts,
      data: { symbol, price: round(p, d), size, side, source: 0 },
    });
  }
  if (roll < 0.8) {
    const [[ask, askSize] = [0, 0]] = market.levels(instrument, 'ask', 1, false);
    const [[bid, bidSize] = [0, 0]] = market.levels(instrument, 'bid', 1, false);
    return JSON.stringify({
      topic: `${symbol}@bbo`,
      ts,
      data: { symbol, ask, askSize, bid, bidSize },
    });
  }
  if (roll < 0.9) {
    return JSON.stringify({ topic: `${symbol}@ticker`, ts, data: ticker(market, instrument) });
  }
  if (roll < 0.98) {
    const k = [p * 0.999, p * 1.001, p * 0.998, p].map((x) => round(x, d));
    return JSON.stringify({
      topic: `${symbol}@kline_1m`,
      ts,
      data: {
        symbol,
        type: '1m',
        open: k[0],
        high: k[1],
        low: k[2],
        close: k[3],
        volume: round(rng.logUniform(1, 9e5), s),
        amount: round(rng.logUniform(1e3, 9e7), 2),
        startTime: ts - (ts % 60_000),
        endTime: ts - (ts % 60_000) + 60_000,
      },
    });
  }
  // Control frames without a "code": WOO acks say success:true instead.
  return rng.chance(0.5)
    ? JSON.stringify({ event: 'ping', ts })
    : JSON.stringify({ id: `client${rng.hex(6)}`, event: 'subscribe', success: true, ts });
}
