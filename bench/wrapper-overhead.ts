// Wrapper benchmark (Node, npm run bench:wrapper): what the MAIN-world WebSocket wrapper costs a
// page on its hot paths: send() on an open socket, send() on a closed one (the browser discards
// the data; the wrapper records it as refused), the dispatch of received text messages, and of
// binary ones as ArrayBuffers and as Blobs (random bytes, --binary-bytes each). Headless
// Chromium with the e2e flags, once without the extension and once with it (no panel open: the
// page keeps its history, as most of the time). For each path: the page's own clock, and the
// main thread's busy time (CDP TaskDuration, which also counts work done after the last frame,
// such as reading Blobs), then CPU-profiled runs of each path (the median of --profile-runs):
// the wrapper script's own time and the garbage collector's, which the machine's load moves
// much less. Prints per-operation
// times and ratios and writes bench/wrapper-results.json. No figure is ever a pass or a fail.
//   npm run bench:wrapper [-- --ops 20000 --binary-ops 5000 --binary-bytes 16384 --rounds 5
//                            --profile-runs 3 --extension dist/chrome]
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { relative, resolve } from 'node:path';
import type { Browser, CDPSession } from 'puppeteer-core';
import { launchChromiumWithExtension } from '../test/e2e/support/chromium.ts';
import { builtExtension } from '../test/e2e/support/dist.ts';
import { launchPlainChromium } from '../test/e2e/support/plain-chromium.ts';
import { median, round } from './panel-load/statistics.ts';
import { type BenchSite, startBenchSite } from './wrapper-overhead/bench-site.ts';
import { type ProfileFigures, profiled } from './wrapper-overhead/cpu-profile.ts';

const PROBE = new URL('./wrapper-overhead/page-probe.js', import.meta.url);
const PATHS = ['send', 'sendAfterClose', 'receive', 'receiveArrayBuffer', 'receiveBlob'] as const;
type Path = (typeof PATHS)[number];
const BINARY_PATHS: readonly Path[] = ['receiveArrayBuffer', 'receiveBlob'];
/** Milliseconds per round, by path: the page's clock and the main thread's busy time. */
type Figures = { wall: Record<Path, number[]>; busy: Record<Path, number[]> };
/** Idle time after each run, so that work the wrapper left queued is counted in its busy time. */
const SETTLE_MS = 300;

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
}

const ops = Number(option('ops', '20000'));
const binaryOps = Number(option('binary-ops', '5000'));
const binaryBytes = Number(option('binary-bytes', '16384'));
const rounds = Number(option('rounds', '5'));
const profileRuns = Number(option('profile-runs', '3'));
const extensionDir = process.argv.includes('--extension')
  ? resolve(option('extension', 'dist/chrome'))
  : builtExtension('chrome');
const counts = [ops, binaryOps, binaryBytes, rounds, profileRuns];
if (!counts.every((count) => Number.isSafeInteger(count) && count >= 1)) {
  process.stderr.write(
    'usage: npm run bench:wrapper [-- --ops N --binary-ops N --binary-bytes N --rounds N --profile-runs N --extension DIR]\n',
  );
  process.exit(2);
}

async function busySeconds(session: CDPSession): Promise<number> {
  const { metrics } = await session.send('Performance.getMetrics');
  return metrics.find((metric) => metric.name === 'TaskDuration')?.value ?? 0;
}

const emptyFigures = (): Figures => {
  const byPath = () => Object.fromEntries(PATHS.map((path) => [path, [] as number[]]));
  return { wall: byPath(), busy: byPath() } as Figures;
};

/** Opens the probe page once per browser and runs every path once to warm up (left out). */
async function openProbe(browser: Browser, site: BenchSite) {
  const probe = readFileSync(PROBE, 'utf8').replace(
    '(WS_ORIGIN, OPS, BINARY_OPS, BINARY_BYTES)',
    `(${JSON.stringify(site.wsOrigin)}, ${ops}, ${binaryOps}, ${binaryBytes})`,
  );
  const page = await browser.newPage();
  await page.goto(site.pageUrl);
  await page.evaluate(probe);
  const session = await page.createCDPSession();
  await session.send('Performance.enable');
  const run = async (path: Path) => {
    const before = await busySeconds(session);
    const wall = Number(await page.evaluate(`window.__wrapperProbe(${JSON.stringify(path)})`));
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    return { wall, busy: ((await busySeconds(session)) - before) * 1000 };
  };
  for (const path of PATHS) await run(path);
  return {
    profile: async (path: Path) =>
      profiled(session, async () => {
        await page.evaluate(`window.__wrapperProbe(${JSON.stringify(path)})`);
        await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
      }),
    round: async (into: Figures) => {
      for (const path of PATHS) {
        const { wall, busy } = await run(path);
        into.wall[path].push(wall);
        into.busy[path].push(busy);
      }
    },
    close: () => page.close(),
  };
}

/** Rounds alternate between the two browsers (and which goes first), so that drift in the
 * machine's load falls on both alike. */
type Profiles = Record<Path, ProfileFigures>;

/** Each figure's median over the runs of a path. */
function medianProfiles(runs: Record<Path, ProfileFigures[]>): Profiles {
  const out = {} as Profiles;
  for (const path of PATHS) {
    const of = (key: keyof ProfileFigures) =>
      median(runs[path].map((run) => run[key])) ?? Number.NaN;
    out[path] = {
      wrapperMs: of('wrapperMs'),
      garbageCollectorMs: of('garbageCollectorMs'),
      busyMs: of('busyMs'),
    };
  }
  return out;
}

