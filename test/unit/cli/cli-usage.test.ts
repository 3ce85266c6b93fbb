import { describe, expect, it } from 'vitest';
import { USAGE } from '../../../src/cli/usage.ts';
import { cli, cliWith, HAR } from './run-cli.ts';

describe('exchange-lens usage', () => {
  it('--help prints the usage on stdout and exits 0, wherever it is', async () => {
    for (const argv of [
      ['--help'],
      ['-h'],
      ['help'],
      ['explain', '--help'],
      ['scan', '--bad', '-h'],
    ]) {
      expect(await cli(...argv)).toEqual({ code: 0, stdout: USAGE, stderr: '' });
    }
    expect(USAGE).toContain('exchange-lens explain CODE [--exchange ID]');
    expect(USAGE).toContain(
      'gateway, binance (Spot),\n         binance-usdm, bybit, okx, woo, rfc6455',
    );
    expect(USAGE).toContain('exchange-lens scan FILE|PATTERN|- ...');
  });

  it('no arguments is a usage error: the usage on stderr, exit 2', async () => {
    expect(await cli()).toEqual({ code: 2, stdout: '', stderr: USAGE });
  });

  it('an unknown command or a flag before the command exits 2 with one line', async () => {
    expect(await cli('lookup', '-1021')).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'exchange-lens: unknown command "lookup" (expected explain, scan or sign) (see exchange-lens --help)\n',
    });
    const flagFirst = await cli('--json', 'explain', '-1021');
    expect(flagFirst.code).toBe(2);
    expect(flagFirst.stderr).toMatch(
      /^exchange-lens: expected a command \(explain, scan or sign\) before --json/,
    );
  });

  it('-- ends the flags, so a code can look like one', async () => {
    const { code, stdout } = await cli('explain', '--json', '--', '-1021');
    expect(code).toBe(0);
    expect(JSON.parse(stdout).matches[0].code).toBe('-1021');
  });
});

describe('scan: usage errors exit 2 with one line on stderr', () => {
  const files = {
    'notes.txt': 'Remember to rotate the API key.\nAsk support about 51008.\n',
    'truncated.har': '{\n  "log": {\n    "version": "1.2",\n    "entries": [\n      {',
    'minified-truncated.har': '{"log":{"version":"1.2","entries":[{"request":',
    'no-entries.har': '{"log":{"version":"1.2","creator":{"name":"x","version":"1"}}}',
    'array.json': '[{"type":"http"}]',
    'config.json': '{\n  "apiKey": "x"\n}\n',
  };
  const cases: [string, string[], string][] = [
    ['no FILE', ['scan'], 'scan needs a FILE (or - for standard input)'],
    [
      'one FILE of two missing',
      ['scan', HAR, 'test/fixtures/missing.jsonl'],
      'cannot read test/fixtures/missing.jsonl: no such file',
    ],
    [
      'a pattern that matches nothing',
      ['scan', 'test/fixtures/*.pcap'],
      'no file matches test/fixtures/*.pcap',
    ],
    [
      'two outputs',
      ['scan', HAR, '--json', '--format', 'github'],
      'choose one output: github or json',
    ],
    [
      'an unknown --fail-on',
      ['scan', HAR, '--fail-on', 'notes'],
      '--fail-on must be one of error, warning, never, not "notes"',
    ],
    ['stdin read twice', ['scan', '-', '-'], 'scan reads standard input (-) once'],
    [
      'a flag scan does not take',
      ['scan', HAR, '--exchange', 'okx'],
      'scan does not take --exchange',
    ],
    [
      'a missing file',
      ['scan', 'test/fixtures/missing.har'],
      'cannot read test/fixtures/missing.har: no such file',
    ],
    ['a directory', ['scan', 'test/fixtures'], 'cannot read test/fixtures: is a directory'],
    ['a text file', ['scan', 'notes.txt'], 'notes.txt: neither a HAR file nor JSON Lines'],
    ['a JSON array', ['scan', 'array.json'], 'array.json: neither a HAR file nor JSON Lines'],
    ['other JSON', ['scan', 'config.json'], 'config.json: neither a HAR file nor JSON Lines'],
    [
      'a HAR without entries',
      ['scan', 'no-entries.har'],
      'no-entries.har: not a HAR file: log.entries is missing',
    ],
  ];
  it.each(cases)('%s', async (_name, argv, message) => {
    const { code, stdout, stderr } = await cliWith({ files }, ...argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`exchange-lens: ${message} (see exchange-lens --help)\n`);
  });

  it.each([
    ['truncated.har', 5],
    ['minified-truncated.har', 1],
  ])('a truncated HAR (%s) is not read as lines: the cut entry is named', async (file, line) => {
    const { code, stdout, stderr } = await cliWith({ files }, 'scan', file);
    expect(code).toBe(0);
    expect(stderr).toBe(`warning: entry 1 at line ${line}: the file ends inside it\n`);
    expect(stdout).toBe('0 errors, 0 notes in 0 events; 1 entry skipped\n');
    const strict = await cliWith({ files }, 'scan', file, '--fail-on', 'warning');
    expect(strict.code).toBe(1);
  });
});
