import { describe, expect, it } from 'vitest';
import { type CaptureFacts, captureBanner } from '../../../../src/panel/capture/capture-state.ts';
import { tabIdFromSearch } from '../../../../src/panel/capture/inspected-tab.ts';

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

  it('does not count a document whose relay reached no capturing wrapper', () => {
    const documents = [
      { frameId: 0, url: 'https://x/', capturing: false },
      { frameId: 3, url: 'https://x/frame', capturing: true },
    ];
    expect(captureBanner(facts({ documents }))).toEqual({ state: 'active', documents: 1 });
    expect(
      captureBanner(facts({ documents: [documents[0] as (typeof documents)[0]] })).state,
    ).not.toBe('active');
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

describe('tabIdFromSearch', () => {
  it('reads ?tabId=N when the panel page is opened outside DevTools', () => {
    expect(tabIdFromSearch('?tabId=12')).toBe(12);
    expect(tabIdFromSearch('?tabId=-1')).toBeUndefined();
    expect(tabIdFromSearch('')).toBeUndefined();
  });
});
