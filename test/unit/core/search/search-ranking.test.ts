import { describe, expect, it } from 'vitest';
import { parseCustomCatalogue } from '../../../../src/core/custom-catalogue/index.ts';
import { BUNDLED_CATALOGUE } from '../../../../src/core/index.ts';
import { buildSearchIndex, search, withinOneEdit } from '../../../../src/core/search/index.ts';

const index = buildSearchIndex(BUNDLED_CATALOGUE.entries);
/** "exchange code" of the hits, best first. */
const top = (query: string, n = 3, exchanges?: string[]) =>
  search(index, query, exchanges ? { exchanges: new Set(exchanges) } : {})
    .slice(0, n)
    .map(({ entry }) => `${entry.exchange} ${entry.code}`);

describe('search ranking', () => {
  it('puts an exact code first, as typed before the other sign', () => {
    expect(top('-1021', 1)).toEqual(['gateway -1021']);
    expect(top('1021', 1)).toEqual(['gateway -1021']);
    expect(top('1001')).toEqual(['rfc6455 1001', 'gateway -1001', 'woo -1001']);
    // A typed minus is meant: positive codes do not answer it.
    expect(top('-1001', 5)).toEqual([
      'gateway -1001',
      'woo -1001',
      'binance -1001',
      'binance-usdm -1001',
    ]);
    expect(search(index, '60012')[0]).toMatchObject({ kind: 'code', entry: { code: '60012' } });
  });

  it('reads full-width digits and a typographic minus as a code', () => {
    expect(top('－１０２１', 1)).toEqual(['gateway -1021']);
    expect(top('\u22121021', 1)).toEqual(['gateway -1021']);
  });

  it('lists code prefixes while the code is typed', () => {
    const hits = search(index, '-10');
    expect(hits.length).toBeGreaterThan(10);
    expect(
      hits.every(({ entry, kind }) => entry.code.startsWith('-10') && kind === 'code-prefix'),
    ).toBe(true);
  });

  it('ranks an exact name above words, and words by where they appear', () => {
    const hits = search(index, 'INVALID_SIGNATURE');
    expect(hits[0]).toMatchObject({ kind: 'name', entry: { exchange: 'woo', code: '-1001' } });
    expect(hits[1]).toMatchObject({ kind: 'name', entry: { exchange: 'binance', code: '-1022' } });
    expect(hits[2]).toMatchObject({ kind: 'name', entry: { exchange: 'binance-usdm' } });
    expect(hits[3]).toMatchObject({ kind: 'words', entry: { exchange: 'gateway', code: '-1022' } });
    expect(top('invalid signature', 1)).toEqual(['woo -1001']);
    expect(top('normal closure', 1)).toEqual(['rfc6455 1000']);
  });

  it('needs every word and rewards the phrase', () => {
    expect(top('recv window', 3)).toEqual(['gateway -1021', 'binance -1021', 'binance-usdm -1021']);
    expect(top('rate limit', 5)).toEqual(expect.arrayContaining(['gateway -1003', 'woo -1003']));
    expect(top('recvWindow', 4)).toEqual(
      expect.arrayContaining(['gateway -1021', 'binance -1021']),
    );
    // Every documented variant is searchable, not only the main message.
    expect(top('current limit is orders per', 3)).toContain('binance -1015');
  });

  it('finds Chinese text inside Chinese runs', () => {
    expect(top('签名')).toEqual(['okx 60007', 'binance -1022']);
    expect(top('不正确', 1)).toEqual(['okx 60024']);
  });

  it('tolerates one typo in a word or a code, ranked below exact matches', () => {
    const [hit] = search(index, 'passprase');
    expect(hit).toMatchObject({ kind: 'typo', entry: { code: '60024' } });
    expect(top('timestmp', 5)).toContain('gateway -1021');
    expect(top('6012', 5)).toContain('okx 60012');
    // An exact word beats a typo of another.
    const scores = search(index, 'sign');
    expect(scores[0]?.kind).toBe('words');
  });

  it('narrows to the chosen exchanges', () => {
    expect(top('-1001', 3, ['woo'])).toEqual(['woo -1001']);
    expect(search(index, '', { exchanges: new Set(['rfc6455']) })).toHaveLength(16);
  });

  it('returns every entry for an empty query, in catalogue order', () => {
    const hits = search(index, '   ');
    expect(hits.map(({ entry }) => entry)).toEqual(BUNDLED_CATALOGUE.entries);
  });

  it('searches custom entries with the bundled ones, bundled exchanges first on ties', () => {
    const parsed = parseCustomCatalogue(
      '[{"exchange": "acme", "code": -1021, "message": "Timestamp outside recv window"}]',
    );
    if (!parsed.ok) throw new Error(parsed.problems.join('\n'));
    const both = buildSearchIndex([...parsed.entries, ...BUNDLED_CATALOGUE.entries]);
    expect(search(both, '-1021').map(({ entry }) => entry.exchange)).toEqual([
      'gateway',
      'binance',
      'binance-usdm',
      'acme',
    ]);
  });
});

describe('withinOneEdit', () => {
  it('accepts one insertion, deletion, substitution or swap, and nothing more', () => {
    expect(withinOneEdit('passphrase', 'passprase')).toBe(true);
    expect(withinOneEdit('window', 'windw')).toBe(true);
    expect(withinOneEdit('receive', 'recieve')).toBe(true);
    expect(withinOneEdit('60012', '60013')).toBe(true);
    expect(withinOneEdit('60012', '60021')).toBe(true);
    expect(withinOneEdit('60012', '61021')).toBe(false);
    expect(withinOneEdit('abc', 'abcde')).toBe(false);
    expect(withinOneEdit('sign', 'sing')).toBe(true);
    expect(withinOneEdit('sign', 'nigs')).toBe(false);
  });
});
