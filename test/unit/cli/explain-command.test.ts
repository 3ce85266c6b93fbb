import { describe, expect, it } from 'vitest';
import type { MatchJson } from '../../../src/cli/json-item.ts';
import { cli, cliJson } from './run-cli.ts';

type Matches = { matches: MatchJson[] };

describe('exchange-lens explain CODE', () => {
  it('prints the match like a compiler error, with the source steps', async () => {
    const { code, stdout, stderr } = await cli('explain', '-1022', '--exchange', 'gateway');
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout.split('\n')).toEqual([
      'error[gateway -1022]: Invalid signature',
      '  --> REST reply · catalogue/seeds/000_d3de87d9020803db.txt',
      '   = means: Signature verification failed',
      '   = fix: Check your signing logic',
      '   = steps:',
      '       1. Verify timestamp: Must be within 5000ms of server time (`curl http://119.8.50.236:8088/api/gateway/time`)',
      '       2. Check signature algorithm: Use HMAC-SHA256',
      '       3. Verify parameter order: Parameters must be sorted alphabetically',
      '       4. Check encoding: URL-encode all parameter values',
      '   = category: signature · retry: retry after fixing the request',
      '',
    ]);
  });

  it('prints every exchange that uses the code, best first, separated by a blank line', async () => {
    const { code, stdout } = await cli('explain', '-1001');
    expect(code).toBe(0);
    const headlines = stdout.split('\n').filter((line) => line.startsWith('error['));
    expect(headlines).toEqual([
      'error[gateway -1001]: Disconnected',
      'error[woo -1001]: The api key or secret is in wrong format. (INVALID_SIGNATURE)',
      'error[binance -1001]: Internal error; unable to process your request. Please try again. (DISCONNECTED)',
      'error[binance-usdm -1001]: Internal error; unable to process your request. Please try again. (DISCONNECTED)',
    ]);
    expect(stdout).toContain('\n\nerror[woo -1001]');
    expect(stdout).toContain(
      '  --> REST reply (HTTP 401) · catalogue/seeds/002_811c13913c8c7a6d.txt',
    );
    expect(stdout).toContain(
      '   = how to retry: Exponential backoff: wait 2^attempt s plus up to 1 s of jitter, 3 attempts.',
    );
  });

  it('ranks by --message, shows it, and fills placeholders', async () => {
    const { code, stdout } = await cli(
      'explain',
      '60027',
      '--message',
      'Parameter instId can not be empty.',
    );
    expect(code).toBe(0);
    expect(stdout).toContain('error[okx 60027]: Parameter instId can not be empty.\n');
    expect(stdout).toContain('   | server said: "Parameter instId can not be empty."\n');
    expect(stdout).toContain('   = placeholders: {0} = instId\n');
  });

  it('says when no documented message of the code matches, and shows the server words', async () => {
    const message = 'Amount is required for buy market orders when margin disabled.';
    const { code, stdout } = await cli(
      'explain',
      '-1012',
      '--exchange',
      'woo',
      '--message',
      message,
    );
    expect(code).toBe(0);
    expect(stdout.split('\n').slice(0, 4)).toEqual([
      'note: no documented message of woo -1012 matches what the server said',
      `   | server said: "${message}"`,
      '   = below: every entry of the code, in catalogue order',
      '',
    ]);
    // Catalogue order, not "Another liquidation is in process" for sharing the word "is".
    expect(stdout.split('\n').filter((line) => line.startsWith('error['))).toEqual([
      expect.stringMatching(/^error\[woo -1012\]: The place\/cancel order request is rejected/),
      'error[woo -1012]: Another liquidation is in process (RPC_REJECT)',
    ]);
    const { json } = await cliJson<Matches>(
      'explain',
      '-1012',
      '--exchange=woo',
      `--message=${message}`,
    );
    expect(json.matches.map((m) => [m.entryId, m.score, m.messageMatched])).toEqual([
      ['woo:rest:-1012#0', 0, false],
      ['woo:rest:-1012#1', 0, false],
    ]);
  });

  it('names printf placeholders by position when it fills them', async () => {
    const { stdout } = await cli(
      'explain',
      '-1102',
      '--exchange',
      'binance',
      '--message',
      "Mandatory parameter 'symbol' was not sent, was empty/null, or malformed.",
    );
    expect(stdout).toContain('   = placeholders: %1 = symbol\n');
  });

  it('prefers the row the message names, and --message=TEXT works too', async () => {
    const { json } = await cliJson<Matches>(
      'explain',
      '-1000',
      '--exchange=woo',
      '--message=The data does not exist',
    );
    expect(json.matches.map((m) => [m.entryId, m.score])).toEqual([
      ['woo:rest:-1000#1', 1],
      ['woo:rest:-1000#0', expect.any(Number)],
    ]);
  });

  it('--lang zh prints the Chinese message where the entry has one', async () => {
    const zh = await cli('explain', '4004', '--exchange', 'okx', '--lang', 'zh');
    expect(zh.stdout).toMatch(/^error\[okx 4004\]: 空闲超时30秒\n/);
    // An entry without Chinese falls back to English.
    const gateway = await cli('explain', '-1021', '--lang', 'zh');
    expect(gateway.stdout).toMatch(/^error\[gateway -1021\]: Timestamp outside recv window\n/);
  });

  it('--exchange keeps one exchange', async () => {
    const { json } = await cliJson<Matches>('explain', '-1001', '--exchange', 'woo');
    expect(json.matches.map((m) => m.exchange)).toEqual(['woo']);
  });

  it('finds a code typed without its minus sign', async () => {
    const { code, json } = await cliJson<Matches>('explain', '1021');
    expect(code).toBe(0);
    expect(json.matches[0]?.code).toBe('-1021');
  });

  it('calls a normal close a note', async () => {
    const { stdout } = await cli('explain', '1000', '--exchange', 'rfc6455');
    expect(stdout).toMatch(/^note\[rfc6455 1000\]: Normal Closure\n/);
  });

  it('--json prints every field of each match, best first', async () => {
    const { code, json } = await cliJson<Matches>(
      'explain',
      '-1001',
      '--message',
      'The api key or secret is in wrong format.',
    );
    expect(code).toBe(0);
    // The message is WOO X's: the Binance-style catalogues follow in their fixed order, and no
    // documented message of theirs matches it.
    expect(json.matches.map((m) => [m.exchange, m.messageMatched])).toEqual([
      ['woo', true],
      ['gateway', false],
      ['binance', false],
      ['binance-usdm', false],
    ]);
    expect(json.matches[0]).toEqual({
      exchange: 'woo',
      code: '-1001',
      message: 'The api key or secret is in wrong format.',
      description: 'The api key or secret is in wrong format.',
      fix: expect.stringContaining('Sign with HMAC-SHA256'),
      category: 'signature',
      retry: { kind: 'after-fix', text: 'retry after fixing the request' },
      surface: 'rest',
      name: 'INVALID_SIGNATURE',
      httpStatus: 401,
      fixSource: 'exchange-lens',
      source: 'catalogue/seeds/002_811c13913c8c7a6d.txt',
      entryId: 'woo:rest:-1001',
      placeholders: {},
      alternatives: [
        { exchange: 'gateway', code: '-1001', message: 'Disconnected' },
        {
          exchange: 'binance',
          code: '-1001',
          message: 'Internal error; unable to process your request. Please try again.',
        },
        {
          exchange: 'binance-usdm',
          code: '-1001',
          message: 'Internal error; unable to process your request. Please try again.',
        },
      ],
      score: 1,
      messageMatched: true,
    });
    expect(json.matches[1]?.retry).toEqual({
      kind: 'backoff',
      text: 'retry with backoff',
      note: 'Exponential backoff: wait 2^attempt s plus up to 1 s of jitter, 3 attempts.',
    });
  });

  it('--json carries placeholders, the retry delay and the --lang message', async () => {
    const placeholders = await cliJson<Matches>(
      'explain',
      '60027',
      '--message',
      'Parameter instId can not be empty.',
      '--lang',
      'zh',
    );
    expect(placeholders.json.matches[0]).toMatchObject({
      message: '参数instId不可为空',
      documentedMessage: '参数{0}不可为空',
      placeholders: { '0': 'instId' },
      score: 0.95,
    });
    const delay = await cliJson<Matches>('explain', '-1003');
    expect(delay.json.matches[0]?.retry).toMatchObject({
      kind: 'wait',
      delayMs: 60000,
      text: 'wait (60 s), then retry',
    });
  });
});

