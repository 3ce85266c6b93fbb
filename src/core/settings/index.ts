// Settings as pure data: schema, defaults, checks. Storage lives in src/settings.
export {
  checkHostMap,
  checkHostMapping,
  MAX_HOSTS,
  normaliseHost,
  parseHostMapText,
} from './host-map.ts';
export { checkSavedFilters, SAVED_FILTER_LIMITS, type SavedFilter } from './saved-filters.ts';
export {
  checkSettingsChange,
  DEFAULT_SETTINGS,
  HISTORY_LIMITS,
  historyMaxRowsProblem,
  isLangChoice,
  LANG_CHOICES,
  type LangChoice,
  readSettings,
  resolveLang,
  type Settings,
} from './settings.ts';
