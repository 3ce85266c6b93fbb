// The library as another project uses it: a scratch project whose node_modules/exchange-lens
// links to this repository (as `npm install /path/to/exchange-lens` does) imports it from an
// .mjs run by Node, and a .ts checked by tsc against the exported declarations. Needs
// `npm run build` (dist/lib), like the built CLI's test.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT, repoPath } from '../../support/repo.ts';

const run = promisify(execFile);
const BUNDLE = repoPath('dist/lib/exchange-lens.js');

// A real Binance futures reply to an order sent with a stale timestamp, and OKX's reply to a
// subscription it cannot parse.
const CHECK_MJS = `
import assert from 'node:assert/strict';
import { createDetector, detect, explain, sign } from 'exchange-lens';

const [finding] = detect({
  type: 'http',
  url: 'https://fapi.binance.com/fapi/v1/order',
  status: 400,
  body: '{"code":-1021,"msg":"Timestamp for this request is outside of the recvWindow."}',
});
assert.equal(finding.code, '-1021');
assert.equal(finding.exchange, 'binance-usdm');
assert.equal(finding.attribution, 'host');
assert.equal(finding.entry.id, 'binance-usdm:rest:-1021');
assert.equal(finding.entry.category, 'timestamp');

const okx = createDetector().detect({
  type: 'ws',
  url: 'wss://ws.okx.com:8443/ws/v5/public',
  direction: 'receive',
  data: '{"event":"error","code":"60012","msg":"Invalid request: {\\\\"op\\\\": \\\\"subscribe\\\\"}","connId":"a4d3ae55"}',
});
assert.deepEqual(okx.map((f) => [f.exchange, f.code, f.dialect]), [['okx', '60012', 'okx-ws-event']]);
assert.equal(explain('60012', { exchange: 'okx' })[0].entry.messages.en, 'Invalid request');

// Binance's documented HMAC example.
const signed = await sign('binance', {
  secret: 'NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j',
  query: 'symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000&timestamp=1499827319559',
});
assert.equal(signed.signature, 'c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71');
console.log('ok');
`;

const CHECK_TS = `
import { detect, explain, sign, type Finding, type SignResult } from 'exchange-lens';

const findings: readonly Finding[] = detect({ type: 'close', url: 'wss://ws.okx.com:8443/ws/v5/public', code: 4004 });
const category: string | undefined = findings[0]?.entry?.category;
const message: string | undefined = explain('-1021')[0]?.entry.messages.en;
const signed: Promise<SignResult> = sign('okx', { secret: 's', method: 'GET', path: '/api/v5/account/balance' });
// @ts-expect-error: not a recipe
sign('kraken', { secret: 's' });
// @ts-expect-error: an event needs its type
detect({ url: 'x', status: 400 });
export { category, message, signed };
`;

const TSCONFIG = {
  compilerOptions: {
    target: 'ES2022',
    module: 'nodenext',
    moduleResolution: 'nodenext',
    strict: true,
    noEmit: true,
    skipLibCheck: false,
    types: [],
  },
  files: ['check.ts'],
};

describe('a project that installs exchange-lens from a local path', () => {
  let dir = '';
  beforeAll(async () => {
    if (!existsSync(BUNDLE)) throw new Error(`${BUNDLE} is missing: run npm run build first`);
    dir = await mkdtemp(join(tmpdir(), 'exchange-lens-consumer-'));
    await mkdir(join(dir, 'node_modules'));
    await symlink(REPO_ROOT, join(dir, 'node_modules', 'exchange-lens'), 'dir');
    await writeFile(
      join(dir, 'package.json'),
      '{"name":"consumer","private":true,"type":"module"}\n',
    );
    await writeFile(join(dir, 'check.mjs'), CHECK_MJS);
    await writeFile(join(dir, 'check.ts'), CHECK_TS);
    await writeFile(join(dir, 'tsconfig.json'), JSON.stringify(TSCONFIG, null, 2));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('imports detect, explain and sign and checks real exchange replies with them', async () => {
    const { stdout } = await run(process.execPath, ['check.mjs'], { cwd: dir });
    expect(stdout).toBe('ok\n');
  });

  it('type-checks against the declarations the package exports', async () => {
    const tsc = repoPath('node_modules/.bin/tsc');
    const result = await run(tsc, ['-p', join(dir, 'tsconfig.json')], { cwd: dir }).catch(
      (error: { stdout?: string }) => ({ stdout: error.stdout ?? String(error) }),
    );
    expect(result.stdout).toBe('');
  });
});
