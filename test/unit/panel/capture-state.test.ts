import { describe, expect, it } from 'vitest';
import manifest from '../../../manifest.json' with { type: 'json' };
import { type CaptureFacts, captureBanner } from '../../../src/panel/capture/capture-state.ts';
import { tabIdFromSearch } from '../../../src/panel/capture/inspected-tab.ts';
import { matchesPattern, originPattern } from '../../../src/panel/capture/match-pattern.ts';

const facts = (change: Partial<CaptureFacts> = {}): CaptureFacts => ({
  mode: 'devtools',
  tabId: 7,
  inspectedUrl: 'https://example.com/trade',
  documents: [],
  covered: false,
  canRequest: true,
  request: 'idle',
  hub: 'connected',
  ...change,
});

describe('captureBanner', () => {
  it('says capture is active when a wrapper runs in the tab', () => {
    expect(captureBanner(facts({ documents: [{ frameId: 0, url: 'https://x/' }] }))).toEqual({
      state: 'active',
      documents: 1,
    });
  });

  it('offers to enable a site that is not covered', () => {
    expect(captureBanner(facts())).toMatchObject({
      state: 'enable',
      origin: 'https://example.com',
      via: 'permission',
    });
    expect(captureBanner(facts({ canRequest: false }))).toMatchObject({ via: 'options' });
    expect(captureBanner(facts({ request: 'denied' }))).toMatchObject({ denied: true });
  });

  it('asks for a reload once access is granted or the site is covered', () => {
    expect(captureBanner(facts({ request: 'granted' }))).toEqual({
      state: 'reload',
      origin: 'https://example.com',
    });
    expect(captureBanner(facts({ covered: true })).state).toBe('reload');
  });

  it('waits for the hub, and knows pages where capture cannot run', () => {
    expect(captureBanner(facts({ documents: undefined })).state).toBe('pending');
    expect(captureBanner(facts({ inspectedUrl: 'chrome://newtab/' })).state).toBe('unavailable');
    expect(captureBanner(facts({ tabId: undefined })).state).toBe('no-tab');
  });
});

describe('match patterns', () => {
  const defaults = manifest.content_scripts.flatMap((script) => script.matches);
  const covered = (url: string) => defaults.some((pattern) => matchesPattern(pattern, url));

  it("cover the manifest's default capture sites, any port", () => {
    expect(covered('http://localhost:5173/app')).toBe(true);
    expect(covered('http://127.0.0.1:8080/')).toBe(true);
    expect(covered('https://www.okx.com/trade-spot')).toBe(true);
    expect(covered('https://okx.com/')).toBe(true);
    expect(covered('https://x.woox.io/')).toBe(true);
    expect(covered('http://119.8.50.236:8088/')).toBe(true);
  });

  it('do not cover other sites', () => {
    expect(covered('https://example.com/')).toBe(false);
    expect(covered('https://okx.com.evil.test/')).toBe(false);
    expect(covered('https://notokx.com/')).toBe(false);
  });

  it('name the origin to request without its port', () => {
    expect(originPattern('https://example.com:8443/a?b')).toBe('https://example.com/*');
    expect(originPattern('chrome://settings')).toBeUndefined();
  });
});

describe('tabIdFromSearch', () => {
  it('reads ?tabId=N when the panel page is opened outside DevTools', () => {
    expect(tabIdFromSearch('?tabId=12')).toBe(12);
    expect(tabIdFromSearch('?tabId=-1')).toBeUndefined();
    expect(tabIdFromSearch('')).toBeUndefined();
  });
});
