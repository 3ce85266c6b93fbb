// Frames that carry a "code" key but report success (OKX login and order acks, OKX REST-style
// replies, gateway replies): the detector must parse them and find nothing, so they keep the
// benchmark honest about its slow path.
import { fitFrame, fixed, type Market } from './market.ts';

export type CodeFrameExchange = 'gateway' | 'okx';

function okxCandles(market: Market, count: number): string[][] {
  const instrument = market.instrument();
  const d = instrument.priceDecimals;
  let ts = market.now() - count * 60_000;
  return Array.from({ length: count }, () => {
    ts += 60_000;
    const p = instrument.price * (1 + (market.rng.next() - 0.5) * 0.01);
    const ohlc = [p * 0.999, p * 1.002, p * 0.997, p].map((x) => fixed(x, d));
    const volume = fixed(market.rng.logUniform(1, 9e5), instrument.sizeDecimals);
    return [String(ts), ...ohlc, volume, fixed(market.rng.logUniform(1e3, 9e7), 4), '1'];
  });
}

/** A success reply with a "code" key, from OKX or the gateway. */
export function codeFrame(
  market: Market,
  exchange: CodeFrameExchange,
  targetBytes: number,
  maxBytes: number,
): string {
  const { rng } = market;
  if (exchange === 'gateway') {
    const roll = rng.next();
    if (roll < 0.5) {
      return JSON.stringify({
        code: 0,
        msg: 'success',
        data: { listenKey: rng.hex(60), expiresIn: 3600 },
      });
    }
    // Gateways that answer 200 with "success": not an error, though the code is not 0.
    const code = roll < 0.75 ? 200 : 0;
    const orderId = market.sequence();
    const instrument = market.instrument();
    return JSON.stringify({
      code,
      msg: 'success',
      data: {
        orderId,
        symbol: `${instrument.base}${instrument.quote}`,
        status: 'NEW',
        clientOrderId: rng.hex(22),
        price: fixed(instrument.price, instrument.priceDecimals),
        origQty: fixed(rng.logUniform(0.01, 10), instrument.sizeDecimals),
        executedQty: '0',
        type: 'LIMIT',
        side: rng.chance(0.5) ? 'BUY' : 'SELL',
        updateTime: market.now(),
      },
    });
  }
  const roll = rng.next();
  if (roll < 0.35) {
    return JSON.stringify({ event: 'login', code: '0', msg: '', connId: rng.hex(8) });
  }
  if (roll < 0.7) {
    const ts = market.now();
    const count = rng.int(1, 4);
    return JSON.stringify({
      id: rng.hex(10),
      op: count === 1 ? 'order' : 'batch-orders',
      data: Array.from({ length: count }, () => ({
        clOrdId: rng.hex(12),
        ordId: String(market.sequence()),
        tag: '',
        ts: String(ts),
        sCode: '0',
        sMsg: 'Order placed',
      })),
      code: '0',
      msg: '',
      inTime: String(ts * 1000 - 900),
      outTime: String(ts * 1000 + 300),
    });
  }
  // REST-style replies relayed over a socket (a page of candles).
  return fitFrame(targetBytes, maxBytes, (count) =>
    JSON.stringify({ code: '0', msg: '', data: okxCandles(market, count) }),
  );
}