describe('explain: codes no catalogue knows', () => {
  it('says so in one line and exits 1', async () => {
    expect(await cli('explain', '59999')).toEqual({
      code: 1,
      stdout: 'unknown code 59999: no bundled catalogue knows it\n',
      stderr: '',
    });
  });

  it('names the exchanges that do know it when --exchange filtered them out', async () => {
    const { code, stdout } = await cli('explain', '60027', '--exchange', 'gateway');
    expect(code).toBe(1);
    expect(stdout).toBe(
      'unknown code 60027 for gateway: no bundled gateway entry has it (known to okx)\n',
    );
  });

  it('--json prints an empty list and exits 1', async () => {
    expect(await cliJson<Matches>('explain', '59999')).toEqual({ code: 1, json: { matches: [] } });
  });
});

describe('explain: usage errors exit 2 with one line on stderr', () => {
  const cases: [string, string[], string][] = [
    ['no CODE', ['explain'], 'explain needs a CODE'],
    ['two CODEs', ['explain', '-1021', '-1022'], 'explain takes one CODE, got 2'],
    ['an unknown flag', ['explain', '-1021', '--verbose'], 'explain does not take --verbose'],
    ['an unknown short flag', ['explain', '-1021', '-v'], 'explain does not take -v'],
    ['a missing value', ['explain', '-1021', '--exchange'], '--exchange needs a value'],
    ['a flag for a value', ['explain', '-1021', '--message', '--json'], '--message needs a value'],
    [
      'a bad exchange',
      ['explain', '-1021', '--exchange', 'kraken'],
      '--exchange must be one of gateway, okx, woo, binance, binance-usdm, bybit, rfc6455, not "kraken"',
    ],
    [
      'a bad language',
      ['explain', '-1021', '--lang', 'fr'],
      '--lang must be one of en, zh, not "fr"',
    ],
    ['a value for --json', ['explain', '-1021', '--json=yes'], '--json takes no value'],
  ];
  it.each(cases)('%s', async (_name, argv, message) => {
    const { code, stdout, stderr } = await cli(...argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`exchange-lens: ${message} (see exchange-lens --help)\n`);
  });
});
