// `npm run bench:panel`: importing a 100 MB HAR into the panel and filtering 10,000 rows. A
// deterministic HAR (bench/panel-import/generate-har.ts) is imported by the panel's own code in
// Node and by the built panel in Chromium (time from choosing the file to its rows shown); the
// filter language runs over 10,000 rows in Node (parse and match per query) and in the panel
// (typing to the painted frame). Prints the figures and writes bench/panel-import-results.json;
// never fails on speed. `--mb N` sizes the HAR (default 100), `--runs N` the Chromium imports.
import { writeFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { locateBrowser } from '../test/e2e/support/browsers.ts';
import { runInChromium } from './panel-import/chromium-run.ts';
import { generateHar } from './panel-import/generate-har.ts';
import { importInNode, timeFilters } from './panel-import/node-runs.ts';

function flag(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  const value = at < 0 ? Number.NaN : Number(process.argv[at + 1]);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

const MB = flag('mb', 100);
const RUNS = flag('runs', 3);
const FILTER_ROWS = 10_000;

const generatedAt = performance.now();
const har = generateHar(MB * 1024 * 1024);
console.log(
  `HAR: ${(har.bytes / 1024 / 1024).toFixed(1)} MB, ${har.entries} entries, ${har.frames.toLocaleString('en')} frames (${har.compressedFrames} gzip), ${har.httpEntries} HTTP (${har.httpErrors} errors), generated in ${Math.round(performance.now() - generatedAt)} ms`,
);

const nodeDefault = await importInNode(har.text, 5_000);
console.log(
  `Node import, history 5,000: ${nodeDefault.result.ms} ms, ${nodeDefault.result.rows.toLocaleString('en')} rows built, ${nodeDefault.result.rowsKept.toLocaleString('en')} kept (${nodeDefault.result.errorsKept} errors)`,
);
const nodeHeld = await importInNode(har.text, FILTER_ROWS);
const nodeFilters = timeFilters(nodeHeld.snapshot, FILTER_ROWS);
for (const f of nodeFilters) {
  console.log(
    `Node filter ${f.rows.toLocaleString('en')} rows  ${f.query.padEnd(40)} median ${f.medianMs} ms, p95 ${f.p95Ms} ms, ${f.kept} kept`,
  );
}

const chromium = locateBrowser('chromium');
let browser: Awaited<ReturnType<typeof runInChromium>> | { skipped: string } = {
  skipped: chromium.problem ?? '',
};
if (!chromium.skip && chromium.executablePath) {
  const dir = await mkdtemp(join(tmpdir(), 'exchange-lens-bench-'));
  const file = join(dir, 'bench-session.har');
  await writeFile(file, har.text);
  try {
    browser = await runInChromium(file, RUNS);
    for (const run of browser.imports) {
      console.log(
        `Chromium import: ${run.panelMs} ms to rows shown (wall ${run.wallMs} ms, heap ${run.heapMB} MB): ${run.rowsShown}`,
      );
    }
    console.log(`Chromium import median: ${browser.importMedianMs} ms`);
    console.log(`Chromium filter over: ${browser.filterRows}`);
    for (const f of browser.filters) {
      console.log(
        `Chromium filter ${f.query.padEnd(40)} median ${f.renderMedianMs} ms to rendered, ${f.paintedMedianMs} ms to painted`,
      );
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const results = {
  command: 'npm run bench:panel',
  when: new Date().toISOString(),
  machine: {
    cores: cpus().length,
    loadavg: loadavg().map((v) => Number(v.toFixed(2))),
    node: process.version,
  },
  har: { ...har, text: undefined, megabytes: Number((har.bytes / 1024 / 1024).toFixed(1)) },
  node: {
    importHistory5000: nodeDefault.result,
    importHistory10000: nodeHeld.result,
    filters: nodeFilters,
  },
  chromium: browser,
};
writeFileSync(
  new URL('./panel-import-results.json', import.meta.url),
  `${JSON.stringify(results, null, 2)}\n`,
);
console.log('wrote bench/panel-import-results.json');
