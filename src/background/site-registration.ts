// Background: registers the capture content scripts on the sites the user enabled (optional
// host permissions), so they run like the built-in ones from the next page load.
import browser from 'webextension-polyfill';

const PAGE_SCRIPT_ID = 'exchange-lens-page';
const RELAY_SCRIPT_ID = 'exchange-lens-relay';

interface ManifestContentScript {
  matches?: string[];
  js?: string[];
  world?: string;
}

/** The built file names of the page wrapper and the relay, and their built-in hosts. */
function capturedScripts(): { page?: string[]; relay?: string[]; builtIn: Set<string> } {
  const scripts = (browser.runtime.getManifest().content_scripts ?? []) as ManifestContentScript[];
  const page = scripts.find((script) => script.world === 'MAIN');
  const relay = scripts.find((script) => script.world !== 'MAIN');
  return {
    page: page?.js,
    relay: relay?.js,
    builtIn: new Set(scripts.flatMap((script) => script.matches ?? [])),
  };
}

/** Origins the user granted on top of the built-in hosts. */
export async function enabledSites(): Promise<string[]> {
  const { builtIn } = capturedScripts();
  const { origins = [] } = await browser.permissions.getAll();
  return origins.filter((origin) => !builtIn.has(origin));
}

export async function syncSiteRegistration(): Promise<void> {
  const { page, relay } = capturedScripts();
  if (!page || !relay) return;
  const sites = await enabledSites();
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
