// The benchmark's floor: the least work any detector must do, one search for code" per frame.
import type { WsMessageEvent } from '../src/core/index.ts';

/** The search the detector starts with (it then checks the quote before each hit); the sum
 * keeps the JIT from dropping the loop. */
export function floorPass(events: readonly WsMessageEvent[]): number {
  let sum = 0;
  for (const event of events) {
    if (typeof event.data === 'string') sum += event.data.indexOf('code"');
  }
  return sum;
}
