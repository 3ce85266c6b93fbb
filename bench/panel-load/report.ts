// Bench (Node): the load benchmark's figures as JSON (bench/panel-load-results.json) and as the
// text printed at the end of npm run bench:load.
import { cpus } from 'node:os';
import type { ErrorCheck } from './error-check.ts';
import type { ExtensionRunResult } from './extension-run.ts';
import type { HeapFigures } from './heap-sampler.ts';
import type { LoadOptions } from './options.ts';
import type { ProbeSample } from './panel-probe.ts';
import type { RunFacts } from './run-setup.ts';
import { round, type Spread, spread } from './statistics.ts';

/** Chromium's own CPU cost of receiving one WebSocket frame on this kind of machine. */
const CHROMIUM_US_PER_FRAME = 170;

type RunSummary = Omit<RunFacts, 'label'>;

export interface LoadResults {
  command: string;
  when: string;
  options: LoadOptions;
  machine: { cores: number; node: string; chromium: string };
  pageRate: {
    withoutExtension: RunSummary;
    withoutExtensionDevtoolsOpen: RunSummary | null;
    withExtension: RunSummary;
    /** with / without; 1 means no cost. Aim: at least 0.9. */
    ratio: number;
    /** with / (no extension, DevTools open): the share of the cost that is the extension's. */
    ratioToDevtoolsOpen: number | null;
  };
  panelResponsiveness: {
    samples: number;
    failedSamples: number;
    /** ms; "dom": until the list shows the change, "paint": to the next frame after that. */
    timerDelay: Spread;
    frameDelay: Spread;
    errorsOnlyOn: { dom: Spread; paint: Spread };
    errorsOnlyOff: { dom: Spread; paint: Spread };
    filterOn: { dom: Spread; paint: Spread };
    filterOff: { dom: Spread; paint: Spread };
    /** Changes the list had not shown after 10 s. */
    timeouts: number;
  };
  memory: { panel: HeapFigures; hub: HeapFigures };
  dropped: {
    notice: string;
    olderFramesDropped: number;
    olderErrorsDropped: number;
    neverReachedPanel: number;
    rowsListedAtEnd: number;
  };
  settleSeconds: number;
  errorFrames: ErrorCheck;
  cpuNote: string;
}

function summarizeRun({ label: _label, ...facts }: RunFacts): RunSummary {
  return facts;
}

function timedSpread(
  samples: ProbeSample[],
  key: 'errorsOn' | 'errorsOff' | 'filterOn' | 'filterOff',
) {
  return {
    dom: spread(samples.map((s) => s[key].dom)),
    paint: spread(samples.map((s) => s[key].paint)),
  };
}

function cpuNote(options: LoadOptions, plain: RunFacts, extension: ExtensionRunResult): string {
  const cores = cpus().length;
  const socketCores = round((options.rate * CHROMIUM_US_PER_FRAME) / 1e6, 2);
  return (
    `This machine has ${cores} cores. At ${options.rate} frames/s Chromium's own WebSocket work ` +
    `(~${CHROMIUM_US_PER_FRAME} µs/frame) is ~${socketCores} core before any extension code runs. ` +
    `Browser processes used ${plain.rate.browserCores} cores without the extension and ` +
    `${extension.rate.browserCores} with it (the page, the DevTools front end, the panel, the hub); ` +
    `this Node process (mock exchange + driver) used ${plain.rate.benchProcessCores} / ` +
    `${extension.rate.benchProcessCores}. Load average went ${extension.loadBefore} → ` +
    `${extension.loadAfter} during the extension run. Everything competes for the same cores, ` +
    'so the figures are contended ones; they are measurements, never pass/fail on speed.'
  );
}

export function summarize(
  options: LoadOptions,
  command: string,
  plain: RunFacts,
  devtools: RunFacts | undefined,
  extension: ExtensionRunResult,
): LoadResults {
  const { samples } = extension;
  const timeouts = samples.reduce(
    (n, s) =>
      n + [s.errorsOn, s.errorsOff, s.filterOn, s.filterOff].filter((t) => t.dom === null).length,
    0,
  );
  const {
    samples: _samples,
    probeFailures,
    panelHeap,
    hubHeap,
    notices,
    settleSeconds,
    errors,
    ...facts
  } = extension;
  return {
    command,
    when: new Date().toISOString(),
    options,
    machine: { cores: cpus().length, node: process.version, chromium: extension.browserVersion },
    pageRate: {
      withoutExtension: summarizeRun(plain),
      withoutExtensionDevtoolsOpen: devtools ? summarizeRun(devtools) : null,
      withExtension: summarizeRun(facts),
      ratio: round(extension.rate.framesPerSecond / plain.rate.framesPerSecond, 3),
      ratioToDevtoolsOpen: devtools
        ? round(extension.rate.framesPerSecond / devtools.rate.framesPerSecond, 3)
        : null,
    },
    panelResponsiveness: {
      samples: samples.length,
      failedSamples: probeFailures,
      timerDelay: spread(samples.map((s) => s.timer)),
      frameDelay: spread(samples.map((s) => s.frame)),
      errorsOnlyOn: timedSpread(samples, 'errorsOn'),
      errorsOnlyOff: timedSpread(samples, 'errorsOff'),
      filterOn: timedSpread(samples, 'filterOn'),
      filterOff: timedSpread(samples, 'filterOff'),
      timeouts,
    },
    memory: { panel: panelHeap, hub: hubHeap },
    dropped: {
      notice: notices.droppedText.trim(),
      olderFramesDropped: notices.droppedPlain,
      olderErrorsDropped: notices.droppedErrors,
      neverReachedPanel: notices.pageDropped,
      rowsListedAtEnd: notices.listed,
    },
    settleSeconds,
    errorFrames: errors,
    cpuNote: cpuNote(options, plain, extension),
  };
}

