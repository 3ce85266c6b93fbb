// What the panel UI asks of the browser besides the traffic session and the capture model, as
// one interface: main.tsx passes the real ones (browser-services.ts), tests fakes. Nothing here
// carries a secret: exports and copies are redacted before they reach these.
import type { SavedFilter } from '../core/settings/index.ts';
import type { SigningServices } from './sign/signing-services.ts';

export interface SavedFilterStore {
  load(): Promise<readonly SavedFilter[]>;
  /** Checked in full first: a bad list writes nothing and says why. */
  save(filters: readonly SavedFilter[]): Promise<{ ok: true } | { ok: false; problems: string[] }>;
  /** Calls back when the saved filters change (another DevTools window, the options page). */
  watch(onChange: (filters: readonly SavedFilter[]) => void): () => void;
}

export interface PanelServices {
  /** The signing pane's host map, its one request (a time endpoint) and the clock. */
  signing: SigningServices;
  /** Copy as Markdown / Copy as cURL. */
  copy(text: string): Promise<void>;
  /** Export HAR: offers the text as a file download. */
  saveFile(name: string, text: string, type: string): void;
  /** Named filters, in the settings (storage.sync): they follow the user, not the tab. */
  filters: SavedFilterStore;
}
