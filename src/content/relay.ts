// ISOLATED world (content script), document_start: relays the MAIN-world wrapper's batches to
// the hub (background) on a runtime port, and the hub's live switch back to the wrapper.
import browser from 'webextension-polyfill';
import { isHubReconnect, PORT } from '../protocol/index.ts';
import { createHubLink } from './hub-link.ts';
import { openPageLink } from './page-link.ts';

// The handshake must happen now, before any page script can listen.
const page = openPageLink(document, (batch) => hub.send(batch));
const hub = createHubLink({
  connect: () => browser.runtime.connect({ name: PORT.relay }),
  // Both read in this isolated world: the page's own getters (it may shadow
  // Performance.prototype.timeOrigin) neither answer nor see the read.
  url: () => location.href,
  timeOrigin: () => performance.timeOrigin,
  onLive: (live, replay) => page.command(live, replay),
  setTimer: (fn, ms) => setTimeout(fn, ms),
});
browser.runtime.onMessage.addListener((message: unknown) => {
  if (isHubReconnect(message)) hub.reconnect();
});
// A page restored from the back/forward cache lost its port.
addEventListener('pageshow', (event) => {
  if (event.persisted) hub.reconnect();
});
hub.start();
