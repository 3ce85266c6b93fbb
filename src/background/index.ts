// Background (service worker in Chromium, event page in Firefox): the hub between each tab's
// relays and the panels; keeps capture registered on the sites the user enabled, and forgets a
// closed tab's recent findings.
import browser from 'webextension-polyfill';
import { hubReconnect } from '../protocol/index.ts';
import { recentFindingsArea } from '../storage/browser-storage.ts';
import { forgetClosedTabs } from './closed-tabs.ts';
import { createHub } from './hub.ts';
import { syncSiteRegistration } from './site-registration.ts';

const hub = createHub({
  extensionId: browser.runtime.id,
  extensionOrigin: browser.runtime.getURL(''),
  askTabToReconnect(tabId) {
    // Relays that lost their port while idle wait to be asked; tabs without one just refuse.
    browser.tabs.sendMessage(tabId, hubReconnect()).catch(() => undefined);
  },
});

// Listeners are added synchronously at start so a restarted worker gets the waking event.
browser.runtime.onConnect.addListener((port) => hub.connect(port));
forgetClosedTabs(browser.tabs.onRemoved, recentFindingsArea());

function resync(): void {
  syncSiteRegistration().catch((error: unknown) => {
    console.error('Exchange Lens: could not register capture on enabled sites', error);
  });
}
browser.runtime.onInstalled.addListener(resync);
browser.runtime.onStartup.addListener(resync);
browser.permissions.onAdded.addListener(resync);
browser.permissions.onRemoved.addListener(resync);
