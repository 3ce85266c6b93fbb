// Runs the CLI in-process, as a user would type it: `cli('scan', 'test/fixtures/x.har')`.
// Paths are read from the repository root; `files` adds in-memory files for odd inputs.

import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { run } from '../../../src/cli/run.ts';
import { REPO_ROOT } from '../../support/repo.ts';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export async function cliWith(
  options: { files?: Record<string, string>; colour?: boolean },
  ...argv: string[]
): Promise<CliResult> {
  const result: CliResult = { code: -1, stdout: '', stderr: '' };
  result.code = await run(argv, {
    stdout: (text) => {
      result.stdout += text;
    },
    stderr: (text) => {
      result.stderr += text;
    },
    readFile: (path) => {
      const file = options.files?.[path];
      return file ?? readFile(resolve(REPO_ROOT, path), 'utf8');
    },
    colour: options.colour ?? false,
  });
  return result;
}

export function cli(...argv: string[]): Promise<CliResult> {
  return cliWith({}, ...argv);
}

/** The --json output, parsed. */
export async function cliJson<T>(...argv: string[]): Promise<{ code: number; json: T }> {
  const { code, stdout } = await cli(...argv, '--json');
  return { code, json: JSON.parse(stdout) as T };
}

export const HAR = 'test/fixtures/trading-session.har';
export const JSONL = 'test/fixtures/trading-session.jsonl';
