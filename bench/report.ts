// What the benchmark prints and what it writes to bench/results.json.
import { cpus } from 'node:os';
import type { FrameStream } from './generate-frames.ts';
import type { Timing } from './timing.ts';

/** The aims of the issue: well ahead of parsing everything, close to the bare search. */
const AIM_SPEEDUP_VS_NAIVE = 5;
const AIM_COST_VS_FLOOR = 2;

export interface Report {
  stream: FrameStream;
  timings: Timing[];
  runs: number;
  seed: number;
  findings: number;
  findingsIdentical: boolean;
  groundTruthProblem: string | undefined;
  floorSum: number;
  generationMs: number;
  heapAfterGeneration: number;
  durationMs: number;
}

const MB = 1e6;
const KB = 1e3;
const round = (value: number, digits: number): number => Number(value.toFixed(digits));

function medianOf(report: Report, name: string): number {
  return report.timings.find((timing) => timing.name === name)?.medianMs ?? Number.NaN;
}

export function resultsOf(report: Report) {
  const { stream } = report;
  const frames = stream.events.length;
  const fps = (name: string): number => Math.round(frames / (medianOf(report, name) / 1000));
  const mbps = (name: string): number =>
    round(stream.bytes.total / MB / (medianOf(report, name) / 1000), 1);
  const detector = medianOf(report, 'detector');
  const speedup = medianOf(report, 'naive') / detector;
  const cost = detector / medianOf(report, 'floor');
  return {
    detector_fps: fps('detector'),
    naive_fps: fps('naive'),
    floor_fps: fps('floor'),
    speedup_vs_naive: round(speedup, 2),
    cost_vs_floor: round(cost, 2),
    findings_identical: report.findingsIdentical,
    aims: {
      speedup_vs_naive: `>= ${AIM_SPEEDUP_VS_NAIVE}`,
      cost_vs_floor: `<= ${AIM_COST_VS_FLOOR}`,
      met: speedup >= AIM_SPEEDUP_VS_NAIVE && cost <= AIM_COST_VS_FLOOR,
    },
    detector_mb_per_s: mbps('detector'),
    naive_mb_per_s: mbps('naive'),
    floor_mb_per_s: mbps('floor'),
    median_ms: Object.fromEntries(report.timings.map((t) => [t.name, round(t.medianMs, 2)])),
    samples_ms: Object.fromEntries(
      report.timings.map((t) => [t.name, t.samplesMs.map((ms) => round(ms, 2))]),
    ),
    frames,
    total_bytes: stream.bytes.total,
    frame_bytes: stream.bytes,
    error_frames: stream.errorIndices.length,
    code_key_frames: stream.codeKeyFrames,
    findings: report.findings,
    ground_truth_ok: report.groundTruthProblem === undefined,
    frames_per_exchange: stream.perExchange,
    error_dialects: stream.dialects,
    runs: report.runs,
    seed: report.seed,
    generation_ms: Math.round(report.generationMs),
    duration_s: round(report.durationMs / 1000, 1),
    heap_after_generation_mb: Math.round(report.heapAfterGeneration / MB),
    // maxRSS is in kilobytes.
    peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024),
    node: process.version,
    cpu: cpus()[0]?.model ?? 'unknown',
    date: new Date().toISOString(),
  };
}

const thousands = (n: number): string => Math.round(n).toLocaleString('en');
const size = (bytes: number): string =>
  bytes >= MB
    ? `${(bytes / MB).toFixed(1)} MB`
    : bytes >= KB
      ? `${(bytes / KB).toFixed(1)} KB`
      : `${bytes} B`;

export function printReport(report: Report, difference: string | undefined): void {
  const r = resultsOf(report);
  const b = report.stream.bytes;
  const lines = [
    '',
    `frames   ${thousands(r.frames)}: ${size(b.total)}, ${size(b.min)} to ${size(b.max)} ` +
      `(median ${size(b.median)}, p99 ${size(b.p99)})`,
    `         ${thousands(r.error_frames)} error envelopes, ` +
      `${thousands(r.code_key_frames)} frames with "code" in all, ${thousands(r.findings)} findings`,
    '',
    'contender   median ms     frames/s      MB/s',
    ...(['floor', 'detector', 'naive'] as const).map((name) =>
      [
        name.padEnd(10),
        r.median_ms[name]?.toFixed(1).padStart(10),
        thousands(r[`${name}_fps`]).padStart(12),
        r[`${name}_mb_per_s`].toFixed(1).padStart(9),
      ].join('  '),
    ),
    '',
    `speedup vs naive  ${r.speedup_vs_naive.toFixed(2)}x  (aim ${r.aims.speedup_vs_naive}: ` +
      `${r.speedup_vs_naive >= AIM_SPEEDUP_VS_NAIVE ? 'met' : 'NOT met'})`,
    `cost vs floor     ${r.cost_vs_floor.toFixed(2)}x  (aim ${r.aims.cost_vs_floor}: ` +
      `${r.cost_vs_floor <= AIM_COST_VS_FLOOR ? 'met' : 'NOT met'})`,
    `findings          ${r.findings_identical ? 'identical' : 'DIFFERENT'} (detector vs naive)` +
      `${difference ? `\n${difference}` : ''}`,
    `ground truth      ${report.groundTruthProblem ?? 'every error frame found, nothing else'}`,
    '',
    `median of ${r.runs} runs after a warm-up; generation ${(r.generation_ms / 1000).toFixed(1)} s, ` +
      `total ${r.duration_s} s; peak RSS ${r.peak_rss_mb} MB; node ${r.node}; ${r.cpu}`,
    `(floor checksum ${report.floorSum})`,
    '',
  ];
  process.stdout.write(lines.join('\n'));
}
