// Panel glue (extension page): which tab the panel inspects, its URL, reload and DevTools'
// theme. Inside DevTools these come from devtools.*; opened as a plain page (Firefox tests open
// .../src/panel/index.html?tabId=N) the tab id comes from the URL and the HTTP source is off.
import type { Browser } from 'webextension-polyfill';

export type Theme = 'dark' | 'light';

export interface InspectedTab {
  mode: 'devtools' | 'tab';
  tabId: number | undefined;
  /**
   * The inspected page's URL, when DevTools can tell. Read as `location.href`, which a page
   * cannot redefine ([LegacyUnforgeable]): no code of the page runs. (The document's time origin
   * is an ordinary getter a page can shadow, so the panel never evaluates it: the relay sends it.)
   */
  currentUrl(): Promise<string | undefined>;
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

type InspectedWindow = Browser['devtools']['inspectedWindow'];

/**
 * The value of an expression that is never an array, or undefined when it threw. The polyfill's
 * wrapper and Firefox resolve `[result, exceptionInfo]`; Chromium's native `browser` namespace
 * (which the polyfill hands through) resolves the value itself and rejects on an exception.
 */
export async function evaluateInPage(
  inspected: Pick<InspectedWindow, 'eval'>,
  expression: string,
): Promise<unknown> {
  try {
    const got: unknown = await inspected.eval(expression);
    if (!Array.isArray(got)) return got;
    const [result, exception] = got as [unknown, unknown];
    return exception ? undefined : result;
  } catch {
    return undefined;
  }
}

export function inspectedTab(browser: Browser, search: string): InspectedTab {
  const devtools = browser.devtools as Browser['devtools'] | undefined;
  const inspected = devtools?.inspectedWindow;
  if (!devtools || !inspected) {
    return {
      mode: 'tab',
      tabId: tabIdFromSearch(search),
      currentUrl: async () => undefined,
      reload: undefined,
      theme: themeOf(globalThis.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : ''),
      onThemeChanged: () => {},
    };
  }
  const evaluate = (expression: string) => evaluateInPage(inspected, expression);
  return {
    mode: 'devtools',
    tabId: inspected.tabId,
    async currentUrl() {
      const href = await evaluate('location.href');
      return typeof href === 'string' ? href : undefined;
    },
    reload: () => inspected.reload({}),
    theme: themeOf(devtools.panels.themeName),
    onThemeChanged(listener) {
      // Firefox only; Chromium reloads the panel when the theme changes.
      devtools.panels.onThemeChanged?.addListener((name: string) => listener(themeOf(name)));
    },
  };
}
