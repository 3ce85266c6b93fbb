// Mock exchange (Node): the few instruments the mock trades, in each exchange's naming.

export interface Instrument {
  /** Gateway / Binance style: BTCUSDT. */
  gateway: string;
  /** OKX spot: BTC-USDT. */
  okx: string;
  /** WOO X: SPOT_BTC_USDT. */
  woo: string;
  base: string;
  price: number;
}

export const INSTRUMENTS: readonly Instrument[] = [
  { gateway: 'BTCUSDT', okx: 'BTC-USDT', woo: 'SPOT_BTC_USDT', base: 'BTC', price: 65_000 },
  { gateway: 'ETHUSDT', okx: 'ETH-USDT', woo: 'SPOT_ETH_USDT', base: 'ETH', price: 3_400 },
  { gateway: 'SOLUSDT', okx: 'SOL-USDT', woo: 'SPOT_SOL_USDT', base: 'SOL', price: 150 },
];

/** A price that wanders a little around the instrument's base price, deterministic per tick. */
export function priceAt(instrument: Instrument, tick: number): number {
  const wave = Math.sin(tick / 50) * 0.002 + ((tick * 7919) % 101) / 100_000;
  return instrument.price * (1 + wave);
}

/** The number of decimals prices of this instrument are quoted with. */
export function priceDecimals(instrument: Instrument): number {
  return instrument.price >= 1000 ? 1 : 2;
}
