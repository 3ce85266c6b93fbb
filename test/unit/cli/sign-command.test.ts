import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { cli, cliJson, cliWith } from './run-cli.ts';

const BINANCE_SECRET = 'NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j';
const BINANCE_QUERY =
  'symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559';

interface SignJson {
  prehash: string;
  signature: string;
  encoding: string;
  headers: Record<string, string>;
  params?: { query: string; body: string };
  login?: { op: string; args: Record<string, string>[] };
  warnings?: string[];
}

describe('exchange-lens sign', () => {
  it('prints the prehash, the signature and what to send', async () => {
    const { code, stdout, stderr } = await cli(
      'sign',
      '--recipe',
      'binance',
      '--secret',
      BINANCE_SECRET,
      '--method',
      'POST',
      '--path',
      '/api/v3/order',
      '--query',
      BINANCE_QUERY,
      '--key',
      'my-api-key',
    );
    expect(code).toBe(0);
    expect(stderr).toBe('');
    const signature = 'c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71';
    expect(stdout.split('\n')).toEqual([
      'recipe     binance: hex(HMAC-SHA256(secret, query string + request body, both exactly as sent))',
      `prehash    "${BINANCE_QUERY}"`,
      `signature  ${signature} (hex)`,
      'headers    X-MBX-APIKEY: my-api-key',
      `query      ${BINANCE_QUERY}&signature=${signature}`,
      '',
    ]);
  });

  it('--json prints prehash, signature, encoding, headers and params', async () => {
    const { code, json } = await cliJson<SignJson>(
      'sign',
      '--recipe=binance',
      `--secret=${BINANCE_SECRET}`,
      '--query',
      'symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC',
      '--body',
      'quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559',
    );
    expect(code).toBe(0);
    expect(json).toMatchObject({
      prehash:
        'symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTCquantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559',
      signature: '0fd168b8ddb4876a0358a8d14d0c9f3da0e9b20c5d52b2a00fcf7d1c602f9a77',
      encoding: 'hex',
      headers: {},
      params: {
        query: 'symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC',
        body: 'quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559&signature=0fd168b8ddb4876a0358a8d14d0c9f3da0e9b20c5d52b2a00fcf7d1c602f9a77',
      },
    });
  });

  it('okx: joins --path and --query with "?" and prints the four headers', async () => {
    const secret = '22582BD0CFF14C41EDBF1AB98506286D';
    const { json } = await cliJson<SignJson>(
      'sign',
      '--recipe',
      'okx',
      '--secret',
      secret,
      '--path',
      '/api/v5/account/balance',
      '--query',
      'ccy=BTC',
      '--timestamp',
      '2020-12-08T09:08:57.715Z',
      '--key',
      'k',
      '--passphrase',
      'pp',
    );
    const prehash = '2020-12-08T09:08:57.715ZGET/api/v5/account/balance?ccy=BTC';
    const signature = createHmac('sha256', secret).update(prehash).digest('base64');
    expect(json).toEqual({
      recipe: 'okx',
      prehash,
      signature,
      encoding: 'base64',
      timestamp: '2020-12-08T09:08:57.715Z',
      headers: {
        'OK-ACCESS-KEY': 'k',
        'OK-ACCESS-SIGN': signature,
        'OK-ACCESS-TIMESTAMP': '2020-12-08T09:08:57.715Z',
        'OK-ACCESS-PASSPHRASE': 'pp',
      },
    });
  });

  it('okx-ws-login prints the login message', async () => {
    const { json } = await cliJson<SignJson>(
      'sign',
      '--recipe',
      'okx-ws-login',
      '--secret',
      's',
      '--timestamp',
      '1704876947',
      '--key',
      'k',
      '--passphrase',
      'pp',
    );
    expect(json.prehash).toBe('1704876947GET/users/self/verify');
    expect(json.login).toEqual({
      op: 'login',
      args: [{ apiKey: 'k', passphrase: 'pp', timestamp: '1704876947', sign: json.signature }],
    });
  });

  it('signs the body exactly as given and marks its trailing newline', async () => {
    const body = '{"instId":"BTC-USDT"}\n';
    const { stdout } = await cli(
      'sign',
      '--recipe',
      'woo-v3',
      '--secret',
      's',
      '--path',
      '/v3/trade/order',
      '--body',
      body,
      '--timestamp',
      '1578565539808',
    );
    const signature = createHmac('sha256', 's')
      .update(`1578565539808POST/v3/trade/order${body}`)
      .digest('hex');
    expect(stdout).toContain(
      'prehash    "1578565539808POST/v3/trade/order{"instId":"BTC-USDT"}␊"\n',
    );
    expect(stdout).toContain(`signature  ${signature} (hex)\n`);
    expect(stdout).toContain(
      'note: invisible characters are shown as ␊ newline; the prehash ends with a newline\n',
    );
  });

  it('adds the timestamp only where the recipe signs one, default now', async () => {
    const before = Date.now();
    const { json } = await cliJson<SignJson>(
      'sign',
      '--recipe',
      'gateway',
      '--secret',
      's',
      '--query',
      'b=2&a=1',
    );
    const after = Date.now();
    const [, stamp] = /^a=1&b=2&timestamp=(\d+)$/.exec(json.prehash) ?? [];
    expect(Number(stamp)).toBeGreaterThanOrEqual(before);
    expect(Number(stamp)).toBeLessThanOrEqual(after);
    expect(json.params?.query).toBe(`b=2&a=1&timestamp=${stamp}&signature=${json.signature}`);
  });

  it('prints the warnings', async () => {
    const { stdout } = await cli(
      'sign',
      '--recipe',
      'okx',
      '--secret',
      's',
      '--timestamp',
      '1704876947123',
    );
    expect(stdout).toContain(
      'warning: the timestamp 1704876947123 is in Unix milliseconds; OKX wants ISO 8601\n',
    );
    expect(stdout).toContain(
      "warning: OKX also needs the API key's passphrase in OK-ACCESS-PASSPHRASE\n",
    );
  });

  it('--secret-file reads the secret, without the newline an editor adds', async () => {
    const files = { 'secret.txt': 'file-secret\n' };
    const argv = ['sign', '--recipe', 'woo-v1', '--secret-file', 'secret.txt', '--timestamp', '1'];
    const { code, stdout } = await cliWith({ files }, ...argv, '--json');
    expect(code).toBe(0);
    const json = JSON.parse(stdout) as SignJson;
    expect(json.signature).toBe(createHmac('sha256', 'file-secret').update('|1').digest('hex'));
  });

  it('never prints the secret, whatever the recipe', async () => {
    const secret = 'S3CR3T-should-never-appear';
    for (const recipe of ['gateway', 'binance', 'okx', 'okx-ws-login', 'woo-v1', 'woo-v3']) {
      for (const json of [[], ['--json']]) {
        const { stdout, stderr } = await cli(
          'sign',
          '--recipe',
          recipe,
          '--secret',
          secret,
          '--path',
          '/p',
          '--query',
          'a=1',
          '--body',
          'b=2',
          '--key',
          'k',
          '--passphrase',
          'p',
          ...json,
        );
        expect(stdout + stderr).not.toContain(secret);
        expect(stdout.length).toBeGreaterThan(0);
      }
    }
  });
});

