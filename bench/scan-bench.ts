// `npm run bench:scan`: throughput and peak memory of the built CLI's scan on generated
// captures (100 MB and 2 GB of JSON Lines, a 500 MB HAR of sockets of 400 frames, and a 500 MB
// HAR as Chromium exports a session, bench/scan-bench/chromium-har.ts), from a file and from a
// pipe, against a floor measured in the same run (a line reader with one indexOf per line,
// bench/scan-bench/floor.mjs). Each capture is on disk before it is timed; each command runs
// as a child under /usr/bin/time (wall seconds, peak RSS). Checks that every run reports the
// findings and events the core finds record by record; writes bench/scan-results.json. Fails
// only on wrong counts, never on speed.
// Each run times the floor, the file scan and the pipe scan in turn, and the ratios are taken
// run by run (their median is reported), so a machine whose speed drifts does not skew them.
// Options: --runs N (runs of each command, default 3),
// --only NAME (jsonl-100MB, jsonl-2GB, har-500MB, har-chromium-500MB; a comma-separated list
// for several), --scale F (sizes times F, for a quick try).
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { type WrittenCapture, writeHar, writeJsonl } from './scan-bench/captures.ts';
import { writeChromiumHar } from './scan-bench/chromium-har.ts';
import { median } from './timing.ts';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    only: { type: 'string' },
    scale: { type: 'string', default: '1' },
  },
});
const runs = Number(values.runs);
const scale = Number(values.scale);
const CLI = new URL('../dist/cli/exchange-lens.js', import.meta.url).pathname;
const FLOOR = new URL('./scan-bench/floor.mjs', import.meta.url).pathname;
const TIME = '/usr/bin/time';
if (!existsSync(CLI)) {
  process.stderr.write('dist/cli/exchange-lens.js is missing: run npm run build first\n');
  process.exit(2);
}
if (!existsSync(TIME)) {
  process.stderr.write('/usr/bin/time is missing: apt-get install time\n');
  process.exit(2);
}

interface Case {
  name: string;
  kind: 'jsonl' | 'har';
  bytes: number;
  runs: number;
  write: (path: string, bytes: number, seed: number) => WrittenCapture | Promise<WrittenCapture>;
}

const CASES: Case[] = [
  { name: 'jsonl-100MB', kind: 'jsonl', bytes: 100e6, runs, write: writeJsonl },
  { name: 'jsonl-2GB', kind: 'jsonl', bytes: 2e9, runs, write: writeJsonl },
  { name: 'har-500MB', kind: 'har', bytes: 500e6, runs, write: writeHar },
  { name: 'har-chromium-500MB', kind: 'har', bytes: 500e6, runs, write: writeChromiumHar },
];

interface Measured {
  seconds: number;
  peakMB: number;
  stderr: string;
}

/** Runs `sh -c script` with /usr/bin/time on the command named by `$TIMED`. */
function timed(script: string): Promise<Measured> {
  const dir = mkdtempSync(join(tmpdir(), 'exchange-lens-time-'));
  const out = join(dir, 'time');
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', script.replace('$TIMED', `${TIME} -o ${out} -f "%e %M"`)], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (text: string) => {
      stderr += text;
    });
    child.on('error', reject);
    child.on('close', () => {
      const [seconds = 'NaN', kb = 'NaN'] =
        readFileSync(out, 'utf8').trim().split('\n').at(-1)?.split(' ') ?? [];
      rmSync(dir, { recursive: true, force: true });
      resolve({ seconds: Number(seconds), peakMB: Math.round(Number(kb) / 1024), stderr });
    });
  });
}

const SCAN = `--jsonl --summary --fail-on never`;
const commands = (file: string) => ({
  floor: `$TIMED node ${FLOOR} ${file}`,
  file: `$TIMED node ${CLI} scan ${file} ${SCAN}`,
  pipe: `cat ${file} | $TIMED node ${CLI} scan - ${SCAN}`,
});

/** "summary by exchange and code: 1,053 errors, 2 notes in 56,715 events" */
function counts(stderr: string): { findings: number; events: number } | undefined {
  const match =
    /summary by exchange and code: ([\d,]+) errors?, ([\d,]+) notes? in ([\d,]+) events?/.exec(
      stderr,
    );
  if (!match) return undefined;
  const n = (text = '') => Number(text.replace(/,/g, ''));
  return { findings: n(match[1]) + n(match[2]), events: n(match[3]) };
}

const MB = 1e6;
const round = (value: number, digits = 2) => Number(value.toFixed(digits));

interface RunFigures {
  seconds: number;
  mbPerSecond: number;
  peakMB: number;
  samples: number[];
}

function figures(samples: Measured[], bytes: number): RunFigures {
  const seconds = median(samples.map((s) => s.seconds));
  return {
    seconds: round(seconds),
    mbPerSecond: round(bytes / MB / seconds, 1),
    peakMB: Math.max(...samples.map((s) => s.peakMB)),
    samples: samples.map((s) => s.seconds),
  };
}

