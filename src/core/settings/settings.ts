// The settings schema: what the user can set, the defaults, and a tolerant reader that keeps
// every valid part of whatever storage holds (an older version, a hand-edited sync copy).

import type { Lang } from '../catalogue/types.ts';
import { checkHostMap } from './host-map.ts';
import { checkSavedFilters, type SavedFilter } from './saved-filters.ts';

export const LANG_CHOICES = ['auto', 'en', 'zh'] as const;
export type LangChoice = (typeof LANG_CHOICES)[number];

/** Rows of history the DevTools panel keeps per tab. */
export const HISTORY_LIMITS = { min: 1_000, max: 50_000, default: 5_000 } as const;

export interface Settings {
  /** host -> exchange id; a host covers its subdomains and wins over the bundled hosts. */
  hosts: Readonly<Record<string, string>>;
  historyMaxRows: number;
  /** Language of OKX messages in the popup: auto follows the browser's language. */
  lang: LangChoice;
  /** The panel's named filters. */
  savedFilters: readonly SavedFilter[];
}

export const DEFAULT_SETTINGS: Settings = Object.freeze({
  hosts: Object.freeze({}),
  historyMaxRows: HISTORY_LIMITS.default,
  lang: 'auto',
  savedFilters: Object.freeze([]),
});

/** Why `value` cannot be the history limit, or undefined when it can. */
export function historyMaxRowsProblem(value: unknown): string | undefined {
  const { min, max } = HISTORY_LIMITS;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    const range = `${min.toLocaleString('en')} and ${max.toLocaleString('en')}`;
    return `the history limit must be a whole number of rows between ${range}`;
  }
  return undefined;
}

export function isLangChoice(value: unknown): value is LangChoice {
  return (LANG_CHOICES as readonly unknown[]).includes(value);
}

/** Stored values by setting name (any of them may be missing or wrong) -> settings. */
export function readSettings(stored: Partial<Record<keyof Settings, unknown>>): Settings {
  return {
    hosts: checkHostMap(stored.hosts).hosts,
    historyMaxRows:
      historyMaxRowsProblem(stored.historyMaxRows) === undefined
        ? (stored.historyMaxRows as number)
        : DEFAULT_SETTINGS.historyMaxRows,
    lang: isLangChoice(stored.lang) ? stored.lang : DEFAULT_SETTINGS.lang,
    savedFilters: checkSavedFilters(stored.savedFilters).filters,
  };
}

/** Checks a change before anything is written: all of it is valid, or none is applied. */
export function checkSettingsChange(
  change: Partial<Settings>,
): { change: Partial<Settings> } | { problems: string[] } {
  const problems: string[] = [];
  const checked: Partial<Settings> = {};
  if (change.hosts !== undefined) {
    const { hosts, problems: hostProblems } = checkHostMap(change.hosts);
    problems.push(...hostProblems);
    checked.hosts = hosts;
  }
  if (change.historyMaxRows !== undefined) {
    const problem = historyMaxRowsProblem(change.historyMaxRows);
    if (problem) problems.push(problem);
    else checked.historyMaxRows = change.historyMaxRows;
  }
  if (change.lang !== undefined) {
    if (isLangChoice(change.lang)) checked.lang = change.lang;
    else problems.push(`the language must be one of ${LANG_CHOICES.join(', ')}`);
  }
  if (change.savedFilters !== undefined) {
    const { filters, problems: filterProblems } = checkSavedFilters(change.savedFilters);
    problems.push(...filterProblems);
    checked.savedFilters = filters;
  }
  return problems.length > 0 ? { problems } : { change: checked };
}

/** The language to show: the user's choice, or the browser's when the choice is auto. */
export function resolveLang(choice: LangChoice, browserLanguage: string | undefined): Lang {
  if (choice !== 'auto') return choice;
  return browserLanguage?.toLowerCase().startsWith('zh') ? 'zh' : 'en';
}
