import { describe, expect, it } from 'vitest';
import {
  checkSettingsChange,
  DEFAULT_SETTINGS,
  normaliseHost,
  parseHostMapText,
  readSettings,
  resolveLang,
} from '../../../../src/core/settings/index.ts';

describe('settings schema', () => {
  it('defaults: no hosts, 5,000 rows of history, the browser language', () => {
    expect(readSettings({})).toEqual({
      hosts: {},
      historyMaxRows: 5000,
      lang: 'auto',
      savedFilters: [],
    });
    expect(DEFAULT_SETTINGS.historyMaxRows).toBe(5000);
  });

  it('keeps every valid stored value and drops the rest', () => {
    expect(
      readSettings({
        hosts: { 'Testnet.Example.com': 'gateway', 'bad host': 'okx', 'x.test': 'UNKNOWN' },
        historyMaxRows: 999,
        lang: 'zh',
      }),
    ).toEqual({
      hosts: { 'testnet.example.com': 'gateway' },
      historyMaxRows: 5000,
      lang: 'zh',
      savedFilters: [],
    });
    expect(readSettings({ hosts: 'nope', historyMaxRows: '20000', lang: 'fr' })).toEqual(
      DEFAULT_SETTINGS,
    );
  });

  it('checks a change in full: one bad value rejects all of it', () => {
    expect(checkSettingsChange({ historyMaxRows: 50_000, lang: 'en' })).toEqual({
      change: { historyMaxRows: 50_000, lang: 'en' },
    });
    expect(
      checkSettingsChange({ historyMaxRows: 50_001, hosts: { 'ok.test': 'woo', '-bad-': 'woo' } }),
    ).toEqual({
      problems: [
        "-bad-: '-bad-' is not a host name (e.g. testnet.example.com)",
        'the history limit must be a whole number of rows between 1,000 and 50,000',
      ],
    });
    expect(checkSettingsChange({ historyMaxRows: 1500.5 })).toHaveProperty('problems');
  });

  it('resolves the language: a choice wins, auto follows the browser', () => {
    expect(resolveLang('auto', 'zh-CN')).toBe('zh');
    expect(resolveLang('auto', 'zh-Hant-TW')).toBe('zh');
    expect(resolveLang('auto', 'en-GB')).toBe('en');
    expect(resolveLang('auto', undefined)).toBe('en');
    expect(resolveLang('en', 'zh-CN')).toBe('en');
  });
});

describe('saved filters', () => {
  it('keeps named filters, trims them, and names each one it drops', () => {
    const stored = [
      { name: ' Slow orders ', query: 'op:order slow:>500ms ' },
      { name: 'Slow orders', query: 'dup' },
      { name: '', query: 'code:-1021' },
      { name: 'Empty', query: '   ' },
    ];
    expect(readSettings({ savedFilters: stored }).savedFilters).toEqual([
      { name: 'Slow orders', query: 'op:order slow:>500ms' },
    ]);
    expect(checkSettingsChange({ savedFilters: stored })).toEqual({
      problems: [
        'two saved filters are named "Slow orders"',
        'a saved filter needs a name',
        'the filter "Empty" is empty',
      ],
    });
  });

  it('refuses more than browser sync storage holds in one item', () => {
    const many = Array.from({ length: 40 }, (_, i) => ({
      name: `filter ${i}`,
      query: `exchange:okx ${'x'.repeat(300)}`,
    }));
    expect(checkSettingsChange({ savedFilters: many })).toEqual({
      problems: ['saved filters take 13,791 bytes; browser sync storage keeps 8,000: delete some'],
    });
  });
});

describe('hosts', () => {
  it('normalises what users paste: URLs, ports, wildcards, case', () => {
    expect(normaliseHost('https://Testnet.Example.com:8443/ws/v5?x=1')).toEqual({
      host: 'testnet.example.com',
    });
    expect(normaliseHost('*.staging.example.org')).toEqual({ host: 'staging.example.org' });
    expect(normaliseHost('localhost:9000')).toEqual({ host: 'localhost' });
    expect(normaliseHost('http://[::1]:8080/')).toEqual({ host: '[::1]' });
    expect(normaliseHost('10.0.0.5')).toEqual({ host: '10.0.0.5' });
    expect(normaliseHost('   ')).toEqual({ problem: "'' names no host" });
    expect(normaliseHost('exa mple.com')).toHaveProperty('problem');
  });

  it('reads a host map file as JSON or as "host -> exchange" lines', () => {
    expect(parseHostMapText('{"testnet.example.com": "gateway"}')).toEqual({
      hosts: { 'testnet.example.com': 'gateway' },
    });
    expect(
      parseHostMapText(
        '# testnets\ntestnet.example.com -> gateway\n\nlocalhost:8080 = okx # proxy\n',
      ),
    ).toEqual({ hosts: { 'testnet.example.com': 'gateway', localhost: 'okx' } });
    expect(parseHostMapText('testnet.example.com\nbad host -> okx\nx.test -> Bad!')).toEqual({
      problems: [
        'line 1: expected "HOST -> EXCHANGE"',
        'line 2: expected "HOST -> EXCHANGE"',
        "line 3: exchange id 'bad!' must be 1-32 lower-case letters, digits, '.', '_' or '-'",
      ],
    });
  });
});
