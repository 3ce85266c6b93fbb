import { describe, expect, it } from 'vitest';
import type { FindingJson, MatchJson } from '../../../src/cli/json-item.ts';
import { cliWith } from './run-cli.ts';

const ACME_JSON = JSON.stringify({
  exchange: 'acme',
  entries: [
    {
      code: -7061,
      message: "Order's position side does not match user's setting.",
      fix: 'Send positionSide=BOTH in one-way mode.',
      category: 'order',
    },
  ],
});

const ACME_MARKDOWN = [
  '---',
  'exchange: acme',
  '---',
  '| Code | Message | Description | Solution |',
  '|---|---|---|---|',
  '-7061 | Order side mismatch | positionSide does not match the account mode | Send BOTH in one-way mode |',
].join('\n');

const CAPTURE = [
  JSON.stringify({
    type: 'http',
    url: 'https://api.acme.test/fapi/v1/order',
    status: 400,
    headers: { 'content-type': 'application/json' },
    body: '{"code":-7061,"msg":"Order\'s position side does not match user\'s setting."}',
  }),
  '',
].join('\n');

const files = {
  'acme.json': ACME_JSON,
  'acme.md': ACME_MARKDOWN,
  'hosts.txt': '# our testnet\napi.acme.test -> acme\n',
  'capture.jsonl': CAPTURE,
  'bad.md': [
    '---',
    'exchange: acme',
    '---',
    '| Code | Message | Description | Solution |',
    '|---|---|---|---|',
    'abc | Bad | Bad code | Fix it',
    '-1 | Short',
  ].join('\n'),
  'no-exchange.md': ACME_MARKDOWN.split('\n').slice(3).join('\n'),
};

const run = (...argv: string[]) => cliWith({ files }, ...argv);

describe('explain --catalogue FILE', () => {
  it('explains a code from a JSON catalogue, naming the file as the source', async () => {
    const { code, stdout, stderr } = await run('explain', '7061', '--catalogue', 'acme.json');
    expect([code, stderr]).toEqual([0, '']);
    expect(stdout.split('\n').slice(0, 3)).toEqual([
      "error[acme -7061]: Order's position side does not match user's setting.",
      '  --> REST reply · acme.json',
      '   = fix: Send positionSide=BOTH in one-way mode.',
    ]);
  });

  it('reads a Markdown table with front matter, and --exchange accepts its exchange', async () => {
    const { code, stdout } = await run(
      'explain',
      '-7061',
      '--catalogue=acme.md',
      '--exchange',
      'acme',
      '--json',
    );
    expect(code).toBe(0);
    const { matches } = JSON.parse(stdout) as { matches: MatchJson[] };
    expect(matches.map((m) => [m.exchange, m.code, m.message, m.fix, m.entryId])).toEqual([
      [
        'acme',
        '-7061',
        'Order side mismatch',
        'Send BOTH in one-way mode',
        'custom:acme:rest:-7061',
      ],
    ]);
  });

  it('still knows the bundled codes, and says "custom" when nothing matches', async () => {
    expect((await run('explain', '-1021', '--catalogue', 'acme.json')).stdout).toMatch(
      /^error\[gateway -1021\]/,
    );
    expect(await run('explain', '777', '--catalogue', 'acme.json')).toMatchObject({
      code: 1,
      stdout: 'unknown code 777: no bundled or custom catalogue knows it\n',
    });
    expect((await run('explain', '-7061', '--exchange', 'acme')).stderr).toBe(
      'exchange-lens: --exchange must be one of gateway, okx, woo, binance, binance-usdm, bybit, rfc6455, not "acme" (see exchange-lens --help)\n',
    );
  });

  it('refuses a bad catalogue with its bad lines, exit 2', async () => {
    expect(await run('explain', '-1', '--catalogue', 'bad.md')).toEqual({
      code: 2,
      stdout: '',
      stderr:
        "exchange-lens: catalogue bad.md: line 6: code 'abc' is not a number; line 7: expected 4 cells (Code | Message | Description | Solution), found 2 (see exchange-lens --help)\n",
    });
    expect((await run('explain', '-1', '--catalogue', 'no-exchange.md')).stderr).toBe(
      'exchange-lens: catalogue no-exchange.md: the table names no exchange: give an exchange id (or start with "exchange: NAME" front matter) (see exchange-lens --help)\n',
    );
    expect((await run('explain', '-1', '--catalogue', 'missing.json')).stderr).toBe(
      'exchange-lens: cannot read missing.json: no such file (see exchange-lens --help)\n',
    );
  });
});

describe('scan --catalogue FILE --hosts FILE', () => {
  it('attributes by the mapped host and explains from the custom catalogue', async () => {
    const { code, stdout } = await run(
      'scan',
      'capture.jsonl',
      '--catalogue',
      'acme.json',
      '--hosts',
      'hosts.txt',
      '--json',
    );
    expect(code).toBe(1);
    const { findings } = JSON.parse(stdout) as { findings: FindingJson[] };
    expect(findings.map((f) => [f.exchange, f.attribution, f.code, f.known, f.fix])).toEqual([
      ['acme', 'host', '-7061', true, 'Send positionSide=BOTH in one-way mode.'],
    ]);
  });

  it('without them the code is unknown', async () => {
    const { stdout } = await run('scan', 'capture.jsonl', '--json');
    const { findings } = JSON.parse(stdout) as { findings: FindingJson[] };
    expect(findings.map((f) => [f.code, f.known, f.entryId])).toEqual([['-7061', false, null]]);
  });

  it('refuses a bad host map with its bad lines, exit 2', async () => {
    const { code, stderr } = await cliWith(
      { files: { ...files, 'hosts.txt': 'api.acme.test\n' } },
      'scan',
      'capture.jsonl',
      '--hosts',
      'hosts.txt',
    );
    expect([code, stderr]).toEqual([
      2,
      'exchange-lens: hosts hosts.txt: line 1: expected "HOST -> EXCHANGE" (see exchange-lens --help)\n',
    ]);
  });
});
