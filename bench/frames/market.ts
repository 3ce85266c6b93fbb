// Shared market state for the generated frames: instruments whose prices walk, a clock, and
// order-book levels, so every frame carries distinct, plausible numbers.
import type { Rng } from '../prng.ts';

export interface Instrument {
  base: string;
  quote: string;
  price: number;
  /** Decimals of a price and of a quantity, as the exchange prints them. */
  priceDecimals: number;
  sizeDecimals: number;
}

export type Level = [price: number, size: number];

export interface Market {
  rng: Rng;
  /** A random instrument, its price moved one small step. */
  instrument(): Instrument;
  /** Milliseconds since the epoch; advances a little with every call, like a live feed. */
  now(): number;
  /** A sequence number that only grows (update ids, trade ids). */
  sequence(): number;
  /** `count` levels on one side of the book, best first; sizes of 0 delete a level. */
  levels(instrument: Instrument, side: 'bid' | 'ask', count: number, deletions: boolean): Level[];
  /** JSON text of one side of a book, `count` levels deep, in an exchange's level format. */
  bookSide(instrument: Instrument, side: 'bid' | 'ask', count: number, format: LevelFormat): string;
}

/** gateway: ["price","size"]; okx: ["price","size","0","orders"]; woo: [price,size]. */
export type LevelFormat = 'gateway' | 'okx' | 'woo';

/** Levels per precomputed ladder: deeper than any 50 KB book needs, with room to slide. */
const LADDER_LEVELS = 3000;

const INSTRUMENTS: readonly Instrument[] = [
  { base: 'BTC', quote: 'USDT', price: 43_012.5, priceDecimals: 1, sizeDecimals: 5 },
  { base: 'ETH', quote: 'USDT', price: 2_291.37, priceDecimals: 2, sizeDecimals: 4 },
  { base: 'SOL', quote: 'USDT', price: 98.412, priceDecimals: 3, sizeDecimals: 2 },
  { base: 'XRP', quote: 'USDT', price: 0.6213, priceDecimals: 4, sizeDecimals: 1 },
  { base: 'DOGE', quote: 'USDT', price: 0.08317, priceDecimals: 5, sizeDecimals: 0 },
  { base: 'TON', quote: 'USDC', price: 2.4411, priceDecimals: 4, sizeDecimals: 2 },
];

export function createMarket(rng: Rng): Market {
  // Copies: the walk mutates prices and two streams with one seed must not share state.
  const instruments = INSTRUMENTS.map((instrument) => ({ ...instrument }));
  let clock = 1_700_000_000_000;
  let sequence = 4_000_000_000;
  const ladders = new Map<string, string[]>();

  function levelText(instrument: Instrument, [price, size]: Level, format: LevelFormat): string {
    const p = fixed(price, instrument.priceDecimals);
    const s = fixed(size, instrument.sizeDecimals);
    if (format === 'woo') return `[${price},${size}]`;
    if (format === 'gateway') return `["${p}","${s}"]`;
    return `["${p}","${s}","0","${size === 0 ? 0 : rng.int(1, 40)}"]`;
  }

  // Formatting ten million levels one by one took most of the generation time; books are
  // instead windows at random depths of a long precomputed ladder per instrument and side.
  function ladder(instrument: Instrument, side: 'bid' | 'ask', format: LevelFormat): string[] {
    const key = `${instrument.base}/${instrument.quote}:${side}:${format}`;
    let texts = ladders.get(key);
    if (!texts) {
      const levels = market.levels(instrument, side, LADDER_LEVELS, true);
      texts = levels.map((level) => levelText(instrument, level, format));
      ladders.set(key, texts);
    }
    return texts;
  }

  const market: Market = {
    rng,
    instrument() {
      const instrument = rng.pick(instruments);
      instrument.price *= 1 + (rng.next() - 0.5) * 0.0004;
      return instrument;
    },
    now: () => {
      clock += rng.int(0, 3);
      return clock;
    },
    sequence: () => {
      sequence += rng.int(1, 40);
      return sequence;
    },
    levels(instrument, side, count, deletions) {
      const tick = 10 ** -instrument.priceDecimals;
      const direction = side === 'bid' ? -1 : 1;
      const levels: Level[] = [];
      let price = instrument.price + direction * tick * rng.int(1, 3);
      // Bids stop above zero: a deep ladder must not walk a cheap coin's price negative.
      for (let i = 0; i < count && price > tick; i++) {
        const size = deletions && rng.chance(0.15) ? 0 : rng.logUniform(0.001, 500);
        levels.push([round(price, instrument.priceDecimals), round(size, instrument.sizeDecimals)]);
        price += direction * tick * rng.int(1, 2);
      }
      return levels;
    },
    bookSide(instrument, side, count, format) {
      const texts = ladder(instrument, side, format);
      const depth = Math.min(count, texts.length);
      // Windows start near the top of the book, where updates happen.
      const start = rng.int(0, Math.min(texts.length - depth, 200));
      return `[${texts.slice(start, start + depth).join(',')}]`;
    },
  };
  return market;
}

// Formatting by integer arithmetic: toFixed took most of the generator's time at 300 MB.
const SCALES = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9];

export function round(value: number, decimals: number): number {
  const scale = SCALES[decimals] ?? 1;
  // An integer divided by a power of ten is the double nearest the decimal: it prints exactly.
  return Math.round(value * scale) / scale;
}

/** A number as exchanges print it in strings: fixed decimals ("43012.5", "0.08317"). */
export function fixed(value: number, decimals: number): string {
  const units = Math.round(Math.abs(value) * (SCALES[decimals] ?? 1));
  const sign = value < 0 && units > 0 ? '-' : '';
  if (decimals === 0) return sign + units;
  const digits = String(units).padStart(decimals + 1, '0');
  return `${sign}${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
}

/**
 * Builds a frame with as many repeated items (book levels, tickers, trades) as fit in
 * `targetBytes`, never over `maxBytes`: the size spread is what the benchmark is about.
 */
export function fitFrame(
  targetBytes: number,
  maxBytes: number,
  build: (items: number) => string,
): string {
  const one = build(1);
  // Averaged over a few items: item sizes vary with prices and quantities.
  const perItem = Math.max(1, (build(5).length - one.length) / 4);
  let items = Math.max(1, Math.round((targetBytes - one.length) / perItem) + 1);
  let text = build(items);
  while (text.length > maxBytes && items > 1) {
    items = Math.max(1, Math.floor(items * (maxBytes / text.length)) - 1);
    text = build(items);
  }
  return text;
}
