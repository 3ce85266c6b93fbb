// Market-data frames in the gateway's Binance-style shapes: depth updates, aggregated trades,
// mark prices, book tickers, the all-market ticker array, raw or in a combined-stream wrapper.
import { fitFrame, fixed, type Instrument, type Market } from './market.ts';

const symbolOf = (instrument: Instrument): string => `${instrument.base}${instrument.quote}`;

/** Depth updates are joined by hand: the sides are ready-made JSON text from the ladder. */
function depthUpdate(market: Market, instrument: Instrument, depth: number): string {
  const first = market.sequence();
  const time = market.now();
  const asks = Math.max(1, depth + market.rng.int(-2, 2));
  return [
    `{"e":"depthUpdate","E":${time},"T":${time - market.rng.int(0, 5)}`,
    `,"s":"${symbolOf(instrument)}","U":${first},"u":${first + market.rng.int(0, 200)}`,
    `,"pu":${first - 1},"b":${market.bookSide(instrument, 'bid', depth, 'gateway')}`,
    `,"a":${market.bookSide(instrument, 'ask', asks, 'gateway')}}`,
  ].join('');
}

function aggTrade(market: Market, instrument: Instrument) {
  const id = market.sequence();
  const time = market.now();
  return {
    e: 'aggTrade',
    E: time,
    s: symbolOf(instrument),
    a: id,
    p: fixed(instrument.price, instrument.priceDecimals),
    q: fixed(market.rng.logUniform(0.001, 50), instrument.sizeDecimals),
    f: id * 3,
    l: id * 3 + market.rng.int(0, 4),
    T: time - 1,
    m: market.rng.chance(0.5),
  };
}

function markPriceUpdate(market: Market, instrument: Instrument) {
  const time = market.now();
  const price = instrument.price;
  return {
    e: 'markPriceUpdate',
    E: time,
    s: symbolOf(instrument),
    p: fixed(price, instrument.priceDecimals + 3),
    i: fixed(price * (1 - market.rng.next() * 0.001), instrument.priceDecimals + 3),
    P: fixed(price * (1 + market.rng.next() * 0.001), instrument.priceDecimals + 3),
    r: fixed((market.rng.next() - 0.4) * 0.0005, 8),
    T: Math.ceil(time / 28_800_000) * 28_800_000,
  };
}

function bookTicker(market: Market, instrument: Instrument) {
  const [bid] = market.levels(instrument, 'bid', 1, false);
  const [ask] = market.levels(instrument, 'ask', 1, false);
  const time = market.now();
  return {
    e: 'bookTicker',
    u: market.sequence(),
    s: symbolOf(instrument),
    b: fixed(bid?.[0] ?? 0, instrument.priceDecimals),
    B: fixed(bid?.[1] ?? 0, instrument.sizeDecimals),
    a: fixed(ask?.[0] ?? 0, instrument.priceDecimals),
    A: fixed(ask?.[1] ?? 0, instrument.sizeDecimals),
    T: time - 2,
    E: time,
  };
}

function ticker(market: Market) {
  const instrument = market.instrument();
  const price = instrument.price;
  const d = instrument.priceDecimals;
  const time = market.now();
  return {
    e: '24hrTicker',
    E: time,
    s: symbolOf(instrument),
    p: fixed(price * 0.01, d),
    P: '1.024',
    w: fixed(price * 0.998, d),
    c: fixed(price, d),
    Q: fixed(market.rng.logUniform(0.001, 20), instrument.sizeDecimals),
    o: fixed(price * 0.99, d),
    h: fixed(price * 1.02, d),
    l: fixed(price * 0.97, d),
    v: fixed(market.rng.logUniform(1_000, 9_000_000), instrument.sizeDecimals),
    q: fixed(market.rng.logUniform(1e6, 9e9), 2),
    O: time - 86_400_000,
    C: time,
    F: market.sequence(),
    L: market.sequence(),
    n: market.rng.int(1_000, 900_000),
  };
}

/** One gateway market-data frame of about `targetBytes` (only books and arrays grow). */
export function gatewayMarketFrame(market: Market, targetBytes: number, maxBytes: number): string {
  const { rng } = market;
  const instrument = market.instrument();
  const stream = symbolOf(instrument).toLowerCase();
  // Browsers on the gateway's UI subscribe through /stream, which wraps every payload.
  const combined = rng.chance(0.5);
  const wrap = (name: string, data: string): string =>
    combined ? ['{"stream":"', name, '","data":', data, '}'].join('') : data;
  const roll = rng.next();
  if (roll < 0.3) {
    return fitFrame(targetBytes, maxBytes, (depth) =>
      wrap(`${stream}@depth@100ms`, depthUpdate(market, instrument, depth)),
    );
  }
  if (roll < 0.34) {
    return fitFrame(targetBytes, maxBytes, (count) =>
      wrap('!ticker@arr', JSON.stringify(Array.from({ length: count }, () => ticker(market)))),
    );
  }
  if (roll < 0.64) return wrap(`${stream}@aggTrade`, JSON.stringify(aggTrade(market, instrument)));
  if (roll < 0.82) {
    return wrap(`${stream}@markPrice@1s`, JSON.stringify(markPriceUpdate(market, instrument)));
  }
  return wrap(`${stream}@bookTicker`, JSON.stringify(bookTicker(market, instrument)));
}