/** Rate of `b` over rate of `a` (a's time over b's), run by run, then the median. */
function pairedRatio(a: Measured[], b: Measured[]): number {
  return round(median(a.map((run, i) => run.seconds / (b[i]?.seconds ?? Number.NaN))));
}

async function measure(c: Case, dir: string) {
  const path = join(dir, `${c.name}.${c.kind}`);
  const size = c.bytes * scale;
  process.stdout.write(`${c.name}: generating ${(size / MB).toFixed(0)} MB ...\n`);
  const started = Date.now();
  const written = await c.write(path, size, 20240501);
  process.stdout.write(
    `  ${written.records.toLocaleString('en')} ${c.kind === 'har' ? 'entries' : 'lines'}, ${written.events.toLocaleString('en')} events, ${written.findings.toLocaleString('en')} findings expected (${((Date.now() - started) / 1000).toFixed(1)} s)\n`,
  );
  const samples: Record<'floor' | 'file' | 'pipe', Measured[]> = { floor: [], file: [], pipe: [] };
  const problems: string[] = [];
  try {
    for (let run = 0; run < c.runs; run++) {
      for (const [name, script] of Object.entries(commands(path)) as [
        keyof typeof samples,
        string,
      ][]) {
        const result = await timed(script);
        samples[name].push(result);
        process.stdout.write(
          `  ${name.padEnd(5)} ${result.seconds.toFixed(2).padStart(7)} s  ${result.peakMB} MB peak\n`,
        );
        if (name === 'floor') continue;
        const seen = counts(result.stderr);
        if (!seen || seen.findings !== written.findings || seen.events !== written.events) {
          problems.push(
            `${name}: ${seen ? `${seen.findings} findings in ${seen.events} events` : `no summary (${result.stderr.slice(0, 200)})`}, expected ${written.findings} in ${written.events}`,
          );
        }
      }
    }
  } finally {
    rmSync(path, { force: true });
  }
  const floor = figures(samples.floor, written.bytes);
  const file = figures(samples.file, written.bytes);
  const pipe = figures(samples.pipe, written.bytes);
  return {
    name: c.name,
    kind: c.kind,
    bytes: written.bytes,
    records: written.records,
    events: written.events,
    findings: written.findings,
    runs: c.runs,
    floor,
    file,
    pipe,
    /** Scan rate over the floor's rate, the median of each run's ratio; the aim is >= 0.5. */
    fileRateVsFloor: pairedRatio(samples.floor, samples.file),
    pipeRateVsFloor: pairedRatio(samples.floor, samples.pipe),
    countsOk: problems.length === 0,
    problems,
  };
}

const dir = mkdtempSync(join(tmpdir(), 'exchange-lens-scan-bench-'));
const results = [];
try {
  const only = values.only?.split(',');
  for (const c of CASES.filter((c) => !only || only.includes(c.name)))
    results.push(await measure(c, dir));
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const byName = Object.fromEntries(results.map((r) => [r.name, r]));
const small = byName['jsonl-100MB'];
const big = byName['jsonl-2GB'];
const report = {
  command: [
    'npm run bench:scan',
    ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : []),
  ].join(' '),
  when: new Date().toISOString(),
  machine: { cores: cpus().length, cpu: cpus()[0]?.model ?? 'unknown', node: process.version },
  aims: {
    rate: 'scan at least 0.5 of the floor rate',
    memory: 'peak RSS independent of the file size',
    rateMet: results.every((r) => r.fileRateVsFloor >= 0.5),
    /** Peak of the 2 GB scan over the 100 MB scan's; about 1 when memory is flat. */
    peakGrowth: small && big ? round(big.file.peakMB / small.file.peakMB) : null,
  },
  cases: results,
};

const lines = ['', `scan vs floor (median of runs; MB/s; peak RSS)`];
for (const r of results) {
  lines.push(
    `  ${r.name.padEnd(12)} floor ${r.floor.mbPerSecond.toFixed(0).padStart(5)} MB/s ${String(r.floor.peakMB).padStart(4)} MB | ` +
      `file ${r.file.mbPerSecond.toFixed(0).padStart(5)} MB/s ${String(r.file.peakMB).padStart(4)} MB (${r.fileRateVsFloor}x floor) | ` +
      `pipe ${r.pipe.mbPerSecond.toFixed(0).padStart(5)} MB/s ${String(r.pipe.peakMB).padStart(4)} MB (${r.pipeRateVsFloor}x) | ` +
      `counts ${r.countsOk ? 'ok' : `WRONG: ${r.problems.join('; ')}`}`,
  );
}
lines.push(
  `aim rate >= 0.5x floor: ${report.aims.rateMet ? 'met' : 'NOT met'}; peak 2 GB / 100 MB: ${report.aims.peakGrowth ?? '-'}`,
  '',
);
process.stdout.write(lines.join('\n'));
writeFileSync(
  new URL('./scan-results.json', import.meta.url),
  `${JSON.stringify(report, null, 2)}\n`,
);
process.stdout.write('wrote bench/scan-results.json\n');
if (results.some((r) => !r.countsOk)) process.exitCode = 1;
