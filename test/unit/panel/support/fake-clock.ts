// Test support: a clock whose timers run only when the test advances time.
import type { SessionClock } from '../../../../src/panel/traffic/traffic-session.ts';

export function fakeClock(start = 0) {
  let now = start;
  let nextId = 1;
  const timers = new Map<number, { at: number; run: () => void }>();
  const clock: SessionClock & {
    setTimeout(run: () => void, ms: number): number;
    clearTimeout(handle: unknown): void;
  } = {
    now: () => now,
    setTimeout(run, ms) {
      const id = nextId++;
      timers.set(id, { at: now + Math.max(0, ms), run });
      return id;
    },
    clearTimeout(handle) {
      timers.delete(handle as number);
    },
  };
  /** Moves time forward, running each timer that falls due, in order. */
  function advance(ms: number): void {
    const end = now + ms;
    for (;;) {
      let due: [number, { at: number; run: () => void }] | undefined;
      for (const timer of timers)
        if (timer[1].at <= end && (!due || timer[1].at < due[1].at)) due = timer;
      if (!due) break;
      timers.delete(due[0]);
      now = Math.max(now, due[1].at);
      due[1].run();
    }
    now = end;
  }
  return { clock, advance, pending: () => timers.size };
}
