// `npm run bench`: frames per second of the detector against a naive baseline and a floor,
// on a generated stream of 100k exchange frames; writes bench/results.json.
// Options: --frames N, --runs N, --seed N. Fails only when findings differ, never on speed.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  BUNDLED_CATALOGUE,
  createDetector,
  type Finding,
  type WsMessageEvent,
} from '../src/core/index.ts';
import {
  type FindingsLog,
  firstDifference,
  groundTruthProblem,
  newLog,
} from './compare-findings.ts';
import { dialectCoverage } from './dialect-coverage.ts';
import { floorPass } from './floor.ts';
import { generateFrames } from './generate-frames.ts';
import { createNaiveDetector } from './naive-detector.ts';
import { comparisonLines, previousResults } from './previous-results.ts';
import { printReport, type Report, resultsOf } from './report.ts';
import { type Contender, timeContenders } from './timing.ts';

/** Frames of the untimed warm-up pass: enough for the JIT, a fifth of a naive pass. */
const WARMUP_FRAMES = 20_000;

const started = performance.now();
const { values } = parseArgs({
  options: {
    frames: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '5' },
    seed: { type: 'string', default: '20240501' },
  },
});
const frames = Number(values.frames);
const runs = Number(values.runs);
const seed = Number(values.seed);
if (!Number.isInteger(frames) || frames < 100 || !Number.isInteger(runs) || runs < 1) {
  process.stderr.write('usage: npm run bench -- [--frames N>=100] [--runs N>=1] [--seed N]\n');
  process.exit(2);
}

process.stdout.write(`generating ${frames.toLocaleString('en')} frames (seed ${seed}) ...\n`);
const generationStart = performance.now();
const stream = generateFrames({ frames, seed });
const generationMs = performance.now() - generationStart;
const heapAfterGeneration = process.memoryUsage().heapUsed;
const { events } = stream;

const detector = createDetector();
const naive = createNaiveDetector(BUNDLED_CATALOGUE.entries);
let detectorLog = newLog();
let naiveLog = newLog();
let floorSum = 0;

type Events = readonly WsMessageEvent[];

/** A pass of a detector over the stream, keeping its findings for the comparison. */
function findingsOf(
  detect: (event: WsMessageEvent) => readonly Finding[],
  input: Events,
): FindingsLog {
  const log = newLog();
  for (let i = 0; i < input.length; i++) {
    for (const finding of detect(input[i] as WsMessageEvent)) {
      log.frames.push(i);
      log.findings.push(finding);
    }
  }
  return log;
}

const contenders: Contender<Events>[] = [
  { name: 'floor', run: (input) => (floorSum = floorPass(input)) },
  { name: 'detector', run: (input) => (detectorLog = findingsOf(detector.detect, input)) },
  { name: 'naive', run: (input) => (naiveLog = findingsOf(naive.detect, input)) },
];
const warmup = events.slice(0, Math.min(events.length, WARMUP_FRAMES));
const timings = timeContenders(contenders, events, warmup, runs, (name, ms) =>
  process.stdout.write(`  ${name.padEnd(8)} ${ms.toFixed(1).padStart(8)} ms\n`),
);

const difference = firstDifference(detectorLog, naiveLog);
const truth = groundTruthProblem(detectorLog, stream.errorIndices, stream.expectedFindings);
const report: Report = {
  stream,
  timings,
  runs,
  seed,
  findings: detectorLog.findings.length,
  findingsIdentical: difference === undefined,
  groundTruthProblem: truth,
  floorSum,
  generationMs,
  heapAfterGeneration,
  durationMs: performance.now() - started,
};
printReport(report, difference);
const coverage = dialectCoverage(stream.dialects);
const results = { ...resultsOf(report), dialect_coverage: coverage };
const RESULTS = new URL('./results.json', import.meta.url);
const previous = previousResults(RESULTS);
process.stdout.write(
  [
    `dialects in the stream: ${coverage.in_stream.join(', ')}` +
      (coverage.missing.length > 0
        ? `; MISSING: ${coverage.missing.join(', ')}`
        : '; none missing'),
    `  (not WebSocket payloads, so not in a frame stream: ${coverage.not_frames.join(', ')})`,
    '',
    previous ? `this run against ${previous.from}:` : 'no committed figures to compare with',
    ...comparisonLines(results, previous?.figures, [
      'detector_fps',
      'naive_fps',
      'floor_fps',
      'speedup_vs_naive',
      'cost_vs_floor',
      'detector_mb_per_s',
      'findings',
    ]),
    '',
  ].join('\n'),
);
writeFileSync(RESULTS, `${JSON.stringify(results, null, 2)}\n`);
process.stdout.write('wrote bench/results.json\n');
// Speed is reported, never enforced: a slow machine must not fail the build.
if (difference !== undefined || truth !== undefined || coverage.missing.length > 0) {
  process.exitCode = 1;
}
