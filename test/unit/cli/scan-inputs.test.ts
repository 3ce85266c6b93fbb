import { readFileSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { segmentRegExp } from '../../../src/cli/glob.ts';
import type { FindingJson } from '../../../src/cli/json-item.ts';
import { repoPath } from '../../support/repo.ts';
import { cliWith, HAR, JSONL } from './run-cli.ts';

type Findings = { findings: FindingJson[] };

const OKX_ERROR = JSON.stringify({
  type: 'ws',
  url: 'wss://ws.okx.com:8443/ws/v5/public',
  direction: 'receive',
  data: JSON.stringify({
    event: 'error',
    code: '60012',
    msg: 'Invalid request: {"op": "subscribe"}',
  }),
});
const GATEWAY_TIMESTAMP = JSON.stringify({
  type: 'http',
  url: 'http://119.8.50.236:8088/fapi/v1/order',
  status: 400,
  body: JSON.stringify({
    code: -1021,
    msg: 'Timestamp for this request is outside of the recvWindow.',
  }),
});

describe('scan - reads standard input', () => {
  it('as JSON Lines or HAR, named - unless --stdin-name names it', async () => {
    const piped = await cliWith({ stdin: `${OKX_ERROR}\n` }, 'scan', '-', '--json');
    expect(piped.code).toBe(1);
    const { findings } = JSON.parse(piped.stdout) as Findings;
    expect(findings).toMatchObject([{ file: '-', capture: 'jsonl', line: 1, code: '60012' }]);

    const har = readFileSync(repoPath(HAR), 'utf8');
    const named = await cliWith(
      { stdin: har },
      'scan',
      '-',
      '--stdin-name',
      'session.har',
      '--jsonl',
    );
    const lines = named.stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as FindingJson);
    expect(lines.map((f) => [f.file, f.index, f.line, f.code])).toEqual([
      ['session.har', 2, 203, '-1022'],
      ['session.har', 3, 300, '-1102'],
      ['session.har', 4, 402, '51008'],
      ['session.har', 6, 584, '60027'],
    ]);
  });
});

describe('scan reads several files, one after the other', () => {
  it('names the file in each location and warning, and counts them all', async () => {
    const files = { 'broken.jsonl': `${GATEWAY_TIMESTAMP}\n{"type":\n` };
    const { code, stdout, stderr } = await cliWith({ files }, 'scan', HAR, 'broken.jsonl');
    expect(code).toBe(1);
    expect(stdout).toContain(
      `  --> ${HAR}: entry 3: POST http://119.8.50.236:8088/fapi/v1/order (HTTP 400)\n`,
    );
    expect(stdout).toContain(
      '  --> broken.jsonl: line 1: http://119.8.50.236:8088/fapi/v1/order (HTTP 400)\n',
    );
    expect(stderr).toBe('warning: broken.jsonl: line 2: not JSON, skipped\n');
    expect(stdout.endsWith('\n5 errors, 0 notes in 16 events from 2 files; 1 line skipped\n')).toBe(
      true,
    );
  });

  it('a malformed line late in a file is named, and every line before and after counts', async () => {
    const lines = Array.from({ length: 5000 }, (_, i) =>
      i === 4321
        ? '{"type":"ws","url":"wss://ws.okx.com'
        : i % 1000 === 0
          ? OKX_ERROR
          : '{"type":"ws","url":"wss://ws.okx.com:8443/ws/v5/public","direction":"receive","data":"{\\"arg\\":{}}"}',
    );
    const files = { 'long.jsonl': `${lines.join('\n')}\n${GATEWAY_TIMESTAMP}\n` };
    const { stdout, stderr } = await cliWith(
      { files, chunkSize: 4096 },
      'scan',
      'long.jsonl',
      '--jsonl',
    );
    expect(stderr).toBe('warning: line 4322: not JSON, skipped\n');
    const found = stdout
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as FindingJson);
    expect(found.map((f) => f.line)).toEqual([1, 1001, 2001, 3001, 4001, 5001]);
  });
});

