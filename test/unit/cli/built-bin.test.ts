// The tests of the built CLI: bin/exchange-lens.js runs dist/cli/exchange-lens.js under Node,
// with the real process's file system, standard input and pipes.

import { execFile, spawn } from 'node:child_process';
import { createReadStream, existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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

it('scan FILE 2>&1: warnings stand between the findings where their lines are', async () => {
  requireBuild();
  const dir = await mkdtemp(join(tmpdir(), 'exchange-lens-order-'));
  const file = join(dir, 'events.jsonl');
  const error = (code: number) =>
    JSON.stringify({
      type: 'ws',
      url: 'ws://119.8.50.236:8088/ws',
      direction: 'receive',
      data: `{"code":${code},"msg":"Timestamp for this request is outside of the recvWindow."}`,
    });
  await writeFile(
    file,
    [error(-1021), 'not json', error(-1022), '{"type":"ws"}', error(-1021)].join('\n'),
  );
  try {
    const { stdout } = await promisify(execFile)(
      'sh',
      [
        '-c',
        `"${process.execPath}" bin/exchange-lens.js scan "${file}" --jsonl --summary --fail-on never 2>&1`,
      ],
      { cwd: REPO_ROOT },
    );
    const lines = stdout
      .split('\n')
      .map((line) => (line.startsWith('{') ? JSON.parse(line).code : line));
    expect(lines.slice(0, 5)).toEqual([
      '-1021',
      'warning: line 2: not JSON, skipped',
      '-1022',
      'warning: line 4: ws event without a "url", skipped',
      '-1021',
    ]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
