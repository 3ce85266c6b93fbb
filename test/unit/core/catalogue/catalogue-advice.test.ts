// The advice bundled with the catalogues: ours where the source gives none, never a copy of the
// exchange's words, hand-written for the codes traders meet most, never a blind retry after a
// timeout of unknown outcome, and checked against what CCXT does with the same codes.

import { describe, expect, it } from 'vitest';
import { buildCatalogue } from '../../../../scripts/catalogue/build.ts';
import {
  BUNDLED_CATALOGUE,
  type CatalogueEntry,
  describeRetry,
  explain,
  type RetryKind,
} from '../../../../src/core/index.ts';
import { REPO_ROOT } from '../../../support/repo.ts';

const root = REPO_ROOT;
const { originOf } = buildCatalogue(root);
const documents = BUNDLED_CATALOGUE.entries.filter((e) => e.source.startsWith('catalogue/sources'));

function entryFor(exchange: string, code: string, message?: string): CatalogueEntry {
  const [match] = explain(code, { exchange, ...(message ? { message } : {}) });
  if (!match) throw new Error(`${exchange} ${code} is not catalogued`);
  return match.entry;
}

describe('advice for the documents’ entries', () => {
  it('is ours, with category, retry and fix, and never repeats the exchange’s text', () => {
    expect(documents.length).toBeGreaterThan(2000);
    const squash = (t: string) => t.toLowerCase().replace(/\s+/g, ' ').trim();
    for (const entry of documents) {
      expect(entry, entry.id).toMatchObject({ fixSource: 'exchange-lens' });
      expect(entry.retry.source, entry.id).toBe('exchange-lens');
      expect(squash(entry.fix), entry.id).not.toBe(squash(entry.description));
      for (const { en } of entry.variants ?? [entry.messages]) {
        if (en.length >= 20) expect(squash(entry.fix), entry.id).not.toContain(squash(en));
      }
    }
  });

  it('is written by hand for the codes traders meet most; rules cover the rest', () => {
    const often: Record<string, string[]> = {
      binance: ['-1003', '-1006', '-1007', '-1013', '-1021', '-1022', '-1121', '-2010', '-2011'],
      'binance-usdm': ['-1003', '-1021', '-1022', '-2019', '-2022', '-4061', '-4164', '-5022'],
      okx: ['50001', '50004', '50011', '50014', '50020', '50102', '50113', '51000', '51008'],
      bybit: ['10001', '10002', '10003', '10004', '10006', '10010', '110001', '110007', '170131'],
    };
    for (const [exchange, codes] of Object.entries(often)) {
      for (const code of codes) {
        for (const entry of BUNDLED_CATALOGUE.byCode(code).filter((e) => e.exchange === exchange)) {
          expect(originOf.get(entry.id), entry.id).toBe('hand');
        }
      }
    }
    // Every message of Binance's order-placement and filter-failure tables has its own.
    const tableRows = documents.filter((e) =>
      /^(Messages for|Filter failures)/.test(e.group ?? ''),
    );
    expect(tableRows.length).toBeGreaterThan(200);
    for (const entry of tableRows) expect(originOf.get(entry.id), entry.id).toBe('hand');
    const counts = { hand: 0, rule: 0 };
    for (const entry of documents) counts[originOf.get(entry.id) ?? 'rule']++;
    expect(counts.hand).toBeGreaterThan(500);
    expect(counts.rule).toBeGreaterThan(1000);
  });

  it('says to check the order status, never to retry blindly, when the outcome is unknown', () => {
    const unknownOutcome = documents.filter((e) =>
      (e.variants ?? [e.messages]).some(({ en }) =>
        /execution status unknown|does not mean that the request was successful/i.test(en),
      ),
    );
    expect(unknownOutcome.map((e) => e.id).sort()).toEqual([
      'binance-usdm:rest:-1006',
      'binance-usdm:rest:-1007',
      'binance:rest:-1006',
      'binance:rest:-1007',
      'okx:rest:50004',
      'okx:rest:51149',
    ]);
    for (const entry of unknownOutcome) {
      expect(entry.retry.kind, entry.id).toBe('check-first');
      expect(describeRetry(entry.retry)).toBe('check the order status before retrying');
      expect(entry.fix, entry.id).toMatch(/query|look .* up/i);
    }
  });
});