describe('scan expands glob patterns itself', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'exchange-lens-glob-'));
    for (const path of [
      'a.jsonl',
      'b.jsonl',
      'c.txt',
      '.hidden.jsonl',
      'runs/1/x.jsonl',
      'runs/2/y.jsonl',
      'runs/2/z[1].jsonl',
    ]) {
      await mkdir(join(dir, path, '..'), { recursive: true });
      await writeFile(join(dir, path), `${OKX_ERROR}\n`);
    }
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const filesOf = async (...patterns: string[]) => {
    const { code, stdout, stderr } = await cliWith({ cwd: dir }, 'scan', ...patterns, '--jsonl');
    if (code === 2) return stderr;
    return stdout
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as FindingJson).file);
  };

  it('* ? [..] and ** as shells do, without hidden files, each file once', async () => {
    expect(await filesOf('*.jsonl')).toEqual(['a.jsonl', 'b.jsonl']);
    expect(await filesOf('?.*')).toEqual(['a.jsonl', 'b.jsonl', 'c.txt']);
    expect(await filesOf('[!a].jsonl')).toEqual(['b.jsonl']);
    expect(await filesOf('**/*.jsonl')).toEqual([
      'a.jsonl',
      'b.jsonl',
      'runs/1/x.jsonl',
      'runs/2/y.jsonl',
      'runs/2/z[1].jsonl',
    ]);
    expect(await filesOf('runs/*/[x-y].jsonl', 'a.jsonl', 'runs/1/*')).toEqual([
      'runs/1/x.jsonl',
      'runs/2/y.jsonl',
      'a.jsonl',
    ]);
    expect(await filesOf('runs/2/z[1].jsonl')).toEqual(['runs/2/z[1].jsonl']);
    expect(await filesOf(`${dir}/runs/**/x.*`)).toEqual([`${dir}/runs/1/x.jsonl`]);
  });

  it('a pattern that matches nothing is a usage error', async () => {
    expect(await filesOf('*.har')).toBe(
      'exchange-lens: no file matches *.har (see exchange-lens --help)\n',
    );
  });

  it('segments become anchored expressions', () => {
    expect(segmentRegExp('*.har').test('.x.har')).toBe(false);
    expect(segmentRegExp('.*').test('.x')).toBe(true);
    expect(segmentRegExp('a+b(1)').test('a+b(1)')).toBe(true);
    expect(segmentRegExp('[a-c]x').test('bx')).toBe(true);
    expect(segmentRegExp('[^a]').test('a')).toBe(false);
  });
});

describe('--fail-on and --summary', () => {
  const files = {
    'notes.jsonl': '{"type":"close","url":"wss://ws.okx.com:8443/ws/v5/public","code":1000}\n',
    'bad-line.jsonl': `${'{"type":"close","url":"wss://ws.okx.com:8443/ws/v5/public","code":1000}'}\n{oops\n`,
  };

  it('error (default) fails on errors only; warning on notes and input problems too; never not at all', async () => {
    const exit = async (...argv: string[]) => (await cliWith({ files }, 'scan', ...argv)).code;
    expect(await exit('notes.jsonl')).toBe(0);
    expect(await exit('notes.jsonl', '--fail-on', 'warning')).toBe(1);
    expect(await exit('bad-line.jsonl', '--fail-on', 'error')).toBe(0);
    expect(await exit('bad-line.jsonl', '--fail-on', 'warning')).toBe(1);
    expect(await exit(JSONL, '--fail-on', 'never')).toBe(0);
    expect(await exit(JSONL)).toBe(1);
  });

  it('--summary counts findings by exchange and code after the count line', async () => {
    const { stdout } = await cliWith({ files }, 'scan', JSONL, HAR, '--summary');
    const tail = stdout.slice(stdout.indexOf('\n7 errors'));
    expect(tail).toBe(
      [
        '',
        '7 errors, 1 note in 21 events from 2 files; 1 line skipped',
        'summary by exchange and code: 7 errors, 1 note in 21 events from 2 files; 1 line skipped',
        '  gateway  -1021  1 error  Timestamp outside recv window',
        '  gateway  -1022  1 error  Invalid signature',
        '  okx      1000   1 note   Normal Closure',
        '  okx      4004   1 error  No data received in 30s',
        '  okx      51008  1 error  Order failed. Insufficient {param0} balance in account',
        '  okx      60009  1 error  Login failure',
        '  okx      60027  1 error  Parameter {0} can not be empty.',
        '  woo      -1102  1 error  The order value (price * size) is too small.',
        '',
      ].join('\n'),
    );
  });

  it('--json --summary puts the counts in the document; --jsonl --summary on stderr', async () => {
    const json = await cliWith({ files }, 'scan', JSONL, '--json', '--summary');
    const document = JSON.parse(json.stdout);
    expect(document.summary).toMatchObject({
      errors: 3,
      notes: 1,
      events: 6,
      skipped: { line: 1 },
    });
    expect(document.summary.codes[0]).toEqual({
      exchange: 'gateway',
      code: '-1021',
      message: 'Timestamp outside recv window',
      known: true,
      errors: 1,
      notes: 0,
    });
    const jsonl = await cliWith({ files }, 'scan', JSONL, '--jsonl', '--summary');
    expect(jsonl.stdout.trim().split('\n')).toHaveLength(4);
    expect(jsonl.stderr).toContain(
      'summary by exchange and code: 3 errors, 1 note in 6 events; 1 line skipped\n',
    );
  });
});
