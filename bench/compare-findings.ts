// Correctness side of the benchmark: the fast detector must report exactly what the naive
// baseline reports, and both must report every generated error envelope and nothing else.
import type { Finding } from '../src/core/index.ts';

/** Findings of one pass over the stream, with the index of the frame each came from. */
export interface FindingsLog {
  frames: number[];
  findings: Finding[];
}

export function newLog(): FindingsLog {
  return { frames: [], findings: [] };
}

/** Everything a user sees of a finding; catalogue entries by id, since objects may differ. */
function keyOf(frame: number, f: Finding): string {
  return JSON.stringify([
    frame,
    f.exchange,
    f.attribution,
    f.confidence,
    f.reason,
    f.dialect,
    f.surface,
    f.code,
    f.entry?.id ?? null,
    f.alternatives.map((entry) => entry.id),
    f.observedMessage ?? null,
    f.placeholders ?? null,
    f.path ?? null,
    f.severity,
    f.httpStatus ?? null,
    f.partial ?? false,
    f.codeless ?? false,
  ]);
}

export function keysOf(log: FindingsLog): string[] {
  return log.findings.map((finding, i) => keyOf(log.frames[i] ?? -1, finding));
}

/** The first difference between two logs, or undefined when they are identical. */
export function firstDifference(a: FindingsLog, b: FindingsLog): string | undefined {
  const left = keysOf(a);
  const right = keysOf(b);
  const length = Math.max(left.length, right.length);
  for (let i = 0; i < length; i++) {
    if (left[i] !== right[i]) {
      return `finding #${i}:\n  detector ${left[i] ?? '(none)'}\n  naive    ${right[i] ?? '(none)'}`;
    }
  }
  return undefined;
}

/** Whether the log flags exactly the generated error frames, with the expected count. */
export function groundTruthProblem(
  log: FindingsLog,
  errorIndices: readonly number[],
  expectedFindings: number,
): string | undefined {
  const flagged = new Set(log.frames);
  const errors = new Set(errorIndices);
  const missed = errorIndices.filter((i) => !flagged.has(i));
  const extra = [...flagged].filter((i) => !errors.has(i));
  if (missed.length > 0) return `error frames without a finding: ${missed.slice(0, 10).join(', ')}`;
  if (extra.length > 0) return `findings in non-error frames: ${extra.slice(0, 10).join(', ')}`;
  if (log.findings.length !== expectedFindings) {
    return `${log.findings.length} findings, ${expectedFindings} expected`;
  }
  return undefined;
}
