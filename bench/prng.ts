// Seeded randomness for the benchmark's frame generator: the same seed gives the same stream,
// so figures from two machines or two commits are measured on identical input.

export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max], both included. */
  int(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  /** Log-uniform in [min, max]: as many frames of 100-1000 bytes as of 10-100 KB. */
  logUniform(min: number, max: number): number;
  chance(probability: number): boolean;
  /** A lowercase hex id, like the connId and request ids exchanges put in frames. */
  hex(length: number): string;
}

/** mulberry32: tiny, fast and good enough for test data; Math.random cannot be seeded. */
export function createRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number): number => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    pick: <T>(items: readonly T[]): T => items[int(0, items.length - 1)] as T,
    logUniform: (min, max) => Math.exp(Math.log(min) + next() * (Math.log(max) - Math.log(min))),
    chance: (probability) => next() < probability,
    hex: (length) => {
      let text = '';
      while (text.length < length) text += Math.floor(next() * 0x100000000).toString(16);
      return text.slice(0, length);
    },
  };
}
