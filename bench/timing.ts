// Timing for the benchmark: contenders run in turns, after a forced garbage collection, so
// neither machine drift nor one contender's garbage is billed to another.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

export interface Contender<Input> {
  name: string;
  /** One full pass over the input. */
  run(input: Input): void;
}

export interface Timing {
  name: string;
  samplesMs: number[];
  medianMs: number;
}

// `npm run bench` starts node without --expose-gc; this exposes gc from inside the process.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? 0) + upper) / 2;
}

function timeOnce<Input>(contender: Contender<Input>, input: Input): number {
  collectGarbage();
  const start = process.hrtime.bigint();
  contender.run(input);
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/**
 * One untimed pass each over `warmup` (so the JIT has optimised every contender; a part of the
 * input is enough and spares a full naive pass), then `runs` timed turns over `input`.
 */
export function timeContenders<Input>(
  contenders: readonly Contender<Input>[],
  input: Input,
  warmup: Input,
  runs: number,
  onSample?: (name: string, ms: number) => void,
): Timing[] {
  for (const contender of contenders) contender.run(warmup);
  const samples = new Map<string, number[]>(contenders.map(({ name }) => [name, []]));
  for (let i = 0; i < runs; i++) {
    for (const contender of contenders) {
      const ms = timeOnce(contender, input);
      samples.get(contender.name)?.push(ms);
      onSample?.(contender.name, ms);
    }
  }
  return contenders.map(({ name }) => {
    const samplesMs = samples.get(name) ?? [];
    return { name, samplesMs, medianMs: median(samplesMs) };
  });
}
