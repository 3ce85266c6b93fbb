// Mock exchange (Node): market-data and error frames in the three exchanges' shapes, built from
// pre-joined string parts so thousands per second cost little more than a concatenation.
import { catalogueMessage } from '../catalogue-text.ts';
import { INSTRUMENTS, type Instrument, priceAt, priceDecimals } from './instruments.ts';

export const MARKET_DIALECTS = ['okx', 'gateway', 'woo', 'mixed'] as const;
export type MarketDialect = (typeof MARKET_DIALECTS)[number];
type FrameDialect = Exclude<MarketDialect, 'mixed'>;

/** One frame: seq numbers frames of a stream from 1; now is the wall clock in ms. */
export type FrameBuilder = (seq: number, now: number) => string;

function instrumentOf(seq: number): Instrument {
  return INSTRUMENTS[seq % INSTRUMENTS.length] as Instrument;
}

function price(instrument: Instrument, seq: number, offset = 0): string {
  const decimals = priceDecimals(instrument);
  return (priceAt(instrument, seq) + offset * 10 ** -decimals).toFixed(decimals);
}

// OKX tickers push, as on wss://ws.okx.com:8443/ws/v5/public.
const okxParts = INSTRUMENTS.map((i) => {
  const open = i.price.toFixed(priceDecimals(i));
  return {
    head: `{"arg":{"channel":"tickers","instId":"${i.okx}"},"data":[{"instType":"SPOT","instId":"${i.okx}","last":"`,
    tail: `","open24h":"${open}","high24h":"${(i.price * 1.02).toFixed(1)}","low24h":"${(i.price * 0.98).toFixed(1)}","sodUtc0":"${open}","sodUtc8":"${open}","volCcy24h":"2876545612.4","vol24h":"44132.1","ts":"`,
  };
});

export function okxTickerFrame(instrument: Instrument, seq: number, now: number): string {
  const parts = okxParts[INSTRUMENTS.indexOf(instrument)] ?? okxParts[0];
  return `${parts?.head}${price(instrument, seq)}","lastSz":"0.0213","askPx":"${price(instrument, seq, 1)}","askSz":"1.21","bidPx":"${price(instrument, seq, -1)}","bidSz":"0.83${parts?.tail}${now}"}]}`;
}

// Binance-style futures aggregate trade, as the gateway's streams push it.
export function gatewayAggTradeFrame(instrument: Instrument, seq: number, now: number): string {
  return `{"e":"aggTrade","E":${now},"s":"${instrument.gateway}","a":${seq},"p":"${price(instrument, seq)}","q":"0.010","f":${seq},"l":${seq},"T":${now},"m":${seq % 2 === 0}}`;
}

export function gatewayTickerFrame(instrument: Instrument, seq: number, now: number): string {
  const last = price(instrument, seq);
  return `{"e":"24hrTicker","E":${now},"s":"${instrument.gateway}","p":"12.5","P":"0.019","w":"${last}","c":"${last}","Q":"0.010","o":"${instrument.price}","h":"${(instrument.price * 1.02).toFixed(1)}","l":"${(instrument.price * 0.98).toFixed(1)}","v":"184823.12","q":"1203948211.7","O":${now - 86_400_000},"C":${now},"F":${seq},"L":${seq + 1000},"n":1000}`;
}

export function gatewayMarkPriceFrame(instrument: Instrument, seq: number, now: number): string {
  return `{"e":"markPriceUpdate","E":${now},"s":"${instrument.gateway}","p":"${price(instrument, seq)}","i":"${price(instrument, seq, 2)}","r":"0.00010000","T":${now + 3_600_000}}`;
}

// WOO X public trade push.
export function wooTradeFrame(instrument: Instrument, seq: number, now: number): string {
  return `{"topic":"${instrument.woo}@trade","ts":${now},"data":{"symbol":"${instrument.woo}","price":${price(instrument, seq)},"size":0.0125,"side":"${seq % 2 === 0 ? 'BUY' : 'SELL'}","source":0}}`;
}

const DATA: Readonly<Record<FrameDialect, (i: Instrument, seq: number, now: number) => string>> = {
  okx: okxTickerFrame,
  gateway: gatewayAggTradeFrame,
  woo: wooTradeFrame,
};

// Error envelopes carry "#<seq>" so a benchmark can tell which error frame went missing.
const okxErrorHead = `{"event":"error","code":"60014","msg":"${catalogueMessage('okx:ws-message:60014')}. #`;
const gatewayErrorHead = `{"id":null,"status":429,"error":{"code":-1003,"msg":"${catalogueMessage('gateway:rest:-1003')}. #`;
const wooErrorHead = `{"success":false,"code":-1003,"message":"${catalogueMessage('woo:rest:-1003')} #`;

export function errorFrame(dialect: FrameDialect, seq: number, connId: string): string {
  switch (dialect) {
    case 'okx':
      return `${okxErrorHead}${seq}","connId":"${connId}"}`;
    case 'gateway':
      return `${gatewayErrorHead}${seq}"}}`;
    case 'woo':
      return `${wooErrorHead}${seq}"}`;
  }
}

const ROTATION: readonly FrameDialect[] = ['okx', 'gateway', 'woo'];

export function frameDialectOf(dialect: MarketDialect, seq: number): FrameDialect {
  return dialect === 'mixed' ? (ROTATION[seq % ROTATION.length] as FrameDialect) : dialect;
}

/** Frames of a market stream; every errorEvery-th frame (0: none) is an error envelope. */
export function marketFrameBuilder(
  dialect: MarketDialect,
  errorEvery: number,
  connId: string,
): FrameBuilder {
  return (seq, now) => {
    const frameDialect = frameDialectOf(dialect, seq);
    if (errorEvery > 0 && seq % errorEvery === 0) return errorFrame(frameDialect, seq, connId);
    return DATA[frameDialect](instrumentOf(seq), seq, now);
  };
}
