// The popup's services on the real browser: storage through src/storage, the active tab's id
// through tabs.query (no "tabs" permission needed for the id), the clipboard.
import browser from 'webextension-polyfill';
import type { LangChoice } from '../core/settings/index.ts';
import { extensionStorage, recentFindingsArea } from '../storage/browser-storage.ts';
import { loadCatalogue, loadSettings, readRecentFindings, saveSettings } from '../storage/index.ts';
import type { PopupServices } from './popup-services.ts';

async function copyText(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    // Older Firefox popups refuse the async clipboard outside a click; execCommand still works.
    const area = document.createElement('textarea');
    area.value = text;
    document.body.append(area);
    area.select();
    const copied = document.execCommand('copy');
    area.remove();
    if (!copied) throw new Error('copy refused');
  }
}

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
