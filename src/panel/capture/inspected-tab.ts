// Panel glue (extension page): which tab the panel inspects, its URL, reload and DevTools'
// theme. Inside DevTools these come from devtools.*; opened as a plain page (Firefox tests open
// .../src/panel/index.html?tabId=N) the tab id comes from the URL and the HTTP source is off.
import type { Browser } from 'webextension-polyfill';

export type Theme = 'dark' | 'light';

export interface InspectedTab {
  mode: 'devtools' | 'tab';
  tabId: number | undefined;
  /** The inspected page's URL (location.href), when DevTools can tell. */
  currentUrl(): Promise<string | undefined>;
  /** The inspected document's time origin (epoch ms), to tell old rows from new ones. */
  timeOrigin(): Promise<number | undefined>;
  reload: (() => void) | undefined;
  theme: Theme;
  onThemeChanged(listener: (theme: Theme) => void): void;
}

function themeOf(name: string | undefined): Theme {
  return name === 'dark' ? 'dark' : 'light';
}

export function tabIdFromSearch(search: string): number | undefined {
  const value = new URLSearchParams(search).get('tabId');
  if (value === null || !/^\d+$/.test(value)) return undefined;
  const id = Number(value);
  return Number.isSafeInteger(id) ? id : undefined;
}

export function inspectedTab(browser: Browser, search: string): InspectedTab {
  const devtools = browser.devtools as Browser['devtools'] | undefined;
  const inspected = devtools?.inspectedWindow;
  if (!devtools || !inspected) {
    return {
      mode: 'tab',
      tabId: tabIdFromSearch(search),
      currentUrl: async () => undefined,
      timeOrigin: async () => undefined,
      reload: undefined,
      theme: themeOf(globalThis.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : ''),
      onThemeChanged: () => {},
    };
  }
  async function evaluate(expression: string): Promise<unknown> {
    try {
      const [result, exception] = (await inspected?.eval(expression)) ?? [];
      return exception ? undefined : result;
    } catch {
      return undefined;
    }
  }
  return {
    mode: 'devtools',
    tabId: inspected.tabId,
    async currentUrl() {
      const href = await evaluate('location.href');
      return typeof href === 'string' ? href : undefined;
    },
    async timeOrigin() {
      const origin = await evaluate('performance.timeOrigin');
      return typeof origin === 'number' && Number.isFinite(origin) ? origin : undefined;
    },
    reload: () => inspected.reload({}),
    theme: themeOf(devtools.panels.themeName),
    onThemeChanged(listener) {
      // Firefox only; Chromium reloads the panel when the theme changes.
      devtools.panels.onThemeChanged?.addListener((name: string) => listener(themeOf(name)));
    },
  };
}