/**
 * CCXT's error class for well-known codes, from the `exceptions` maps of ccxt 4.5.84
 * (js/src/binance.js: spot, linear and the shared `exact`/`broad` maps; js/src/binanceusdm.js;
 * js/src/okx.js; js/src/bybit.js) and its handleErrors. A message picks the row of a
 * multi-row code, as CCXT's message maps do.
 */
const CCXT: [exchange: string, code: string, ccxtClass: string, message?: string][] = [
  ['binance', '-1003', 'RateLimitExceeded'],
  ['binance', '-1007', 'RequestTimeout'],
  ['binance', '-1013', 'BadRequest'],
  ['binance', '-1015', 'RateLimitExceeded'],
  ['binance', '-1021', 'InvalidNonce'],
  ['binance', '-1022', 'AuthenticationError'],
  ['binance', '-1100', 'BadRequest'],
  ['binance', '-1102', 'BadRequest'],
  ['binance', '-1121', 'BadSymbol'],
  ['binance', '-1125', 'AuthenticationError'],
  ['binance', '-2010', 'InvalidOrder'],
  ['binance', '-2011', 'OrderNotFound'],
  ['binance', '-2013', 'OrderNotFound'],
  ['binance', '-2014', 'AuthenticationError'],
  ['binance', '-2015', 'AuthenticationError'],
  [
    'binance',
    '-2010',
    'InsufficientFunds',
    'Account has insufficient balance for requested action.',
  ],
  ['binance', '-2010', 'OrderImmediatelyFillable', 'Order would immediately match and take.'],
  ['binance', '-2010', 'PermissionDenied', 'This symbol is not permitted for this account.'],
  ['binance', '-2011', 'AccountSuspended', 'This action is disabled on this account.'],
  ['binance', '-1013', 'MarketClosed', 'Market is closed.'],
  ['binance', '-1013', 'BadRequest', 'Filter failure: MAX_POSITION'],
  ['binance-usdm', '-1003', 'RateLimitExceeded'],
  ['binance-usdm', '-1007', 'RequestTimeout'],
  ['binance-usdm', '-1021', 'InvalidNonce'],
  ['binance-usdm', '-1022', 'AuthenticationError'],
  ['binance-usdm', '-2018', 'InsufficientFunds'],
  ['binance-usdm', '-2019', 'InsufficientFunds'],
  ['binance-usdm', '-2021', 'OrderImmediatelyFillable'],
  ['binance-usdm', '-2022', 'InvalidOrder'],
  ['binance-usdm', '-2024', 'InsufficientFunds'],
  ['binance-usdm', '-4046', 'MarginModeAlreadySet', 'No need to change margin type.'],
  ['binance-usdm', '-4061', 'OperationRejected'],
  ['binance-usdm', '-4164', 'InvalidOrder'],
  ['binance-usdm', '-5021', 'InvalidOrder'],
  ['binance-usdm', '-5022', 'InvalidOrder'],
  ['binance-usdm', '-5028', 'InvalidOrder'],
  ['okx', '1', 'ExchangeError'],
  ['okx', '50001', 'OnMaintenance'],
  ['okx', '50004', 'RequestTimeout'],
  ['okx', '50011', 'RateLimitExceeded'],
  ['okx', '50009', 'AccountSuspended'],
  ['okx', '50013', 'ExchangeNotAvailable'],
  ['okx', '50017', 'ExchangeError'],
  ['okx', '50020', 'ExchangeError'],
  ['okx', '50014', 'BadRequest'],
  ['okx', '50026', 'ExchangeNotAvailable'],
  ['okx', '50061', 'ExchangeError'],
  ['okx', '50102', 'InvalidNonce'],
  ['okx', '50103', 'AuthenticationError'],
  ['okx', '50105', 'AuthenticationError'],
  ['okx', '50110', 'PermissionDenied'],
  ['okx', '50111', 'AuthenticationError'],
  ['okx', '50113', 'AuthenticationError'],
  ['okx', '51000', 'BadRequest'],
  ['okx', '51001', 'BadSymbol'],
  ['okx', '51006', 'InvalidOrder'],
  ['okx', '51008', 'InsufficientFunds'],
  ['okx', '51010', 'AccountNotEnabled'],
  ['okx', '51016', 'InvalidOrder'],
  ['okx', '51020', 'InvalidOrder'],
  ['okx', '51024', 'AccountSuspended'],
  ['okx', '51113', 'RateLimitExceeded'],
  ['okx', '51121', 'InvalidOrder'],
  ['okx', '51131', 'InsufficientFunds'],
  ['okx', '51400', 'OrderNotFound'],
  ['okx', '51603', 'OrderNotFound'],
  ['bybit', '10001', 'BadRequest'],
  ['bybit', '10002', 'InvalidNonce'],
  ['bybit', '10003', 'AuthenticationError', 'API key is invalid.'],
  ['bybit', '10004', 'AuthenticationError'],
  ['bybit', '10005', 'PermissionDenied'],
  ['bybit', '10006', 'RateLimitExceeded'],
  ['bybit', '10007', 'AuthenticationError'],
  ['bybit', '10008', 'AccountSuspended'],
  ['bybit', '10009', 'AuthenticationError'],
  ['bybit', '10010', 'PermissionDenied'],
  ['bybit', '10016', 'ExchangeError', 'Server error.'],
  ['bybit', '10018', 'RateLimitExceeded'],
  ['bybit', '10027', 'PermissionDenied'],
  ['bybit', '110001', 'OrderNotFound'],
  ['bybit', '110004', 'InsufficientFunds'],
  ['bybit', '110007', 'InsufficientFunds'],
  ['bybit', '110008', 'InvalidOrder'],
  ['bybit', '110012', 'InsufficientFunds'],
  ['bybit', '110017', 'InvalidOrder'],
  ['bybit', '110025', 'NoChange'],
  ['bybit', '110043', 'BadRequest'],
  ['bybit', '170005', 'InvalidOrder'],
  ['bybit', '170007', 'RequestTimeout'],
  ['bybit', '170131', 'InsufficientFunds'],
  ['bybit', '170136', 'InvalidOrder'],
  ['bybit', '170146', 'InvalidOrder'],
];