const n = (value: number | null) => (value === null ? '-' : value.toLocaleString('en'));
const ms = (s: Spread) => `${n(s.p50)} / ${n(s.p95)} / ${n(s.max)}`;
const pad = (text: string, width: number) => text.padEnd(width);

function rateLine(label: string, run: RunSummary): string {
  const r = run.rate;
  return (
    `  ${pad(label, 30)} ${pad(`${n(r.framesPerSecond)}/s`, 9)} per-second median ${n(r.perSecondMedian)}, ` +
    `min ${n(r.perSecondMin)}; browser CPU ${r.browserCores} cores; load ${run.loadBefore} → ${run.loadAfter}`
  );
}

function heapLine(label: string, heap: HeapFigures): string {
  return `  ${pad(label, 22)} start ${n(heap.startMB)}, max ${n(heap.maxMB)}, end ${n(heap.endMB)}, after GC ${n(heap.afterGcMB)} MB`;
}

export function formatResults(results: LoadResults): string {
  const { options: o, pageRate, panelResponsiveness: p, memory, dropped, errorFrames: e } = results;
  const lines = [
    '',
    `Panel load: ${o.rate} frames/s for ${o.seconds} s (dialect ${o.dialect}, an error every ${o.errorEvery} frames), ` +
      `Chromium ${results.machine.chromium} headless, ${results.machine.cores} cores`,
    '',
    "The page's own message rate (window.__mock.stats)",
    rateLine('no extension', pageRate.withoutExtension),
    ...(pageRate.withoutExtensionDevtoolsOpen
      ? [rateLine('no extension, DevTools open', pageRate.withoutExtensionDevtoolsOpen)]
      : []),
    rateLine('extension, panel open', pageRate.withExtension),
    `  ratio with / without: ${pageRate.ratio} (aim: ≥ 0.9)` +
      (pageRate.ratioToDevtoolsOpen !== null
        ? `; with / DevTools open without the extension: ${pageRate.ratioToDevtoolsOpen}`
        : ''),
    '',
    `Panel responsiveness, ms p50 / p95 / max (${p.samples} samples, one a second; ${p.failedSamples} failed, ${p.timeouts} changes not shown within 10 s)`,
    `  setTimeout(0) delay                ${ms(p.timerDelay)}`,
    `  requestAnimationFrame round trip   ${ms(p.frameDelay)}`,
    `  errors only on:  list shows it     ${ms(p.errorsOnlyOn.dom)}   next frame ${ms(p.errorsOnlyOn.paint)}`,
    `  errors only off: list shows it     ${ms(p.errorsOnlyOff.dom)}   next frame ${ms(p.errorsOnlyOff.paint)}`,
    `  text filter on:  list shows it     ${ms(p.filterOn.dom)}   next frame ${ms(p.filterOn.paint)}`,
    `  text filter off: list shows it     ${ms(p.filterOff.dom)}   next frame ${ms(p.filterOff.paint)}`,
    '',
    'Memory, JS heap used while streaming (CDP Runtime.getHeapUsage every 3 s; after GC: once it stopped)',
    heapLine('panel', memory.panel),
    heapLine('hub (service worker)', memory.hub),
    `  panel samples: ${memory.panel.samples}`,
    '',
    `Rows dropped (the panel's notice): ${dropped.notice || '(no notice)'}`,
    `  ${n(dropped.rowsListedAtEnd)} rows listed at the end; the panel settled ${results.settleSeconds} s after the stream stopped`,
    '',
    `Error frames: the page received ${n(e.pageErrors)} (seqs expected: ${n(e.expected)}); the panel lists ${n(e.panelListed)} error rows ` +
      `on the stream, ${n(e.panelSeqs)} distinct seqs read; missing ${n(e.missing)}, duplicates ${n(e.duplicates)}, ` +
      `unexpected ${n(e.unexpected)}, dropped per notice ${n(e.droppedErrorsNotice)}`,
    e.lost > 0
      ? `  FAIL: ${e.lost} error frames lost without notice (first missing seqs: ${e.missingSeqs})`
      : '  OK: no error frame was lost',
    '',
    `CPU: ${results.cpuNote}`,
    '',
  ];
  return lines.join('\n');
}
