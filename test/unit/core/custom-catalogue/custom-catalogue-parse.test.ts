import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  CATALOGUE_LIMITS,
  parseCustomCatalogue,
  readStoredCatalogues,
} from '../../../../src/core/custom-catalogue/index.ts';
import { createCatalogue, createDetector, explain } from '../../../../src/core/index.ts';
import { repoPath } from '../../../support/repo.ts';

const seed = (name: string) => readFileSync(repoPath('catalogue/seeds', name), 'utf8');

function ok(text: string, options = {}) {
  const result = parseCustomCatalogue(text, options);
  if (!result.ok) throw new Error(`expected a catalogue, got:\n${result.problems.join('\n')}`);
  return result;
}

function problems(text: string, options = {}) {
  const result = parseCustomCatalogue(text, options);
  if (result.ok) throw new Error('expected problems, got a catalogue');
  return result.problems;
}

describe('custom catalogue from JSON', () => {
  it('reads an array of entries and fills in what a bundled entry always has', () => {
    const { entries } = ok(
      '[{"exchange": "acme", "code": -4061, "message": "Order side mismatch", "zh": "订单方向不匹配"}]',
    );
    expect(entries).toEqual([
      {
        id: 'custom:acme:rest:-4061',
        exchange: 'acme',
        code: '-4061',
        surface: 'rest',
        messages: { en: 'Order side mismatch', zh: '订单方向不匹配' },
        description: 'Order side mismatch',
        fix: "Look code -4061 up in acme's API documentation; the server's message often names the problem.",
        fixSource: 'exchange-lens',
        category: 'order',
        retry: { kind: 'after-fix', source: 'exchange-lens' },
        source: 'custom catalogue',
        origin: 'custom',
      },
    ]);
  });

  it('reads {exchange, entries} with every optional field', () => {
    const { entries, catalogues } = ok(
      JSON.stringify({
        exchange: 'Acme',
        entries: [
          {
            code: '4009',
            surface: 'close-frame',
            message: 'Idle for too long',
            description: 'No ping for 60 s',
            fix: 'Ping every 20 s',
            name: 'IDLE',
            httpStatus: 400,
            category: 'connection',
            retry: { kind: 'reconnect', delayMs: 1000, note: 'Reconnect after 1 s.' },
            steps: ['Ping', 'Reconnect'],
            group: 'Close codes',
          },
        ],
      }),
      { source: 'acme.json' },
    );
    expect(catalogues.map((c) => c.exchange)).toEqual(['acme']);
    expect(entries[0]).toMatchObject({
      id: 'custom:acme:close-frame:4009',
      fix: 'Ping every 20 s',
      fixSource: 'exchange',
      retry: { kind: 'reconnect', delayMs: 1000, note: 'Reconnect after 1 s.', source: 'exchange' },
      steps: ['Ping', 'Reconnect'],
      source: 'acme.json',
    });
  });

  it('names the line and entry of each bad field, and imports nothing', () => {
    const text = [
      '[',
      '  {"exchange": "acme", "code": -1, "message": "fine"},',
      '  {"exchange": "acme", "code": "abc", "message": "bad code"},',
      '  {',
      '    "exchange": "acme", "code": 2, "mesage": "typo",',
      '    "category": "weather", "retry": "later"',
      '  },',
      '  {"exchange": "unknown", "code": 3, "message": "reserved"}',
      ']',
    ].join('\n');
    expect(problems(text)).toEqual([
      "line 3 (entry 2): code 'abc' is not a number",
      "line 4 (entry 3): unknown field 'mesage'",
      "line 4 (entry 3): category 'weather' is not one of authentication, signature, timestamp, rate-limit, parameter, order, position, margin, connection, subscription, server, permission, liquidation, not-found, account, success",
      "line 4 (entry 3): retry 'later' is not one of do-not-retry, backoff, after-fix, reconnect, wait, check-first",
      "line 8 (entry 4): 'unknown' is reserved and cannot name an exchange",
    ]);
  });

  it('says where JSON is broken', () => {
    expect(problems('[\n  {"code": 1, "message": "a"},\n  {"code": 2 "message": "b"}\n]')).toEqual([
      expect.stringMatching(/^line 3: not valid JSON \(.+\)$/),
    ]);
  });

  it('needs an exchange, from the entry, the catalogue or the caller', () => {
    expect(problems('[{"code": 1, "message": "a"}]')).toEqual([
      'line 1 (entry 1): no exchange: give "exchange" for the catalogue',
    ]);
    expect(ok('[{"code": 1, "message": "a"}]', { exchange: 'acme' }).entries[0]?.exchange).toBe(
      'acme',
    );
  });

  it('accepts exported catalogue entries back (ids and sources are recomputed)', () => {
    const exported = explain('-1022').map(({ entry }) => entry);
    const { entries } = ok(JSON.stringify(exported));
    expect(entries[0]).toMatchObject({
      id: 'custom:gateway:rest:-1022',
      origin: 'custom',
      code: '-1022',
    });
  });
});

