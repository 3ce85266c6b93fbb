// What the popup needs from the browser, as one interface: main.tsx passes the real one, tests a
// fake. Nothing here is called before the first paint.
import type { Catalogue } from '../core/catalogue/catalogue.ts';
import type { LangChoice } from '../core/settings/index.ts';
import type { RecentFinding } from '../storage/index.ts';

export interface PopupServices {
  /** navigator.language, for the "auto" language. */
  browserLanguage: string | undefined;
  /** Bundled plus custom catalogues. */
  loadCatalogue(): Promise<Catalogue>;
  loadLang(): Promise<LangChoice>;
  saveLang(lang: LangChoice): Promise<void>;
  /** The last findings of the active tab, newest first; [] when there are none. */
  recentFindings(): Promise<RecentFinding[]>;
  copy(text: string): Promise<void>;
  openOptions(): void;
  close(): void;
}
