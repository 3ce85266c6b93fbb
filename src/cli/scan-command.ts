// `exchange-lens scan FILE`: every error in a HAR or JSON Lines capture, in file order. Exits 1
// when any error-severity finding is present, so a CI step can fail on a captured session.
import { createDetector } from '../core/index.ts';
import { catalogueFromFlag, hostsFromFlag, readText } from './catalogue-flags.ts';
import { findingJson } from './finding-json.ts';
import { formatFinding, formatSummary } from './format-human.ts';
import type { CliIo } from './io.ts';
import type { FindingJson } from './json-item.ts';
import { onePositional, parseArgs } from './parse-args.ts';
import { printable } from './printable.ts';
import { readCapture } from './read-capture.ts';
import { createStyle } from './style.ts';

const SCAN_FLAGS = { json: 'boolean', catalogue: 'value', hosts: 'value' } as const;

export async function scanCommand(args: readonly string[], io: CliIo): Promise<number> {
  const parsed = parseArgs('scan', args, SCAN_FLAGS);
  const file = onePositional('scan', parsed, 'FILE');
  const text = await readText(io, file);
  const detector = createDetector({
    catalogue: await catalogueFromFlag(parsed, io),
    hosts: await hostsFromFlag(parsed, io),
  });

  let skipped = 0;
  const warn = (message: string) => {
    skipped++;
    io.stderr(`warning: ${printable(message)}\n`);
  };
  const capture = readCapture(file, text, warn);
  const findings: FindingJson[] = [];
  let events = 0;
  for (const sourced of capture.events) {
    events++;
    for (const finding of detector.detect(sourced.event))
      findings.push(findingJson(finding, sourced));
  }

  if (parsed.booleans.has('json')) {
    io.stdout(`${JSON.stringify({ findings }, null, 2)}\n`);
  } else {
    const style = createStyle(io.colour ?? false);
    const blocks = findings.map((item) => `${formatFinding(item, capture.kind, style)}\n\n`);
    io.stdout(`${blocks.join('')}${formatSummary(findings, events, skipped, capture.kind)}\n`);
  }
  return findings.some((finding) => finding.severity === 'error') ? 1 : 0;
}
