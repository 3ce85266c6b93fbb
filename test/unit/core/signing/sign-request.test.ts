// What the recipes add, refuse and warn about: only the timestamp the user left out, and only
// for recipes that sign one.
import { describe, expect, it } from 'vitest';
import {
  SIGNING_RECIPE_IDS,
  SigningInputError,
  signingPrehash,
  signRequest,
} from '../../../../src/core/index.ts';

const secret = 'test-secret';
const NOW = Date.UTC(2024, 0, 10, 8, 55, 47, 123);

describe('timestamps', () => {
  it('each recipe signs now, in its own format, when none is given', async () => {
    const signed = async (recipe: (typeof SIGNING_RECIPE_IDS)[number]) =>
      (await signRequest(recipe, { secret }, { now: NOW })).timestamp;
    expect(await signed('gateway')).toBe('1704876947123');
    expect(await signed('binance')).toBe('1704876947123');
    expect(await signed('okx')).toBe('2024-01-10T08:55:47.123Z');
    expect(await signed('okx-ws-login')).toBe('1704876947');
    expect(await signed('woo-v1')).toBe('1704876947123');
    expect(await signed('woo-v3')).toBe('1704876947123');
  });

  it('a number is Unix ms written in the recipe format; a string is signed verbatim', async () => {
    const okx = await signRequest('okx', { secret, timestamp: NOW, passphrase: 'p' });
    expect(okx.timestamp).toBe('2024-01-10T08:55:47.123Z');
    const verbatim = await signRequest('okx', {
      secret,
      timestamp: '1704876947123',
      passphrase: 'p',
    });
    expect(verbatim.prehash).toBe('1704876947123GET');
    expect(verbatim.warnings).toEqual([
      'the timestamp 1704876947123 is in Unix milliseconds; OKX wants ISO 8601',
    ]);
  });

  it('binance and the gateway append timestamp only when the request has none', async () => {
    const added = await signRequest('binance', { secret, query: 'symbol=X' }, { now: NOW });
    expect(added.prehash).toBe('symbol=X&timestamp=1704876947123');
    const kept = await signRequest(
      'binance',
      { secret, query: 'timestamp=5&symbol=X' },
      { now: NOW },
    );
    expect(kept.prehash).toBe('timestamp=5&symbol=X');
    expect(kept.timestamp).toBe('5');
    const inBody = await signRequest('gateway', { secret, body: 'timestamp=7' }, { now: NOW });
    expect(inBody.prehash).toBe('timestamp=7');
    expect(inBody.params).toEqual({ query: '', body: `timestamp=7&signature=${inBody.signature}` });
  });

  it('refuses a timestamp given twice with different values', async () => {
    await expect(
      signRequest('binance', { secret, query: 'timestamp=5', timestamp: '6' }),
    ).rejects.toThrow(
      new SigningInputError('the timestamp is given twice: 5 in the request and 6 apart from it'),
    );
    const same = await signRequest('binance', { secret, query: 'timestamp=5', timestamp: '5' });
    expect(same.prehash).toBe('timestamp=5');
  });
});

describe('recvWindow', () => {
  it('is appended before the timestamp, as in Binance examples', async () => {
    const result = await signRequest(
      'binance',
      { secret, query: 'symbol=X', recvWindow: 5000 },
      { now: NOW },
    );
    expect(result.prehash).toBe('symbol=X&recvWindow=5000&timestamp=1704876947123');
  });

  it('over 60000 signs but warns that Binance rejects it', async () => {
    const result = await signRequest('binance', { secret, query: 'recvWindow=70000&timestamp=1' });
    expect(result.warnings).toContain(
      "recvWindow 70000 is over Binance's maximum of 60000 ms: the request will be rejected",
    );
  });

  it('given twice with different values is refused', async () => {
    await expect(
      signRequest('gateway', { secret, query: 'recvWindow=5000', recvWindow: 6000 }),
    ).rejects.toThrow('recvWindow is given twice: 5000 in the request and 6000 apart from it');
  });
});

describe('requests', () => {
  it('joins path and query with "?", and splits a query left in the path', async () => {
    const joined = signingPrehash('woo-v3', { path: '/v3/a', query: 'x=1', timestamp: '1' });
    const inPath = signingPrehash('woo-v3', { path: '/v3/a?x=1', timestamp: '1' });
    expect(joined.prehash).toBe('1GET/v3/a?x=1');
    expect(inPath.prehash).toBe(joined.prehash);
    expect(() => signingPrehash('okx', { path: '/a?x=1', query: 'y=2' })).toThrow(
      'the query is given twice',
    );
  });

  it('the method defaults to GET, POST with a body, and is upper-cased', () => {
    expect(signingPrehash('okx', { path: '/p', timestamp: 't' }).prehash).toBe('tGET/p');
    expect(signingPrehash('okx', { path: '/p', body: '{}', timestamp: 't' }).prehash).toBe(
      'tPOST/p{}',
    );
    expect(signingPrehash('woo-v3', { method: 'delete', path: '/p', timestamp: 't' }).prehash).toBe(
      'tDELETE/p',
    );
  });

  it('keeps the body byte for byte, trailing newline included', () => {
    const body = '{"a": 1}\n';
    expect(signingPrehash('okx', { path: '/p', body, timestamp: 't' }).prehash).toBe(
      `tPOST/p${body}`,
    );
  });

  it('refuses a request that already carries a signature parameter', async () => {
    await expect(signRequest('binance', { secret, query: 'a=1&signature=abc' })).rejects.toThrow(
      'the request already has a signature parameter',
    );
  });

  it('refuses an empty secret', async () => {
    await expect(signRequest('okx', { secret: '' })).rejects.toThrow('the secret is empty');
  });

  it('adds no key header without a key, and warns when OKX lacks its passphrase', async () => {
    const result = await signRequest('okx', { secret, timestamp: NOW });
    expect(Object.keys(result.headers)).toEqual(['OK-ACCESS-SIGN', 'OK-ACCESS-TIMESTAMP']);
    expect(result.warnings).toEqual([
      "OKX also needs the API key's passphrase in OK-ACCESS-PASSPHRASE",
    ]);
    const woo = await signRequest('woo-v1', { secret, timestamp: NOW });
    expect(Object.keys(woo.headers)).toEqual(['x-api-signature', 'x-api-timestamp']);
  });

  it('okx-ws-login says which given parts it does not sign', async () => {
    const result = await signRequest('okx-ws-login', {
      secret,
      path: '/api/v5/x',
      body: '{}',
      passphrase: 'p',
      timestamp: '1704876947',
    });
    expect(result.prehash).toBe('1704876947GET/users/self/verify');
    expect(result.warnings).toEqual([
      'the login always signs GET /users/self/verify: the path, body given are not signed',
    ]);
  });

  it('returns nothing that contains the secret', async () => {
    const distinctive = 'S3CR3T-never-printed-0xdeadbeef';
    for (const recipe of SIGNING_RECIPE_IDS) {
      const result = await signRequest(recipe, {
        secret: distinctive,
        path: '/p',
        query: 'a=1',
        body: 'b=2',
        key: 'k',
        passphrase: 'p',
      });
      expect(JSON.stringify(result)).not.toContain(distinctive);
    }
  });
});
