import { describe, expect, it } from 'vitest';
import manifest from '../../../../manifest.json' with { type: 'json' };
import { captureSite } from '../../../../src/core/sites/capture-site.ts';
import {
  builtInHosts,
  captureScripts,
  enabledSites,
} from '../../../../src/core/sites/content-scripts.ts';
import { matchesPattern } from '../../../../src/core/sites/match-pattern.ts';

describe('match patterns', () => {
  const defaults = captureScripts(manifest).builtIn;
  const covered = (url: string) => defaults.some((pattern) => matchesPattern(pattern, url));

  it("cover the manifest's default capture sites, any port", () => {
    expect(covered('http://localhost:5173/app')).toBe(true);
    expect(covered('http://127.0.0.1:8080/')).toBe(true);
    expect(covered('https://www.okx.com/trade-spot')).toBe(true);
    expect(covered('https://okx.com/')).toBe(true);
    expect(covered('https://x.woox.io/')).toBe(true);
    expect(covered('http://119.8.50.236:8088/')).toBe(true);
    expect(covered('https://www.binance.com/en/trade/BTC_USDT')).toBe(true);
    expect(covered('https://www.binance.com/en/futures/BTCUSDT')).toBe(true);
    expect(covered('https://testnet.binancefuture.com/en/futures/BTCUSDT')).toBe(true);
    expect(covered('https://www.bybit.com/trade/usdt/BTCUSDT')).toBe(true);
    expect(covered('https://testnet.bybit.com/trade/spot/BTC/USDT')).toBe(true);
  });

  it('list the same named hosts for the MAIN-world wrapper and the relay, none of them broad', () => {
    const [page, relay] = manifest.content_scripts;
    expect(page?.matches).toEqual(relay?.matches);
    for (const pattern of defaults) expect(pattern).not.toMatch(/^\*:\/\/\*\/|<all_urls>/);
  });

  it('do not cover other sites', () => {
    expect(covered('https://example.com/')).toBe(false);
    expect(covered('https://okx.com.evil.test/')).toBe(false);
    expect(covered('https://notokx.com/')).toBe(false);
    expect(covered('https://binance.com.evil.test/')).toBe(false);
    expect(covered('http://www.bybit.com/')).toBe(false);
  });
});

describe('builtInHosts', () => {
  it("names the manifest's hosts as a person reads them, each once", () => {
    expect(builtInHosts(captureScripts(manifest).builtIn)).toEqual([
      'localhost',
      '127.0.0.1',
      '*.okx.com',
      '*.woox.io',
      '*.woo.org',
      '*.binance.com',
      'testnet.binancefuture.com',
      '*.bybit.com',
      '119.8.50.236',
    ]);
  });
});

describe('captureSite', () => {
  it('names the origin shown and the pattern asked for, without the port', () => {
    expect(captureSite('https://example.com:8443/a?b')).toEqual({
      origin: 'https://example.com:8443',
      pattern: 'https://example.com/*',
    });
  });

  it('takes a socket URL for the page that opens it', () => {
    expect(captureSite('wss://stream.example.com/ws')).toEqual({
      origin: 'https://stream.example.com',
      pattern: 'https://stream.example.com/*',
    });
  });

  it('knows pages where capture cannot run', () => {
    expect(captureSite('chrome://settings')).toBeUndefined();
    expect(captureSite('about:blank')).toBeUndefined();
    expect(captureSite('not a url')).toBeUndefined();
  });
});

describe('the manifest read once', () => {
  it('finds the wrapper, the relay and the built-in hosts', () => {
    const scripts = captureScripts(manifest);
    expect(scripts.page).toEqual(['src/page/main-world.ts']);
    expect(scripts.relay).toEqual(['src/content/relay.ts']);
    expect(scripts.builtIn).toContain('http://127.0.0.1/*');
    expect(new Set(scripts.builtIn).size).toBe(scripts.builtIn.length);
  });

  it('lists only the sites the user enabled, never a built-in host', () => {
    expect(
      enabledSites(
        ['https://b.test/*', 'http://127.0.0.1/*', 'https://a.test/*'],
        ['http://127.0.0.1/*'],
      ),
    ).toEqual(['https://a.test/*', 'https://b.test/*']);
  });
});