/** CCXT's NetworkError subclasses are retried after a wait; its ExchangeError subclasses are
 * not retried as they are. (InvalidNonce sits under NetworkError in CCXT.) */
const RETRYABLE = ['RequestTimeout', 'ExchangeNotAvailable', 'OnMaintenance', 'DDoSProtection'];
const NETWORK = new Set([...RETRYABLE, 'RateLimitExceeded', 'InvalidNonce']);
const ALLOWED: Record<'network' | 'exchange', readonly RetryKind[]> = {
  network: ['backoff', 'wait', 'reconnect'],
  exchange: ['after-fix', 'do-not-retry'],
};

describe('retry advice against CCXT', () => {
  const disagreements = CCXT.filter(([exchange, code, ccxtClass, message]) => {
    const { retry } = entryFor(exchange, code, message);
    return !ALLOWED[NETWORK.has(ccxtClass) ? 'network' : 'exchange'].includes(retry.kind);
  });

  it('agrees with CCXT’s class for most well-known codes', () => {
    expect(CCXT.length - disagreements.length).toBeGreaterThan(70);
  });

  it('says why wherever it differs', () => {
    expect(
      disagreements.map(([exchange, code, ccxtClass]) => `${exchange} ${code} ${ccxtClass}`),
    ).toEqual([
      'binance -1007 RequestTimeout',
      'binance -1021 InvalidNonce',
      'binance -1013 MarketClosed',
      'binance-usdm -1007 RequestTimeout',
      'binance-usdm -1021 InvalidNonce',
      'okx 50004 RequestTimeout',
      'okx 50017 ExchangeError',
      'okx 50020 ExchangeError',
      'okx 50061 ExchangeError',
      'okx 50102 InvalidNonce',
      'bybit 10002 InvalidNonce',
      'bybit 10009 AuthenticationError',
      'bybit 10016 ExchangeError',
      'bybit 170005 InvalidOrder',
      'bybit 170007 RequestTimeout',
      'bybit 170146 InvalidOrder',
    ]);
    for (const [exchange, code, ccxtClass, message] of disagreements) {
      const { retry } = entryFor(exchange, code, message);
      expect(retry.note, `${exchange} ${code}`).toContain(`CCXT raises ${ccxtClass}`);
    }
  });
});
