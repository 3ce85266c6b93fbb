// The tests of the built CLI: bin/exchange-lens.js runs dist/cli/exchange-lens.js under Node,
// with the real process's file system, standard input and pipes.

import { execFile, spawn } from 'node:child_process';
import { createReadStream, existsSync } from 'node:fs';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { REPO_ROOT, repoPath } from '../../support/repo.ts';
import { HAR, JSONL } from './run-cli.ts';

const BUNDLE = repoPath('dist/cli/exchange-lens.js');

function requireBuild(): void {
  if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run npm run build first`);
}

it('node bin/exchange-lens.js explain -1021 --json prints the match', async () => {
  requireBuild();
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['bin/exchange-lens.js', 'explain', '-1021', '--json'],
    { cwd: REPO_ROOT },
  );
  const { matches } = JSON.parse(stdout);
  expect(matches[0]).toMatchObject({ exchange: 'gateway', code: '-1021', category: 'timestamp' });
});

it('cat session.har | exchange-lens scan - reads the pipe; a quoted pattern is expanded', async () => {
  requireBuild();
  const child = spawn(process.execPath, ['bin/exchange-lens.js', 'scan', '-', '--jsonl'], {
    cwd: REPO_ROOT,
  });
  createReadStream(repoPath(HAR)).pipe(child.stdin);
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => {
    stdout += text;
  });
  const code = await new Promise((resolve) => child.on('close', resolve));
  expect(code).toBe(1);
  const codes = stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line).code);
  expect(codes).toEqual(['-1022', '-1102', '51008', '60027']);

  const globbed = await promisify(execFile)(
    process.execPath,
    [
      'bin/exchange-lens.js',
      'scan',
      'test/fixtures/*.jsonl',
      '--format',
      'github',
      '--fail-on',
      'never',
    ],
    { cwd: REPO_ROOT },
  );
  expect(globbed.stdout.split('\n')[0]).toMatch(
    new RegExp(
      `^::error file=${JSONL},line=1,title=gateway -1021%3A Timestamp outside recv window::`,
    ),
  );
});
