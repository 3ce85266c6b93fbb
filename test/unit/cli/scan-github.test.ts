import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, workflowCommand } from '../../../src/cli/github-commands.ts';
import { cliWith, HAR, JSONL } from './run-cli.ts';

describe('scan --format github prints workflow commands the runner turns into annotations', () => {
  it('an ::error per error with file, line and title; ::notice for notes', async () => {
    const { code, stdout } = await cliWith({}, 'scan', JSONL, '--format', 'github');
    expect(code).toBe(1);
    const lines = stdout.split('\n');
    expect(lines[0]).toBe(
      `::error file=${JSONL},line=1,title=gateway -1021%3A Timestamp outside recv window::` +
        'line 1: POST http://119.8.50.236:8088/fapi/v1/order (HTTP 400)%0A' +
        'server said: "Timestamp for this request is outside of the recvWindow."%0A' +
        'means: Request timestamp too old/new%0Afix: Sync your system clock%0Asteps:%0A' +
        '       1. Verify timestamp: Must be within 5000ms of server time (`curl http://119.8.50.236:8088/api/gateway/time`)%0A' +
        '       2. Check signature algorithm: Use HMAC-SHA256%0A' +
        '       3. Verify parameter order: Parameters must be sorted alphabetically%0A' +
        '       4. Check encoding: URL-encode all parameter values%0A' +
        'category: timestamp · retry: retry after fixing the request · attributed by host, certain%0A' +
        'also: binance -1021: Timestamp for this request is outside of the recvWindow.%0A' +
        'also: binance-usdm -1021: Timestamp for this request is outside of the recvWindow.',
    );
    expect(
      lines.filter((line) => line.startsWith('::')).map((line) => line.split('::')[1]),
    ).toEqual([
      `error file=${JSONL},line=1,title=gateway -1021%3A Timestamp outside recv window`,
      `error file=${JSONL},line=3,title=okx 60009%3A Login failure`,
      `warning file=${JSONL},line=4,title=exchange-lens`,
      `error file=${JSONL},line=6,title=okx 4004%3A No data received in 30s`,
      `notice file=${JSONL},line=7,title=okx 1000%3A Normal Closure`,
    ]);
    expect(lines).toContain(
      `::warning file=${JSONL},line=4,title=exchange-lens::line 4: not JSON, skipped`,
    );
    expect(lines.at(-2)).toBe('3 errors, 1 note in 6 events; 1 line skipped');
  });

  it('a HAR finding points at the line where its entry starts', async () => {
    const { stdout } = await cliWith({}, 'scan', HAR, '--format', 'github');
    expect(stdout).toContain(
      `::error file=${HAR},line=584,title=okx 60027%3A Parameter instId can not be empty.::entry 7: GET wss://`,
    );
  });

  it('text from the capture cannot end the command or start another', async () => {
    const line = JSON.stringify({
      type: 'ws',
      url: 'wss://ws.okx.com:8443/ws/v5/public',
      direction: 'receive',
      data: JSON.stringify({ event: 'error', code: '60012', msg: 'x\n::error::forged 100%\r\n' }),
    });
    const files = { 'a,b:c.jsonl': `${line}\n` };
    const { stdout } = await cliWith({ files }, 'scan', 'a,b:c.jsonl', '--format', 'github');
    const [first] = stdout.split('\n');
    expect(first).toMatch(
      /^::error file=a%2Cb%3Ac.jsonl,line=1,title=okx 60012%3A Invalid request::/,
    );
    expect(stdout.split('\n').filter((l) => l.startsWith('::'))).toHaveLength(1);
    expect(first).toContain('server said: "x\\n::error::forged 100%25\\r\\n"');
  });

  it('standard input without --stdin-name has no file to point at', async () => {
    const files = {};
    const stdin = '{"type":"close","url":"wss://ws.okx.com:8443/ws/v5/public","code":4004}\n';
    const { stdout } = await cliWith({ files, stdin }, 'scan', '-', '--format', 'github');
    expect(stdout).toMatch(/^::error title=okx 4004%3A No data received in 30s::line 1: /);
    const named = await cliWith(
      { stdin },
      'scan',
      '-',
      '--stdin-name',
      'ci/run.jsonl',
      '--format',
      'github',
    );
    expect(named.stdout).toMatch(/^::error file=ci\/run.jsonl,line=1,title=/);
  });

  it('escapes by the runner’s rules', () => {
    expect(escapeData('100% done\r\nnext')).toBe('100%25 done%0D%0Anext');
    expect(escapeProperty('a:b,c%')).toBe('a%3Ab%2Cc%25');
    expect(workflowCommand({ level: 'warning', message: 'm' })).toBe('::warning::m');
    expect(workflowCommand({ level: 'notice', line: 3, message: 'm' })).toBe('::notice::m');
  });
});
