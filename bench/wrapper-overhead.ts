// Wrapper benchmark (Node, npm run bench:wrapper): what the MAIN-world WebSocket wrapper costs a
// page on its hot paths: send() on an open socket, send() on a closed one (the browser discards
// the data; the wrapper records it as refused) and the dispatch of received messages. Headless
// Chromium with the e2e flags, once without the extension and once with it (no panel open: the
// page keeps its history, as most of the time). Prints per-operation times and ratios and writes
// bench/wrapper-results.json. No figure is ever a pass or a fail.
//   npm run bench:wrapper [-- --ops 20000 --rounds 5 --extension dist/chrome]
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { relative, resolve } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { launchChromiumWithExtension } from '../test/e2e/support/chromium.ts';
import { builtExtension } from '../test/e2e/support/dist.ts';
import { launchPlainChromium } from '../test/e2e/support/plain-chromium.ts';
import { median, round } from './panel-load/statistics.ts';
import { type BenchSite, startBenchSite } from './wrapper-overhead/bench-site.ts';

const PROBE = new URL('./wrapper-overhead/page-probe.js', import.meta.url);
const PATHS = ['send', 'sendAfterClose', 'receive'] as const;
type Path = (typeof PATHS)[number];
type Figures = Record<Path, number[]>;

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? (process.argv[at + 1] ?? fallback) : fallback;
}

const ops = Number(option('ops', '20000'));
const rounds = Number(option('rounds', '5'));
const extensionDir = process.argv.includes('--extension')
  ? resolve(option('extension', 'dist/chrome'))
  : builtExtension('chrome');
if (!Number.isSafeInteger(ops) || ops < 1 || !Number.isSafeInteger(rounds) || rounds < 1) {
  process.stderr.write('usage: npm run bench:wrapper [-- --ops N --rounds N --extension DIR]\n');
  process.exit(2);
}

/** Opens the probe page once per browser; each call runs one warm-up and one measured round. */
async function openProbe(browser: Browser, site: BenchSite) {
  const probe = readFileSync(PROBE, 'utf8').replace(
    '(WS_ORIGIN, OPS, ROUNDS)',
    `(${JSON.stringify(site.wsOrigin)}, ${ops}, 1)`,
  );
  const page = await browser.newPage();
  await page.goto(site.pageUrl);
  return {
    round: async () => (await page.evaluate(probe)) as Figures,
    close: () => page.close(),
  };
}

/** Rounds alternate between the two browsers (and which goes first), so that drift in the
 * machine's load falls on both alike. */
async function measure(a: Browser, b: Browser, site: BenchSite): Promise<[Figures, Figures]> {
  const probes = [await openProbe(a, site), await openProbe(b, site)] as const;
  const out: [Figures, Figures] = [
    { send: [], sendAfterClose: [], receive: [] },
    { send: [], sendAfterClose: [], receive: [] },
  ];
  for (let r = 0; r < rounds; r += 1) {
    const order = r % 2 === 0 ? [0, 1] : [1, 0];
    for (const which of order) {
      const figures = await probes[which as 0 | 1].round();
      for (const path of PATHS) out[which as 0 | 1][path].push(...figures[path]);
    }
    process.stdout.write(`  round ${r + 1}/${rounds}\n`);
  }
  for (const probe of probes) await probe.close();
  return out;
}

const perOp = (ms: number) => round((ms * 1000) / ops, 3);

const site = await startBenchSite();
const loadBefore = round(loadavg()[0] ?? 0, 2);
try {
  process.stdout.write(
    `Chromium without the extension and with ${extensionDir}: ${rounds} rounds of ${ops}\n`,
  );
  const plain = await launchPlainChromium();
  const launched = await launchChromiumWithExtension(extensionDir).catch(async (error) => {
    await plain.close();
    throw error;
  });
  const version = await plain.browser.version();
  const [without, withExtension] = await measure(plain.browser, launched.browser, site).finally(
    async () => {
      await plain.close();
      await launched.close();
    },
  );

  const paths = Object.fromEntries(
    PATHS.map((path) => {
      const a = median(without[path]) ?? Number.NaN;
      const b = median(withExtension[path]) ?? Number.NaN;
      return [
        path,
        {
          withoutUsPerOp: perOp(a),
          withUsPerOp: perOp(b),
          ratio: round(b / a, 2),
          roundsMsWithout: without[path].map((ms) => round(ms, 1)),
          roundsMsWith: withExtension[path].map((ms) => round(ms, 1)),
        },
      ];
    }),
  );
  const results = {
    command: ['npm run bench:wrapper', ...process.argv.slice(2)].join(' '),
    date: new Date().toISOString(),
    chromium: version,
    machine: { cpus: cpus().length, loadAverage1mAtStart: loadBefore },
    extension: relative(process.cwd(), extensionDir) || '.',
    ops,
    rounds,
    paths,
  };
  const rows = PATHS.map((path) => {
    const p = paths[path] as { withoutUsPerOp: number; withUsPerOp: number; ratio: number };
    return `${path.padEnd(16)} ${String(p.withoutUsPerOp).padStart(9)} µs ${String(p.withUsPerOp).padStart(9)} µs   ×${p.ratio}`;
  });
  process.stdout.write(
    `\n${'per operation'.padEnd(16)} ${'without'.padStart(12)} ${'with'.padStart(12)}   ratio\n${rows.join('\n')}\n`,
  );
  writeFileSync(
    new URL('./wrapper-results.json', import.meta.url),
    `${JSON.stringify(results, null, 2)}\n`,
  );
  process.stdout.write('wrote bench/wrapper-results.json\n');
} finally {
  await site.close();
}
