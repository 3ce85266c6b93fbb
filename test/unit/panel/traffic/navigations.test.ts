// Which navigations load a new document: the relay's time origin where capture runs, DevTools'
// document request where it does not; pushState, replaceState and hash changes never do.
import { describe, expect, it } from 'vitest';
import { createNavigations } from '../../../../src/panel/traffic/navigations.ts';
import { harEntry, T0 } from '../support/frames.ts';

const PAGE = 'https://www.okx.com/trade-spot/btc-usdt';

function setup() {
  let now = T0;
  const starts: number[] = [];
  const navigations = createNavigations({
    onNewDocument: (since) => starts.push(since),
    now: () => now,
    documentWaitMs: 10_000,
  });
  return { navigations, starts, advance: (ms: number) => (now += ms) };
}

const top = (timeOrigin: number, frameId = 0) => ({ frameId, url: PAGE, timeOrigin });
const documentRequest = (url: string, started: number, type = 'document') =>
  harEntry({ url, status: 200, mimeType: 'text/html', started, extra: { _resourceType: type } });

describe('navigations seen by the relay (capture running)', () => {
  it('start a new document at each new time origin of the top frame, and only then', () => {
    const { navigations, starts } = setup();
    navigations.documents([top(T0)]);
    // The service worker restarted: the same document says hello again.
    navigations.documents([top(T0), top(T0 + 5, 3)]);
    navigations.documents([]);
    navigations.documents([top(T0)]);
    expect(starts).toEqual([T0]);
    // Reload: for a moment both documents are connected; the newer is the page now.
    navigations.documents([top(T0), top(T0 + 9_000)]);
    navigations.documents([top(T0 + 9_000)]);
    expect(starts).toEqual([T0, T0 + 9_000]);
  });

  it('ignore what DevTools says of same-document navigations', () => {
    const { navigations, starts } = setup();
    navigations.documents([top(T0)]);
    navigations.urlChanged(`${PAGE}/orders`);
    navigations.urlChanged(`${PAGE}/orders#open`);
    navigations.networkEntry(harEntry({ url: `${PAGE}/orders`, status: 200, started: T0 + 10 }));
    expect(starts).toEqual([T0]);
  });
});

describe('navigations seen by DevTools alone (a site capture is not enabled on)', () => {
  it('start a new document when the navigated URL is loaded as a document', () => {
    const { navigations, starts, advance } = setup();
    navigations.urlChanged(`${PAGE}#chart`);
    advance(30);
    navigations.networkEntry(documentRequest(PAGE, T0 - 15));
    expect(starts).toEqual([T0 - 15]);
    // The document request came first this time.
    advance(5_000);
    navigations.networkEntry(documentRequest(PAGE, T0 + 4_990));
    navigations.urlChanged(PAGE);
    expect(starts).toEqual([T0 - 15, T0 + 4_990]);
  });

  it('keep the document on pushState, replaceState and hash changes', () => {
    const { navigations, starts, advance } = setup();
    navigations.urlChanged(`${PAGE}/orders`);
    navigations.urlChanged(`${PAGE}/positions`);
    navigations.urlChanged(`${PAGE}/positions#tab=2`);
    // The app fetches its own URL as JSON: not a document.
    navigations.networkEntry(documentRequest(`${PAGE}/positions`, T0, 'fetch'));
    // A document request for another URL (an iframe) says nothing either.
    navigations.networkEntry(documentRequest('https://www.okx.com/widget', T0));
    advance(20_000);
    // Too late to belong to that navigation: a later fetch of the page as a document.
    navigations.networkEntry(documentRequest(`${PAGE}/positions`, T0 + 20_000));
    expect(starts).toEqual([]);
  });

  it('reads an HTML response as a document where the log has no resource types', () => {
    const { navigations, starts } = setup();
    navigations.urlChanged(PAGE);
    navigations.networkEntry(
      harEntry({ url: PAGE, status: 200, mimeType: 'text/html', started: T0 }),
    );
    expect(starts).toEqual([T0]);
  });
});

describe('both witnesses of one reload', () => {
  it('move the start forward to the document request, never back', () => {
    const { navigations, starts } = setup();
    navigations.documents([top(T0)]);
    navigations.urlChanged(PAGE);
    navigations.documents([top(T0 + 1_000)]);
    navigations.networkEntry(documentRequest(PAGE, T0 + 1_003));
    expect(starts).toEqual([T0, T0 + 1_000, T0 + 1_003]);
    navigations.urlChanged(PAGE);
    navigations.networkEntry(documentRequest(PAGE, T0 + 900));
    expect(starts).toEqual([T0, T0 + 1_000, T0 + 1_003]);
  });
});
