import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BUNDLED_CATALOGUE,
  CATEGORIES,
  type CatalogueEntry,
  RETRY_KINDS,
} from '../../../../src/core/index.ts';
import { REPO_ROOT } from '../../../support/repo.ts';

const root = REPO_ROOT;
const entries = BUNDLED_CATALOGUE.entries;
const of = (exchange: string, surface?: string) =>
  entries.filter((e) => e.exchange === exchange && (!surface || e.surface === surface));
const codes = (list: readonly CatalogueEntry[]) => new Set(list.map((e) => e.code));

/** Rows "CODE | text ..." of a seed, read independently of the generator's parser. */
function seedRows(file: string): { code: string; text: string }[] {
  const text = readFileSync(join(root, 'catalogue/seeds', file), 'utf8');
  return [...text.matchAll(/^(-?\d+) \| (.+?)\s*$/gm)].map((m) => ({
    code: m[1] as string,
    text: m[2] as string,
  }));
}

describe('the gateway catalogue', () => {
  const coded = entries.filter((e) => e.exchange === 'gateway' && e.surface !== 'http-status');
  it('keeps all 70 codes in their groups and the 10 HTTP statuses', () => {
    expect(coded).toHaveLength(70);
    expect(codes(coded).size).toBe(70);
    expect(new Set(coded.map((e) => e.group))).toEqual(
      new Set([
        'General Errors (1xxx)',
        'Request Errors (11xx)',
        'Signature Errors (12xx)',
        'Order Errors (20xx)',
        'Position Errors (21xx)',
        'Margin Errors (22xx)',
        'WebSocket Errors (30xx)',
      ]),
    );
    expect([...codes(of('gateway', 'http-status'))]).toEqual([
      '200',
      '400',
      '401',
      '403',
      '404',
      '429',
      '500',
      '502',
      '503',
      '504',
    ]);
  });

  it("uses the gateway's own message, description and solution verbatim", () => {
    const signature = coded.find((e) => e.code === '-1022');
    expect(signature).toMatchObject({
      messages: { en: 'Invalid signature' },
      description: 'Signature verification failed',
      fix: 'Check your signing logic',
      fixSource: 'exchange',
      category: 'signature',
    });
    for (const entry of coded) expect(entry.fixSource).toBe('exchange');
  });

  it('carries the "Fixing Signature Errors" steps on the signature group', () => {
    const steps = coded.find((e) => e.code === '-1021')?.steps ?? [];
    expect(steps).toHaveLength(4);
    expect(steps[0]).toMatch(/within 5000ms of server time.*\/api\/gateway\/time/);
    expect(steps.slice(1)).toEqual([
      'Check signature algorithm: Use HMAC-SHA256',
      'Verify parameter order: Parameters must be sorted alphabetically',
      'Check encoding: URL-encode all parameter values',
    ]);
  });

  it("takes the retry advice from the gateway's own guidance", () => {
    const retry = (code: string) => coded.find((e) => e.code === code)?.retry;
    for (const code of ['-1001', '-1007', '-1008']) {
      expect(retry(code)).toMatchObject({ kind: 'backoff', source: 'exchange' });
    }
    expect(retry('-1003')).toMatchObject({ kind: 'wait', delayMs: 60_000, source: 'exchange' });
    expect(retry('-1002')).toMatchObject({ kind: 'after-fix', source: 'exchange' });
    expect(retry('-1002')?.note).toMatch(/Refresh the JWT token/);
  });
});

describe('the OKX catalogue', () => {
  it('keeps 30 error codes and 10 close codes, each in English and Chinese', () => {
    expect(of('okx', 'ws-message')).toHaveLength(30);
    expect(of('okx', 'close-frame')).toHaveLength(10);
    for (const entry of of('okx').filter((e) => e.surface !== 'rest')) {
      expect(entry.messages.en).not.toBe('');
      expect(entry.messages.zh).toMatch(/\p{Script=Han}|[A-Za-z]/u);
    }
    expect(of('okx').find((e) => e.code === '4004')?.messages).toEqual({
      en: 'No data received in 30s',
      zh: '空闲超时30秒',
    });
  });

  it('records the placeholders of templated messages in both languages', () => {
    const placeholders = (code: string) =>
      of('okx').find((e) => e.code === code && e.surface !== 'rest')?.placeholders;
    expect(placeholders('60027')).toEqual(['0']);
    expect(placeholders('60033')).toEqual(['param0']);
    expect(placeholders('64004')).toEqual(['channelName', 'instId']);
    expect(placeholders('60019')).toEqual(['op', '0']);
  });
});

describe('the WOO X catalogue', () => {
  it('keeps all 27 rows of its 19 codes, with status and name per row', () => {
    const woo = of('woo');
    expect(woo).toHaveLength(27);
    expect(codes(woo).size).toBe(19);
    const multiRow = [...codes(woo)].filter((c) => woo.filter((e) => e.code === c).length > 1);
    expect(multiRow.sort()).toEqual(['-1000', '-1005', '-1012', '-1101', '-1201', '-1202']);
    expect(woo.filter((e) => e.code === '-1005').map((e) => e.id)).toEqual([
      'woo:rest:-1005#0',
      'woo:rest:-1005#1',
      'woo:rest:-1005#2',
      'woo:rest:-1005#3',
    ]);
    expect(woo.find((e) => e.code === '-1001')).toMatchObject({
      name: 'INVALID_SIGNATURE',
      httpStatus: 401,
      category: 'signature',
    });
  });
});

describe('the RFC 6455 close-code catalogue', () => {
  it('has 1000 to 1015 and says which codes are only reported locally', () => {
    const rfc = of('rfc6455');
    expect(rfc.map((e) => Number(e.code))).toEqual(Array.from({ length: 16 }, (_, i) => 1000 + i));
    const localOnly = rfc.filter((e) => e.steps?.some((s) => /only reported locally/.test(s)));
    expect(localOnly.map((e) => e.code)).toEqual(['1005', '1006', '1015']);
  });
});

describe('every bundled entry', () => {
  it('loses no seed row: each seed row is an entry with that text', () => {
    const files = [
      '000_d3de87d9020803db.txt',
      '001_80f2a40040923e4c.txt',
      '002_811c13913c8c7a6d.txt',
      'rfc6455.txt',
    ];
    const rows = files.flatMap(seedRows);
    // OKX rows appear twice in the seed (English, Chinese): both texts must be kept.
    expect(rows).toHaveLength(80 + 80 + 27 + 16);
    for (const { code, text } of rows) {
      const first = text.split(' | ')[0] as string;
      const kept = BUNDLED_CATALOGUE.byCode(code).some(
        (e) =>
          e.messages.en === first ||
          e.messages.zh === first ||
          e.description === first ||
          e.name === first ||
          String(e.httpStatus) === first,
      );
      expect(kept, `${code} | ${first}`).toBe(true);
    }
  });

  it('has a fix, a category, retry advice and says who wrote the fix', () => {
    for (const entry of entries) {
      expect(entry.fix.trim(), entry.id).not.toBe('');
      expect(CATEGORIES).toContain(entry.category);
      expect(RETRY_KINDS).toContain(entry.retry.kind);
      const sourceGivesFix = entry.exchange === 'gateway' && entry.surface !== 'http-status';
      expect(entry.fixSource, entry.id).toBe(sourceGivesFix ? 'exchange' : 'exchange-lens');
    }
    expect(new Set(entries.map((e) => e.id)).size).toBe(entries.length);
  });
});
