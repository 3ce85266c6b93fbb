// The panel's services on the real browser: the user's host map from storage.sync (read only)
// and credential-free requests to an exchange's public time endpoint. The panel writes nothing.
import { extensionStorage } from '../storage/browser-storage.ts';
import { loadSettings } from '../storage/index.ts';
import type { PanelServices } from './panel-services.ts';
import type { FetchText } from './sign/clock-check.ts';

const fetchWithoutCredentials: FetchText = async (url) => {
  const reply = await fetch(url, { method: 'GET', credentials: 'omit', cache: 'no-store' });
  return { status: reply.status, text: await reply.text() };
};

export function browserPanelServices(): PanelServices {
  return {
    signing: {
      loadHostMap: async () => (await loadSettings(extensionStorage())).hosts,
      fetchText: fetchWithoutCredentials,
      now: () => Date.now(),
    },
  };
}