describe('custom catalogue from Markdown tables', () => {
  it('reads the gateway layout, with its WebSocket and HTTP status tables', () => {
    const { entries } = ok(seed('000_d3de87d9020803db.txt'), { exchange: 'gw-testnet' });
    expect(entries).toHaveLength(80);
    expect(entries.find((e) => e.code === '-1021')).toMatchObject({
      exchange: 'gw-testnet',
      messages: { en: 'Timestamp outside recv window' },
      description: 'Request timestamp too old/new',
      fixSource: 'exchange',
      category: 'timestamp',
    });
    expect(new Set(entries.map((e) => e.surface))).toEqual(
      new Set(['rest', 'ws-message', 'http-status']),
    );
  });

  it('reads the WOO layout, keeping rows of the same code apart', () => {
    const { entries } = ok(seed('002_811c13913c8c7a6d.txt'), { exchange: 'woo-staging' });
    expect(entries).toHaveLength(27);
    const rows = entries.filter((e) => e.code === '-1005');
    expect(rows.map((e) => e.id)).toEqual([
      'custom:woo-staging:rest:-1005#0',
      'custom:woo-staging:rest:-1005#1',
      'custom:woo-staging:rest:-1005#2',
      'custom:woo-staging:rest:-1005#3',
    ]);
    expect(rows[0]).toMatchObject({ name: 'INVALID_PARAM', httpStatus: 400 });
  });

  it('reads the OKX layout with its front matter, and joins the Chinese rows', () => {
    const { entries } = ok(seed('001_80f2a40040923e4c.txt'));
    expect(entries).toHaveLength(40);
    expect(entries.find((e) => e.code === '60007')).toMatchObject({
      exchange: 'okx',
      messages: { en: 'Invalid sign', zh: '无效的签名' },
      category: 'signature',
    });
    expect(entries.find((e) => e.code === '4004')).toMatchObject({ surface: 'close-frame' });
  });

  it('names each bad line in line order', () => {
    const table = [
      'Error Code | Error Message',
      '---|---',
      '70001 | Fine',
      '70002',
      'seven | Not a number',
      '70004 | ',
      '70005 | | ',
    ].join('\n');
    expect(problems(table, { exchange: 'acme' })).toEqual([
      'line 4: expected 2 cells (Error Code | Error Message), found 1',
      "line 5: code 'seven' is not a number",
      'line 6: expected 2 cells (Error Code | Error Message), found 1',
      'line 7: no message or description',
    ]);
  });

  it('says which layouts it knows when no table fits', () => {
    expect(problems('Some | Table\n---|---\n1 | 2', { exchange: 'acme' })).toEqual([
      'no table in a known layout (line 1 has Some | Table): expected a header such as Code | Message | Description | Solution, or Error Code | Status Code | Error Name | Description, or Error Code | Error Message',
    ]);
    expect(problems('| Code | Message |\n|---|---|\n-1 | a')).toEqual([
      'the table names no exchange: give an exchange id (or start with "exchange: NAME" front matter)',
    ]);
  });
});

describe('custom catalogue limits and use', () => {
  it('refuses an empty or oversized catalogue as a whole', () => {
    expect(problems('  \n ')).toEqual(['the catalogue is empty']);
    expect(problems('x'.repeat(CATALOGUE_LIMITS.maxChars + 1))).toEqual([
      'the catalogue is too big: 2.0 M characters, at most 2.0 M',
    ]);
    const many = Array.from({ length: CATALOGUE_LIMITS.maxEntries + 1 }, (_, i) => ({
      code: i,
      message: 'm',
    }));
    expect(problems(JSON.stringify(many), { exchange: 'acme' })).toEqual([
      `the catalogue has ${CATALOGUE_LIMITS.maxEntries + 1} entries, at most ${CATALOGUE_LIMITS.maxEntries}`,
    ]);
  });

  it('caps the list of problems', () => {
    const bad = Array.from({ length: 80 }, () => ({ code: 'x', message: 'm' }));
    const list = problems(JSON.stringify(bad), { exchange: 'acme' });
    expect(list).toHaveLength(CATALOGUE_LIMITS.maxProblems + 1);
    expect(list.at(-1)).toBe('... and 30 more problems');
  });

  it('explains and detects with the custom entries', () => {
    const { entries } = ok('[{"code": -4061, "message": "Order side mismatch"}]', {
      exchange: 'acme',
    });
    const catalogue = createCatalogue(entries);
    expect(explain('4061', { catalogue })[0]?.entry.exchange).toBe('acme');
    const detector = createDetector({ catalogue, hosts: { 'api.acme.test': 'acme' } });
    const [finding] = detector.detect({
      type: 'http',
      url: 'https://api.acme.test/order',
      status: 400,
      body: '{"code":-4061,"msg":"Order side mismatch"}',
    });
    expect(finding).toMatchObject({
      exchange: 'acme',
      attribution: 'host',
      entry: { id: 'custom:acme:rest:-4061' },
    });
  });

  it('reads back what it stored, and drops a damaged stored catalogue with a reason', () => {
    const { catalogues } = ok('[{"code": 1, "message": "a"}]', { exchange: 'acme' });
    const stored = { version: 1, updatedAt: 5, catalogues: [{ ...catalogues[0], importedAt: 5 }] };
    expect(readStoredCatalogues(JSON.parse(JSON.stringify(stored)))).toEqual({
      stored,
      problems: [],
    });
    const damaged = { ...stored, catalogues: [{ exchange: 'acme', records: [{ code: 'x' }] }] };
    expect(readStoredCatalogues(damaged)).toEqual({
      stored: { version: 1, updatedAt: 5, catalogues: [] },
      problems: ["the stored acme catalogue is damaged: code 'x' is not a number"],
    });
  });
});
