// Bench (Node): JS heap used by a target (the panel's frame, the hub's service worker) over CDP,
// sampled every few seconds: bounded memory shows as a plateau, a leak as a climb.
import type { CDPSession, Target } from 'puppeteer-core';
import { round } from './statistics.ts';

export interface HeapFigures {
  /** MB used at the first sample, the highest sample, and the last sample. */
  startMB: number | null;
  maxMB: number | null;
  endMB: number | null;
  /** After a forced garbage collection when sampling stops: what the target really holds. */
  afterGcMB: number | null;
  /** Sampled values, MB, oldest first: "t+Ns: M" pairs as text (one line in the JSON). */
  samples: string;
}

const MB = 1024 * 1024;

export interface HeapSampler {
  stop(): Promise<HeapFigures>;
}

async function usedMB(session: CDPSession): Promise<number> {
  const { usedSize } = await session.send('Runtime.getHeapUsage');
  return round(usedSize / MB, 2);
}

export async function sampleHeap(
  target: Target | undefined,
  everyMs: number,
): Promise<HeapSampler> {
  const session = await target?.createCDPSession().catch(() => undefined);
  const samples: { at: number; mb: number }[] = [];
  const started = Date.now();
  let running = true;
  const loop = (async () => {
    while (running && session) {
      const mb = await usedMB(session).catch(() => undefined);
      if (mb !== undefined) samples.push({ at: Date.now() - started, mb });
      await new Promise((resolve) => setTimeout(resolve, everyMs));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      let afterGcMB: number | null = null;
      if (session) {
        await session.send('HeapProfiler.collectGarbage').catch(() => undefined);
        afterGcMB = await usedMB(session).catch(() => null);
        await session.detach().catch(() => undefined);
      }
      const values = samples.map((s) => s.mb);
      return {
        startMB: values[0] ?? null,
        maxMB: values.length > 0 ? Math.max(...values) : null,
        endMB: values.at(-1) ?? null,
        afterGcMB,
        samples: samples.map((s) => `${Math.round(s.at / 1000)}s:${s.mb}`).join(' '),
      };
    },
  };
}
