// Market-data frames in OKX v5 public-channel shapes: order books (snapshot and update, with
// checksum and sequence ids), tickers, trades, best bid/offer, mark prices, candles, the
// instruments list and the subscribe acknowledgements (which carry no "code").
import { fitFrame, fixed, type Instrument, type Market } from './market.ts';

const instIdOf = (instrument: Instrument): string => `${instrument.base}-${instrument.quote}`;

/** Book frames are joined by hand: the sides are ready-made JSON text from the ladder. */
function bookFrame(market: Market, instrument: Instrument, channel: string, depth: number) {
  const { rng } = market;
  const seqId = market.sequence();
  const action = rng.chance(0.05) ? 'snapshot' : 'update';
  const bids = Math.max(1, depth + rng.int(-2, 2));
  return [
    `{"arg":{"channel":"${channel}","instId":"${instIdOf(instrument)}"},"action":"${action}"`,
    `,"data":[{"asks":${market.bookSide(instrument, 'ask', depth, 'okx')}`,
    `,"bids":${market.bookSide(instrument, 'bid', bids, 'okx')},"ts":"${market.now()}"`,
    `,"checksum":${rng.int(-2_147_483_648, 2_147_483_647)}`,
    `,"prevSeqId":${seqId - rng.int(1, 30)},"seqId":${seqId}}]}`,
  ].join('');
}

function bestBidOffer(market: Market, instrument: Instrument) {
  // OKX levels are [price, size, "0" (deprecated liquidated orders), order count].
  const level = ([price, size]: [number, number]) => [
    fixed(price, instrument.priceDecimals),
    fixed(size, instrument.sizeDecimals),
    '0',
    String(market.rng.int(1, 40)),
  ];
  return {
    asks: market.levels(instrument, 'ask', 1, false).map(level),
    bids: market.levels(instrument, 'bid', 1, false).map(level),
    ts: String(market.now()),
    seqId: market.sequence(),
  };
}

function ticker(market: Market, instrument: Instrument) {
  const p = instrument.price;
  const d = instrument.priceDecimals;
  const s = instrument.sizeDecimals;
  return {
    instType: 'SPOT',
    instId: instIdOf(instrument),
    last: fixed(p, d),
    lastSz: fixed(market.rng.logUniform(0.001, 20), s),
    askPx: fixed(p * 1.0001, d),
    askSz: fixed(market.rng.logUniform(0.01, 200), s),
    bidPx: fixed(p * 0.9999, d),
    bidSz: fixed(market.rng.logUniform(0.01, 200), s),
    open24h: fixed(p * 0.99, d),
    high24h: fixed(p * 1.02, d),
    low24h: fixed(p * 0.97, d),
    volCcy24h: fixed(market.rng.logUniform(1e6, 9e9), 4),
    vol24h: fixed(market.rng.logUniform(1e3, 9e6), s),
    sodUtc0: fixed(p * 0.995, d),
    sodUtc8: fixed(p * 0.993, d),
    ts: String(market.now()),
  };
}

function trade(market: Market, instrument: Instrument) {
  return {
    instId: instIdOf(instrument),
    tradeId: String(market.sequence()),
    px: fixed(instrument.price, instrument.priceDecimals),
    sz: fixed(market.rng.logUniform(0.001, 30), instrument.sizeDecimals),
    side: market.rng.chance(0.5) ? 'buy' : 'sell',
    ts: String(market.now()),
    count: String(market.rng.int(1, 5)),
  };
}

function instrumentInfo(market: Market) {
  const instrument = market.instrument();
  const tick = 10 ** -instrument.priceDecimals;
  return {
    instType: 'SPOT',
    instId: `${instrument.base}${market.rng.hex(3).toUpperCase()}-${instrument.quote}`,
    uly: '',
    instFamily: '',
    baseCcy: instrument.base,
    quoteCcy: instrument.quote,
    settleCcy: '',
    ctVal: '',
    ctMult: '',
    ctValCcy: '',
    optType: '',
    stk: '',
    listTime: String(market.now() - 86_400_000 * market.rng.int(1, 900)),
    expTime: '',
    lever: '10',
    tickSz: fixed(tick, instrument.priceDecimals),
    lotSz: fixed(10 ** -instrument.sizeDecimals, instrument.sizeDecimals),
    minSz: fixed(10 ** -instrument.sizeDecimals * 10, instrument.sizeDecimals),
    ctType: '',
    state: 'live',
    ruleType: 'normal',
    maxLmtSz: '9999999999',
    maxMktSz: '1000000',
    maxTwapSz: '9999999999',
    maxIcebergSz: '9999999999',
    maxTriggerSz: '9999999999',
    maxStopSz: '1000000',
  };
}

/** One OKX public-channel frame of about `targetBytes` (only books and lists grow). */
export function okxMarketFrame(market: Market, targetBytes: number, maxBytes: number): string {
  const { rng } = market;
  const instrument = market.instrument();
  const instId = instIdOf(instrument);
  const roll = rng.next();
  if (roll < 0.32) {
    const channel = rng.pick(['books', 'books', 'books-l2-tbt', 'books50-l2-tbt']);
    return fitFrame(targetBytes, maxBytes, (depth) =>
      bookFrame(market, instrument, channel, depth),
    );
  }
  if (roll < 0.35) {
    return fitFrame(targetBytes, maxBytes, (count) =>
      JSON.stringify({
        arg: { channel: 'instruments', instType: 'SPOT' },
        data: Array.from({ length: count }, () => instrumentInfo(market)),
      }),
    );
  }
  let arg: Record<string, string> = { channel: 'tickers', instId };
  let data: unknown[];
  if (roll < 0.55) {
    data = [ticker(market, instrument)];
  } else if (roll < 0.8) {
    arg = { channel: 'trades', instId };
    data = Array.from({ length: rng.int(1, 3) }, () => trade(market, instrument));
  } else if (roll < 0.9) {
    arg = { channel: 'bbo-tbt', instId };
    data = [bestBidOffer(market, instrument)];
  } else if (roll < 0.95) {
    arg = { channel: 'mark-price', instId };
    const markPx = fixed(instrument.price, instrument.priceDecimals);
    data = [{ instType: 'MARGIN', instId, markPx, ts: String(market.now()) }];
  } else if (roll < 0.99) {
    arg = { channel: 'candle1m', instId };
    const p = instrument.price;
    const d = instrument.priceDecimals;
    const ohlc = [p * 0.999, p * 1.001, p * 0.998, p].map((x) => fixed(x, d));
    const volume = fixed(rng.logUniform(1, 9e5), instrument.sizeDecimals);
    data = [[String(market.now()), ...ohlc, volume, fixed(rng.logUniform(1e3, 9e7), 4), '0']];
  } else {
    // Subscribe acks: control frames without a "code", so they take the fast path.
    return JSON.stringify({
      event: 'subscribe',
      arg: { channel: rng.pick(['books', 'tickers', 'trades']), instId },
      connId: rng.hex(8),
    });
  }
  return JSON.stringify({ arg, data });
}