async function measure(a: Browser, b: Browser, site: BenchSite) {
  const probes = [await openProbe(a, site), await openProbe(b, site)] as const;
  const figures: [Figures, Figures] = [emptyFigures(), emptyFigures()];
  for (let r = 0; r < rounds; r += 1) {
    const order = r % 2 === 0 ? [0, 1] : [1, 0];
    for (const which of order) await probes[which as 0 | 1].round(figures[which as 0 | 1]);
    process.stdout.write(`  round ${r + 1}/${rounds}\n`);
  }
  const runs = [{}, {}] as [Record<Path, ProfileFigures[]>, Record<Path, ProfileFigures[]>];
  for (const path of PATHS) {
    for (const which of [0, 1] as const) {
      runs[which][path] = [];
      for (let r = 0; r < profileRuns; r += 1) {
        runs[which][path].push(await probes[which].profile(path));
      }
    }
  }
  const profiles = [medianProfiles(runs[0]), medianProfiles(runs[1])] as const;
  process.stdout.write('  profiled\n');
  for (const probe of probes) await probe.close();
  return { figures, profiles };
}

const opsOf = (path: Path) => (BINARY_PATHS.includes(path) ? binaryOps : ops);
const perOp = (ms: number, path: Path) => round((ms * 1000) / opsOf(path), 2);

type Comparison = ReturnType<typeof compare>;

function compare(path: Path, without: number[], withExtension: number[]) {
  const a = median(without) ?? Number.NaN;
  const b = median(withExtension) ?? Number.NaN;
  return {
    withoutUsPerOp: perOp(a, path),
    withUsPerOp: perOp(b, path),
    ratio: round(b / a, 2),
    roundsMsWithout: without.map((ms) => round(ms, 1)),
    roundsMsWith: withExtension.map((ms) => round(ms, 1)),
  };
}

type ProfileComparison = ReturnType<typeof compareProfiles>;

/** The profiled runs of each: µs per operation. */
function compareProfiles(path: Path, without: ProfileFigures, withExtension: ProfileFigures) {
  return {
    wrapperUsPerOp: perOp(withExtension.wrapperMs, path),
    garbageCollectorUsPerOpWithout: perOp(without.garbageCollectorMs, path),
    garbageCollectorUsPerOpWith: perOp(withExtension.garbageCollectorMs, path),
    busyUsPerOpWithout: perOp(without.busyMs, path),
    busyUsPerOpWith: perOp(withExtension.busyMs, path),
  };
}

const site = await startBenchSite();
const loadBefore = round(loadavg()[0] ?? 0, 2);
try {
  process.stdout.write(
    `Chromium without the extension and with ${extensionDir}: ${rounds} rounds of ${ops} ` +
      `(binary: ${binaryOps} frames of ${binaryBytes} bytes)\n`,
  );
  const plain = await launchPlainChromium();
  const launched = await launchChromiumWithExtension(extensionDir).catch(async (error) => {
    await plain.close();
    throw error;
  });
  const version = await plain.browser.version();
  const measured = await measure(plain.browser, launched.browser, site).finally(async () => {
    await plain.close();
    await launched.close();
  });

  const [without, withExtension] = measured.figures;
  const paths = {} as Record<
    Path,
    { ops: number; wall: Comparison; mainThreadBusy: Comparison; profile: ProfileComparison }
  >;
  for (const path of PATHS) {
    paths[path] = {
      ops: opsOf(path),
      wall: compare(path, without.wall[path], withExtension.wall[path]),
      mainThreadBusy: compare(path, without.busy[path], withExtension.busy[path]),
      profile: compareProfiles(path, measured.profiles[0][path], measured.profiles[1][path]),
    };
  }
  const results = {
    command: ['npm run bench:wrapper', ...process.argv.slice(2)].join(' '),
    date: new Date().toISOString(),
    chromium: version,
    machine: { cpus: cpus().length, loadAverage1mAtStart: loadBefore },
    extension: relative(process.cwd(), extensionDir) || '.',
    ops,
    binaryOps,
    binaryBytes,
    rounds,
    profileRuns,
    paths,
  };
  const cell = (figures: Comparison) =>
    `${String(figures.withoutUsPerOp).padStart(9)} ${String(figures.withUsPerOp).padStart(9)}  ×${String(figures.ratio).padEnd(5)}`;
  const rows = PATHS.map(
    (path) => `${path.padEnd(18)} ${cell(paths[path].wall)}  ${cell(paths[path].mainThreadBusy)}`,
  );
  const profileRows = PATHS.map((path) => {
    const p = paths[path].profile;
    const cells = [
      p.wrapperUsPerOp,
      p.garbageCollectorUsPerOpWithout,
      p.garbageCollectorUsPerOpWith,
      p.busyUsPerOpWithout,
      p.busyUsPerOpWith,
    ];
    return `${path.padEnd(18)} ${cells.map((cell) => String(cell).padStart(9)).join(' ')}`;
  });
  process.stdout.write(
    `\nµs per operation    page clock: without   with  ratio   main thread: without   with  ratio\n${rows.join('\n')}\n` +
      `\nCPU profile, µs/op   wrapper  GC without   GC with  busy without  busy with\n${profileRows.join('\n')}\n`,
  );
  writeFileSync(
    new URL('./wrapper-results.json', import.meta.url),
    `${JSON.stringify(results, null, 2)}\n`,
  );
  process.stdout.write('wrote bench/wrapper-results.json\n');
} finally {
  await site.close();
}