describe('sign: usage errors exit 2 with one line on stderr', () => {
  const cases: [string, string[], string][] = [
    [
      'no recipe',
      ['sign', '--secret', 's'],
      'sign needs --recipe gateway|binance|okx|okx-ws-login|woo-v1|woo-v3|bybit',
    ],
    ['no secret', ['sign', '--recipe', 'okx'], 'sign needs --secret'],
    ['an empty secret', ['sign', '--recipe', 'okx', '--secret='], 'sign needs --secret'],
    [
      'an unknown recipe',
      ['sign', '--recipe', 'kraken', '--secret', 's'],
      '--recipe must be one of gateway, binance, okx, okx-ws-login, woo-v1, woo-v3, bybit, not "kraken"',
    ],
    [
      'a secret without its flag',
      ['sign', '--recipe', 'okx', 'hunter2'],
      'sign takes flags only; got 1 argument(s) without a flag',
    ],
    [
      'a query given twice',
      ['sign', '--recipe', 'okx', '--secret', 's', '--path', '/a?x=1', '--query', 'y=2'],
      'the query is given twice: in the path and apart from it',
    ],
    [
      'a timestamp given twice',
      [
        'sign',
        '--recipe',
        'binance',
        '--secret',
        's',
        '--query',
        'timestamp=1',
        '--timestamp',
        '2',
      ],
      'the timestamp is given twice: 1 in the request and 2 apart from it',
    ],
    [
      '--recv-window for OKX',
      ['sign', '--recipe', 'okx', '--secret', 's', '--recv-window', '5000'],
      '--recv-window is for the binance, gateway and bybit recipes only',
    ],
    [
      'a missing secret file',
      ['sign', '--recipe', 'okx', '--secret-file', 'nope.txt'],
      'cannot read nope.txt: no such file',
    ],
  ];
  it.each(cases)('%s', async (_name, argv, message) => {
    const { code, stdout, stderr } = await cli(...argv);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`exchange-lens: ${message} (see exchange-lens --help)\n`);
    expect(stderr).not.toContain('hunter2');
  });
});
