// ISOLATED world (content script), document_start: relays the MAIN-world wrapper's batches to
// the hub (background) on a runtime port, and the hub's live switch back to the wrapper.
import browser from 'webextension-polyfill';
import { isHubReconnect, PORT } from '../protocol/index.ts';
import { createHubLink } from './hub-link.ts';
import { openPageLink } from './page-link.ts';

interface ShadowOpener {
  dom?: { openOrClosedShadowRoot?(element: Element): ShadowRoot | null };
}

/** Any shadow root, closed ones too (content scripts only): chrome.dom's function in Chromium,
 * an attribute of the element in Firefox. */
function openShadow(host: unknown): ShadowRoot | undefined {
  if (!(host instanceof Element)) return undefined;
  const chromeDom = (globalThis as { chrome?: ShadowOpener }).chrome?.dom;
  if (chromeDom?.openOrClosedShadowRoot) return chromeDom.openOrClosedShadowRoot(host) ?? undefined;
  return (
    (host as Element & { openOrClosedShadowRoot?: ShadowRoot | null }).openOrClosedShadowRoot ??
    undefined
  );
}

function randomId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

const hub = createHubLink({
  connect: () => browser.runtime.connect({ name: PORT.relay }),
  // Both read in this isolated world: the page's own getters (it may shadow
  // Performance.prototype.timeOrigin) neither answer nor see the read.
  url: () => location.href,
  timeOrigin: () => performance.timeOrigin,
  doc: randomId(),
  wrapper: () => page.probe(),
  onLive: (live, replay) => page.forwardLive(live, replay),
  setTimer: (fn, ms) => setTimeout(fn, ms),
});
// The handshake must happen now, before any page script can listen.
const page = openPageLink({
  document,
  openShadow,
  onBatch: (batch) => hub.send(batch),
  onLinked: () => hub.wrapperChanged(),
});
browser.runtime.onMessage.addListener((message: unknown) => {
  if (isHubReconnect(message)) hub.reconnect();
});
// A page restored from the back/forward cache lost its port.
const onPageShow = (event: PageTransitionEvent) => {
  if (event.persisted) hub.reconnect();
};
addEventListener('pageshow', onPageShow);
// document.open() erases the listeners on window, ours too (the link lives on its own node):
// add it again when the page replaces its document element.
new MutationObserver(() => {
  removeEventListener('pageshow', onPageShow);
  addEventListener('pageshow', onPageShow);
}).observe(document, { childList: true });
hub.start();
