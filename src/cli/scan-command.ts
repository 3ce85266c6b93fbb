// `exchange-lens scan FILE...`: every error in HAR or JSON Lines captures, streamed out in file
// order as it is found. The exit code is for CI: 1 when something --fail-on counts was found
// (by default an error-severity finding), 2 when an input could not be read at all.
import { createDetector, type Detector } from '../core/index.ts';
import { catalogueFromFlag, hostsFromFlag } from './catalogue-flags.ts';
import { findingJson } from './finding-json.ts';
import type { CliIo } from './io.ts';
import { oneOf, parseArgs } from './parse-args.ts';
import { readCapture } from './read-capture.ts';
import { type ScanInput, scanInputs } from './scan-inputs.ts';
import { createScanOutput, SCAN_FORMATS, type ScanFormat, type ScanOutput } from './scan-output.ts';
import { ScanTotals } from './scan-totals.ts';
import { UsageError } from './usage-error.ts';

const SCAN_FLAGS = {
  json: 'boolean',
  jsonl: 'boolean',
  format: 'value',
  'fail-on': 'value',
  summary: 'boolean',
  'stdin-name': 'value',
  catalogue: 'value',
  hosts: 'value',
} as const;

/** error: error-severity findings; warning: any finding (notes too) or input problem. */
export const FAIL_ON = ['error', 'warning', 'never'] as const;
type FailOn = (typeof FAIL_ON)[number];

const EXIT_FOUND = 1;
const EXIT_USAGE = 2;

const READ_ERRORS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'is a directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
};

function formatOf(parsed: ReturnType<typeof parseArgs>): ScanFormat {
  const named = oneOf(parsed, 'format', SCAN_FORMATS);
  const flags = (['json', 'jsonl'] as const).filter((flag) => parsed.booleans.has(flag));
  const asked = new Set([...(named ? [named] : []), ...flags]);
  if (asked.size > 1) throw new UsageError(`choose one output: ${[...asked].join(' or ')}`);
  return [...asked][0] ?? 'human';
}

function readError(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('E')) return undefined;
  return READ_ERRORS[code] ?? `error ${code}`;
}

async function scanInput(
  input: ScanInput,
  io: CliIo,
  detector: Detector,
  output: ScanOutput,
  totals: ScanTotals,
): Promise<void> {
  const chunks = input.path === undefined ? io.stdinChunks() : io.readChunks(input.path);
  try {
    for await (const batch of readCapture(chunks)) {
      for (const item of batch) {
        if (item.kind === 'quiet') {
          totals.events += item.count;
          continue;
        }
        if (item.kind === 'problem') {
          totals.addProblem(item.problem);
          await output.problem(item.problem, input.name);
          continue;
        }
        totals.events++;
        const findings = detector.detect(item.sourced.event);
        for (const finding of findings) {
          const json = findingJson(finding, item.sourced, input.name);
          totals.addFinding(json);
          const written = output.finding(json);
          if (written) await written;
        }
      }
    }
  } catch (error) {
    // A file that vanished or broke mid-read: what was read still counts.
    const why = readError(error);
    if (why === undefined) throw error;
    const problem = { message: `cannot read it: ${why}`, skipped: 'rest' as const, fatal: true };
    totals.addProblem(problem);
    await output.problem(problem, input.name);
  }
}

function exitCode(totals: ScanTotals, failOn: FailOn): number {
  if (totals.unreadable > 0) return EXIT_USAGE;
  if (failOn === 'never') return 0;
  if (totals.errors > 0) return EXIT_FOUND;
  if (failOn === 'warning' && totals.notes + totals.problems > 0) return EXIT_FOUND;
  return 0;
}

export async function scanCommand(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs('scan', args, SCAN_FLAGS);
  const format = formatOf(parsed);
  const failOn = oneOf(parsed, 'fail-on', FAIL_ON) ?? 'error';
  const inputs = await scanInputs(io, parsed.positionals, parsed.values.get('stdin-name'));
  const detector = createDetector({
    catalogue: await catalogueFromFlag(parsed, io),
    hosts: await hostsFromFlag(parsed, io),
  });
  const output = createScanOutput(format, io, {
    several: inputs.length > 1,
    summary: parsed.booleans.has('summary'),
  });
  const totals = new ScanTotals();
  totals.inputs = inputs.length;
  for (const input of inputs) await scanInput(input, io, detector, output, totals);
  await output.end(totals);
  return exitCode(totals, failOn);
}
