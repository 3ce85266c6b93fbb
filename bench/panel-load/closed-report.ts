// Bench (Node): figures of the DevTools-closed case as JSON (bench/panel-load-closed-results.json)
// and as text: per rate, the page's CPU and handler delay without and with the extension.
import { cpus } from 'node:os';
import type { ClosedRun } from './closed-run.ts';
import { round } from './statistics.ts';

/** The aims of the issue: page CPU within 5% of without, handler delay p99 unchanged. */
const AIM_CPU_RATIO = 1.05;

export interface ClosedComparison {
  rate: number;
  without: ClosedRun;
  with: ClosedRun;
  /** Page main-thread CPU with / without; aim at most 1.05. */
  pageCpuRatio: number;
  /** Handler delay p99 with minus without, ms. */
  p99DeltaMs: number | null;
}

export function compareClosed(
  rate: number,
  without: ClosedRun,
  withExtension: ClosedRun,
): ClosedComparison {
  const p99 = (run: ClosedRun) => run.handlerDelayMs.p99;
  const a = p99(withExtension);
  const b = p99(without);
  return {
    rate,
    without,
    with: withExtension,
    pageCpuRatio: round(withExtension.pageCpu / without.pageCpu, 3),
    p99DeltaMs: a !== null && b !== null ? round(a - b, 1) : null,
  };
}

export function closedResults(command: string, comparisons: ClosedComparison[]) {
  return {
    command,
    when: new Date().toISOString(),
    machine: {
      cores: cpus().length,
      node: process.version,
      chromium: comparisons[0]?.with.browserVersion ?? 'unknown',
    },
    aims: {
      pageCpu: `with / without <= ${AIM_CPU_RATIO}`,
      handlerDelay: 'p99 unchanged',
      cpuMet: comparisons.every((c) => c.pageCpuRatio <= AIM_CPU_RATIO),
    },
    comparisons,
    note:
      'Page CPU is the page main thread (CDP Performance.getMetrics TaskDuration, which also covers ' +
      'the MAIN-world wrapper and the relay content script); browser cores add every Chromium process ' +
      "(the hub included). Handler delay: server stamp (epoch ms, one per send burst) to the page's " +
      "onmessage, 0.1 ms buckets. The mock exchange and the driver share the machine's cores.",
  };
}

const ms = (value: number | null) => (value === null ? '-' : `${value} ms`);

export function formatClosed(results: ReturnType<typeof closedResults>): string {
  const lines = ['', 'DevTools closed, extension installed and capturing (page main thread)'];
  for (const c of results.comparisons) {
    lines.push(`  ${c.rate.toLocaleString('en')} frames/s`);
    for (const run of [c.without, c.with]) {
      const d = run.handlerDelayMs;
      lines.push(
        `    ${run.label.padEnd(38)} ${String(run.framesPerSecond).padStart(6)}/s  page CPU ${run.pageCpu} ` +
          `(scripts ${run.pageScriptCpu})  browser ${run.browserCores} cores  delay p50 ${ms(d.p50)} p99 ${ms(d.p99)} max ${ms(d.max)}` +
          (run.capturedWhileClosed
            ? `  panel afterwards: ${run.capturedWhileClosed.listed} rows, ${run.capturedWhileClosed.errors} errors`
            : ''),
      );
    }
    lines.push(
      `    page CPU with / without ${c.pageCpuRatio} (aim <= ${AIM_CPU_RATIO}); p99 delay change ${c.p99DeltaMs ?? '-'} ms`,
    );
  }
  lines.push('');
  return lines.join('\n');
}
