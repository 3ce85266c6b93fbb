// Background (service worker in Chromium, event page in Firefox): the hub; talks to nothing yet.
import browser from 'webextension-polyfill';

browser.runtime.onInstalled.addListener(({ reason }) => {
  console.info(`Exchange Lens ${browser.runtime.getManifest().version}: ${reason}`);
});
