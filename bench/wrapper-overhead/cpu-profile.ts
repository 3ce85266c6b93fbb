// Bench (Node): a V8 CPU profile of one run in a page, summed where the time went: in the
// wrapper's own script, in the garbage collector, and in all. Unlike the busy time of the main
// thread, the wrapper's share does not move with the machine's load (only with its speed).
import type { CDPSession } from 'puppeteer-core';

export interface ProfileFigures {
  /** Self time of functions of the wrapper's script (the extension's MAIN-world bundle). */
  wrapperMs: number;
  garbageCollectorMs: number;
  /** Every sample but idle. */
  busyMs: number;
}

/** The wrapper's bundle: its file (Chromium's profiler keeps the URL, not the sourceURL) or
 * the name the build gives it. */
const isWrapperScript = (url: string) =>
  (url.startsWith('chrome-extension://') && url.includes('main-world')) ||
  url === 'exchange-lens://page-wrapper.js';

export async function profiled(
  session: CDPSession,
  run: () => Promise<void>,
): Promise<ProfileFigures> {
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 100 });
  await session.send('Profiler.start');
  await run();
  const { profile } = await session.send('Profiler.stop');
  const timeById = new Map<number, number>();
  profile.samples?.forEach((id, i) => {
    timeById.set(id, (timeById.get(id) ?? 0) + (profile.timeDeltas?.[i] ?? 0));
  });
  const figures: ProfileFigures = { wrapperMs: 0, garbageCollectorMs: 0, busyMs: 0 };
  for (const node of profile.nodes) {
    const ms = (timeById.get(node.id) ?? 0) / 1000;
    const { functionName, url } = node.callFrame;
    if (functionName === '(idle)') continue;
    figures.busyMs += ms;
    if (functionName === '(garbage collector)') figures.garbageCollectorMs += ms;
    else if (isWrapperScript(url)) figures.wrapperMs += ms;
  }
  return figures;
}
