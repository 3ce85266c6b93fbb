// The panel's services on the real browser: the user's host map and saved filters from
// storage.sync, credential-free requests to an exchange's public time endpoint, the clipboard,
// and file downloads through an <a download> with a Blob URL, which both Chromium's and
// Firefox's DevTools panels honour without the downloads permission.
import { extensionStorage } from '../storage/browser-storage.ts';
import { loadSettings, saveSettings, watchSettings } from '../storage/index.ts';
import { copyText } from '../ui/clipboard.ts';
import type { PanelServices } from './panel-services.ts';
import type { FetchText } from './sign/clock-check.ts';

const fetchWithoutCredentials: FetchText = async (url) => {
  const reply = await fetch(url, { method: 'GET', credentials: 'omit', cache: 'no-store' });
  return { status: reply.status, text: await reply.text() };
};

/** The Blob URL lives until the download has surely started; a page reload frees it anyway. */
const REVOKE_AFTER_MS = 60_000;

function saveFile(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}

export function browserPanelServices(): PanelServices {
  const storage = extensionStorage();
  return {
    signing: {
      loadHostMap: async () => (await loadSettings(storage)).hosts,
      fetchText: fetchWithoutCredentials,
      now: () => Date.now(),
    },
    copy: copyText,
    saveFile,
    filters: {
      load: async () => (await loadSettings(storage)).savedFilters,
      save: (savedFilters) => saveSettings(storage, { savedFilters }),
      watch: (onChange) => watchSettings(storage, (settings) => onChange(settings.savedFilters)),
    },
  };
}
