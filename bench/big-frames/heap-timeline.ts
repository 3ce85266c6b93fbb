// Bench (Node): the panel's JS heap every 100 ms over CDP, kept whole: the peak, how long the
// heap stayed above a level (a big payload held, or let go at the next collection), and what is
// left after a forced collection.
import type { Target } from 'puppeteer-core';

const MB = 1024 * 1024;
const round = (value: number) => Math.round(value * 10) / 10;

export interface HeapTimeline {
  peakMB: number | null;
  /** Milliseconds of samples above `overMB`. */
  msOver: number;
  overMB: number;
  /** After HeapProfiler.collectGarbage once sampling stopped: what the panel really holds. */
  afterGcMB: number | null;
  samples: number;
}

export async function sampleHeapTimeline(target: Target | undefined, overMB: number) {
  const session = await target?.createCDPSession().catch(() => undefined);
  const samples: number[] = [];
  let running = true;
  const everyMs = 100;
  const used = async () => {
    const { usedSize } = (await session?.send('Runtime.getHeapUsage')) ?? { usedSize: NaN };
    return usedSize / MB;
  };
  const loop = (async () => {
    while (running && session) {
      const mb = await used().catch(() => undefined);
      if (mb !== undefined && Number.isFinite(mb)) samples.push(mb);
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    async stop(): Promise<HeapTimeline> {
      running = false;
      await loop;
      let afterGcMB: number | null = null;
      if (session) {
        await session.send('HeapProfiler.collectGarbage').catch(() => undefined);
        afterGcMB = await used().then(round, () => null);
        await session.detach().catch(() => undefined);
      }
      return {
        peakMB: samples.length > 0 ? round(Math.max(...samples)) : null,
        msOver: samples.filter((mb) => mb > overMB).length * everyMs,
        overMB,
        afterGcMB,
        samples: samples.length,
      };
    },
  };
}
