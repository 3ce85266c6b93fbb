// Background: registers the capture content scripts on the sites the user enabled (optional
// host permissions), so they run like the built-in ones from the next page load.
import browser from 'webextension-polyfill';
import { captureScripts, enabledSites } from '../core/sites/content-scripts.ts';

const PAGE_SCRIPT_ID = 'exchange-lens-page';
const RELAY_SCRIPT_ID = 'exchange-lens-relay';

export async function syncSiteRegistration(): Promise<void> {
  const { page, relay, builtIn } = captureScripts(browser.runtime.getManifest());
  if (!page || !relay) return;
  const { origins = [] } = await browser.permissions.getAll();
  const sites = enabledSites(origins, builtIn);
  const registered = await browser.scripting.getRegisteredContentScripts({
    ids: [PAGE_SCRIPT_ID, RELAY_SCRIPT_ID],
  });
  if (registered.length > 0) {
    await browser.scripting.unregisterContentScripts({ ids: registered.map((s) => s.id) });
  }
  if (sites.length === 0) return;
  const common = { matches: sites, runAt: 'document_start' as const, allFrames: true };
  await browser.scripting.registerContentScripts([
    { id: PAGE_SCRIPT_ID, js: page, world: 'MAIN', ...common },
    { id: RELAY_SCRIPT_ID, js: relay, ...common },
  ]);
}
