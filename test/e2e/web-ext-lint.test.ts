// End-to-end (Node): Mozilla's add-on linter accepts the Firefox build, as AMO would.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { builtExtension, repoRoot } from './support/dist.ts';

interface LintMessage {
  code: string;
  message: string;
  file?: string;
}

interface LintReport {
  summary: { errors: number; warnings: number; notices: number };
  errors: LintMessage[];
  warnings: LintMessage[];
}

const webExt = join(repoRoot, 'node_modules', '.bin', 'web-ext');

async function lint(sourceDir: string): Promise<LintReport> {
  // web-ext exits non-zero when it finds errors; the JSON report is on stdout either way.
  const { stdout } = await promisify(execFile)(
    webExt,
    ['lint', '--source-dir', sourceDir, '--output', 'json', '--no-config-discovery'],
    { cwd: repoRoot, maxBuffer: 16 * 1024 * 1024 },
  ).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
  try {
    return JSON.parse(stdout) as LintReport;
  } catch {
    throw new Error(`web-ext lint did not print a JSON report:\n${stdout}`);
  }
}

it('web-ext lint reports no errors on dist/firefox', async () => {
  const report = await lint(builtExtension('firefox'));
  const described = (messages: LintMessage[]) =>
    messages.map(({ code, message, file }) => `${code} ${file ?? ''}: ${message}`);
  if (report.warnings.length > 0) {
    console.info(`web-ext lint warnings:\n  ${described(report.warnings).join('\n  ')}`);
  }
  expect(described(report.errors)).toEqual([]);
  expect(report.summary.errors).toBe(0);
});
