// `npm run bench:popup`: how fast the quick-lookup popup answers. Per keystroke, the search over
// all catalogues as 20 realistic queries are typed one character at a time (Node, the popup's
// own search code; also with a maximal 5,000-entry custom catalogue). In Chromium, on the built
// popup: first paint (navigation to first results painted, next to an empty extension page as
// the browser's floor) and keystroke to results laid out (the first screenful of rows; the rest
// follow a frame later). Prints the figures, writes bench/popup-results.json; never fails on speed.
import { cpSync, rmSync, writeFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'puppeteer-core';
import { parseCustomCatalogue } from '../src/core/custom-catalogue/index.ts';
import { BUNDLED_CATALOGUE, type CatalogueEntry } from '../src/core/index.ts';
import { buildSearchIndex, search } from '../src/core/search/index.ts';
import { FIRST_RESULTS_MARK } from '../src/popup/popup.tsx';
import { locateBrowser } from '../test/e2e/support/browsers.ts';
import { launchChromiumWithExtension } from '../test/e2e/support/chromium.ts';
import { builtExtension } from '../test/e2e/support/dist.ts';

/** What users type: codes with and without the sign, names, words, Chinese, typos. */
export const QUERIES = [
  '-1021',
  '1021',
  '60012',
  '4004',
  '-2019',
  'INVALID_SIGNATURE',
  'TOO_MANY_REQUEST',
  'recv window',
  'passphrase',
  'signature',
  'rate limit',
  'timestamp expired',
  'insufficient margin',
  'login failed',
  'order not found',
  'subscribe channel',
  '签名',
  '登录',
  'passprase',
  'normal closure',
];
const NODE_RUNS = 5;
const PAGE_LOADS = 15;
const TYPING_DELAY_MS = 60;
const AIM = { keystrokeMs: 16, firstPaintMs: 100 };

const round = (ms: number) => Number(ms.toFixed(3));

interface Percentiles {
  p50: number;
  p95: number;
  max: number;
  n: number;
}

interface BrowserFigures {
  version: string;
  pageLoads: number;
  /** The first open after the browser started: nothing cached or compiled yet. */
  coldFirstResultsPaintedMs: number;
  /** Later opens; "painted" is the later of first-contentful-paint and the popup's mark. */
  firstResultsPaintedMs: Percentiles;
  /** The same for an empty extension page: what the browser costs before the popup's work. */
  emptyPageFirstPaintMs: Percentiles;
  keystrokeToLayoutMs: Percentiles;
}

function percentiles(samples: readonly number[]): Percentiles {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (p: number) =>
    sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0;
  return {
    p50: round(at(0.5)),
    p95: round(at(0.95)),
    max: round(sorted.at(-1) ?? 0),
    n: sorted.length,
  };
}

/** Every prefix of every query: what each keystroke searches for. */
const keystrokes = QUERIES.flatMap((query) =>
  [...query].map((_, i) => [...query].slice(0, i + 1).join('')),
);

function timeSearch(entries: readonly CatalogueEntry[]) {
  const buildStart = performance.now();
  const index = buildSearchIndex(entries);
  const buildMs = performance.now() - buildStart;
  for (const typed of keystrokes) search(index, typed); // warm-up: the popup warms up too
  const samples: number[] = [];
  for (let run = 0; run < NODE_RUNS; run++) {
    for (const typed of keystrokes) {
      const start = performance.now();
      search(index, typed);
      samples.push(performance.now() - start);
    }
  }
  return {
    entries: entries.length,
    indexBuildMs: round(buildMs),
    keystrokeMs: percentiles(samples),
  };
}

/** The largest custom catalogue an import accepts, in the gateway's words. */
function maximalCustomCatalogue(): CatalogueEntry[] {
  const words = BUNDLED_CATALOGUE.entries.map(
    (e) => `${e.messages.en} | ${e.description} | ${e.fix}`,
  );
  const rows = Array.from({ length: 5000 }, (_, i) => `-${10000 + i} | ${words[i % words.length]}`);
  const parsed = parseCustomCatalogue(
    ['| Code | Message | Description | Solution |', '|---|---|---|---|', ...rows].join('\n'),
    { exchange: 'bench' },
  );
  if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
  return [...BUNDLED_CATALOGUE.entries, ...parsed.entries];
}

const FLOOR_PAGE =
  '<!doctype html><html lang="en"><meta charset="utf-8"><title>floor</title><p>Exchange Lens</p></html>';

/**
 * Opens `url` in a new tab and returns when, after navigation start, its first contentful paint
 * happened; with `mark`, the later of that and the page's own performance mark.
 */
async function paintedAt(browser: Browser, url: string, mark?: string): Promise<number> {
  const page = await browser.newPage();
  await page.goto(url);
  const handle = await page.waitForFunction(
    (name) => {
      const paint = performance.getEntriesByName('first-contentful-paint')[0];
      const marked = name ? performance.getEntriesByName(name)[0] : paint;
      return paint && marked ? Math.max(paint.startTime, marked.startTime) : false;
    },
    { timeout: 10_000, polling: 20 },
    mark ?? '',
  );
  const at = (await handle.jsonValue()) as number;
  await page.close();
  return at;
}

/**
 * In the page: time from each input event to its results rendered and laid out. Preact renders
 * in a microtask queued by the field's own listener; a document listener runs after it and
 * queues the measuring microtask behind that render, so no frame or timer wait is counted.
 */
async function measureKeystrokes(page: Page): Promise<number[]> {
  await page.evaluate(() => {
    const samples: number[] = [];
    (window as unknown as { keystrokeSamples: number[] }).keystrokeSamples = samples;
    const results = document.querySelector('[data-testid="popup-results"]') as HTMLElement;
    let start = 0;
    document.addEventListener(
      'input',
      () => {
        start = performance.now();
      },
      { capture: true },
    );
    document.addEventListener('input', () => {
      queueMicrotask(() => {
        void results.offsetHeight;
        samples.push(performance.now() - start);
      });
    });
  });
  for (const query of QUERIES) {
    await page.click('[data-testid="popup-search"]', { count: 3 });
    await page.keyboard.press('Backspace');
    // A fast typist's pace, so that one keystroke's work is not queued behind the last one's.
    await page.type('[data-testid="popup-search"]', query, { delay: TYPING_DELAY_MS });
  }
  await new Promise((resolve) => setTimeout(resolve, 100));
  // Each query's Backspace (clearing the field) is a keystroke too.
  return page.evaluate(
    () => (window as unknown as { keystrokeSamples: number[] }).keystrokeSamples,
  );
}

async function chromiumFigures(): Promise<BrowserFigures | { skipped: string }> {
  const located = locateBrowser('chromium');
  if (!located.executablePath) return { skipped: located.problem ?? 'chromium not found' };
  let built: string;
  try {
    built = builtExtension('chrome');
  } catch (error) {
    return { skipped: (error as Error).message };
  }
  // A copy of the build with one more page: an empty extension page, the floor any popup pays
  // (renderer, extension URL loading, first paint) before its own work.
  const dir = await mkdtemp(join(tmpdir(), 'exchange-lens-bench-'));
  cpSync(built, dir, { recursive: true });
  writeFileSync(join(dir, 'floor.html'), FLOOR_PAGE);
  const launched = await launchChromiumWithExtension(dir, located.executablePath);
  try {
    const base = `chrome-extension://${launched.extensionId}`;
    const url = `${base}/src/popup/index.html`;
    const painted: number[] = [];
    const floor: number[] = [];
    // Alternate popup and floor loads, so that both see the same machine.
    for (let i = 0; i < PAGE_LOADS + 1; i++) {
      painted.push(await paintedAt(launched.browser, url, FIRST_RESULTS_MARK));
      if (i > 0) floor.push(await paintedAt(launched.browser, `${base}/floor.html`));
    }
    const page = await launched.browser.newPage();
    await page.goto(url);
    await page.waitForSelector('[data-testid="popup-result"]');
    const keystrokeSamples = await measureKeystrokes(page);
    await page.close();
    return {
      version: await launched.browser.version(),
      pageLoads: PAGE_LOADS,
      coldFirstResultsPaintedMs: round(painted[0] ?? 0),
      firstResultsPaintedMs: percentiles(painted.slice(1)),
      emptyPageFirstPaintMs: percentiles(floor),
      keystrokeToLayoutMs: percentiles(keystrokeSamples),
    };
  } finally {
    await launched.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const loadAtStart = round(loadavg()[0] ?? 0);
const bundled = timeSearch(BUNDLED_CATALOGUE.entries);
const maximal = timeSearch(maximalCustomCatalogue());
const chromium = await chromiumFigures();

const measured = 'skipped' in chromium ? undefined : chromium;
const keystrokeP95 = Math.max(bundled.keystrokeMs.p95, measured?.keystrokeToLayoutMs.p95 ?? 0);
const firstPaintP95 = measured?.firstResultsPaintedMs.p95;
const results = {
  command: 'npm run bench:popup',
  machine: {
    cpus: cpus().length,
    cpu: cpus()[0]?.model ?? 'unknown',
    node: process.version,
    // Other work on the machine inflates every figure; the load says how much there was.
    loadAverage1mAtStart: loadAtStart,
  },
  queries: QUERIES.length,
  keystrokes: keystrokes.length,
  search: { allCatalogues: bundled, withMaximalCustomCatalogue: maximal },
  chromium: measured
    ? {
        ...measured,
        // What the popup adds to the browser's cost of showing any extension page.
        ownCostP50Ms: round(
          measured.firstResultsPaintedMs.p50 - measured.emptyPageFirstPaintMs.p50,
        ),
      }
    : chromium,
  aims: {
    keystroke: { p95Ms: keystrokeP95, aimMs: AIM.keystrokeMs, met: keystrokeP95 < AIM.keystrokeMs },
    firstPaint: {
      p95Ms: firstPaintP95 ?? null,
      aimMs: AIM.firstPaintMs,
      met: firstPaintP95 === undefined ? null : firstPaintP95 < AIM.firstPaintMs,
    },
  },
};

const line = (label: string, p: Percentiles) =>
  `  ${label.padEnd(44)} p50 ${p.p50.toFixed(2).padStart(7)}  p95 ${p.p95.toFixed(2).padStart(7)}  max ${p.max.toFixed(2).padStart(7)} ms  (n=${p.n})`;
const out = [
  `popup search bench: ${QUERIES.length} queries typed one character at a time (${keystrokes.length} keystrokes)`,
  line(`search, all catalogues (${bundled.entries} entries)`, bundled.keystrokeMs),
  line(`search, + 5,000 custom (${maximal.entries} entries)`, maximal.keystrokeMs),
  `  index build: ${bundled.indexBuildMs} ms (${bundled.entries} entries), ${maximal.indexBuildMs} ms (${maximal.entries})`,
];
if (!measured) out.push(`  chromium: skipped (${'skipped' in chromium ? chromium.skipped : ''})`);
else {
  out.push(
    `  ${'chromium: first open after start (cold)'.padEnd(44)} ${measured.coldFirstResultsPaintedMs.toFixed(2)} ms`,
  );
  out.push(line('chromium: navigation -> first results painted', measured.firstResultsPaintedMs));
  out.push(line('chromium: empty extension page, first paint', measured.emptyPageFirstPaintMs));
  out.push(
    `  ${"chromium: popup's own cost (p50 difference)".padEnd(44)} ${(measured.firstResultsPaintedMs.p50 - measured.emptyPageFirstPaintMs.p50).toFixed(2)} ms`,
  );
  out.push(line('chromium: keystroke -> results laid out', measured.keystrokeToLayoutMs));
}
const verdict = (met: boolean | null) => (met === null ? 'not measured' : met ? 'met' : 'NOT met');
out.push(
  `  aims: keystroke p95 < ${AIM.keystrokeMs} ms ${verdict(results.aims.keystroke.met)}; warm first paint p95 < ${AIM.firstPaintMs} ms ${verdict(results.aims.firstPaint.met)}`,
);
process.stdout.write(`${out.join('\n')}\n`);
writeFileSync(
  new URL('./popup-results.json', import.meta.url),
  `${JSON.stringify(results, null, 2)}\n`,
);
process.stdout.write('wrote bench/popup-results.json\n');
