// Test support: renders the popup with services built on in-memory storage and the real
// settings glue, as main.tsx builds them on the browser.
import { render } from '@testing-library/preact';
import type { LangChoice } from '../../../src/core/settings/index.ts';
import { Popup } from '../../../src/popup/popup.tsx';
import type { PopupServices } from '../../../src/popup/popup-services.ts';
import { loadCatalogue } from '../../../src/storage/active-catalogue.ts';
import { readRecentFindings } from '../../../src/storage/recent-findings.ts';
import { loadSettings, saveSettings } from '../../../src/storage/settings-store.ts';
import { type FakeStorage, fakeStorage } from '../../support/fake-storage.ts';

export const TAB_ID = 7;

export interface PopupHarness {
  storage: FakeStorage;
  copied: string[];
  closed: number;
  optionsOpened: number;
}

export function renderPopup(
  options: { storage?: FakeStorage; browserLanguage?: string; activeTab?: number } = {},
) {
  const storage = options.storage ?? fakeStorage();
  const harness: PopupHarness = { storage, copied: [], closed: 0, optionsOpened: 0 };
  const activeTab = options.activeTab ?? TAB_ID;
  const services: PopupServices = {
    browserLanguage: options.browserLanguage ?? 'en-US',
    loadCatalogue: () => loadCatalogue(storage),
    loadLang: async () => (await loadSettings(storage)).lang,
    saveLang: async (lang: LangChoice) => {
      await saveSettings(storage, { lang });
    },
    recentFindings: () => readRecentFindings(storage.session, activeTab),
    copy: async (text) => {
      harness.copied.push(text);
    },
    openOptions: () => {
      harness.optionsOpened++;
    },
    close: () => {
      harness.closed++;
    },
  };
  return { ...render(<Popup services={services} />), harness };
}
