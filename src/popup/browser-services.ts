// The popup's services on the real browser: storage through src/storage, the active tab's id
// through tabs.query (no "tabs" permission needed for the id), the clipboard.
import browser from 'webextension-polyfill';
import type { LangChoice } from '../core/settings/index.ts';
import { extensionStorage, recentFindingsArea } from '../storage/browser-storage.ts';
import { loadCatalogue, loadSettings, readRecentFindings, saveSettings } from '../storage/index.ts';
import { copyText } from '../ui/clipboard.ts';
import type { PopupServices } from './popup-services.ts';

export function browserPopupServices(): PopupServices {
  const storage = extensionStorage();
  return {
    browserLanguage: navigator.language,
    loadCatalogue: () => loadCatalogue(storage),
    loadLang: async () => (await loadSettings(storage)).lang,
    saveLang: async (lang: LangChoice) => {
      await saveSettings(storage, { lang });
    },
    recentFindings: async () => {
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      return tab?.id === undefined ? [] : readRecentFindings(recentFindingsArea(), tab.id);
    },
    copy: copyText,
    openOptions: () => {
      void browser.runtime.openOptionsPage();
    },
    close: () => window.close(),
  };
}
