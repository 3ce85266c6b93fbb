// The panel's saved filters: a name and the query as typed, kept in storage.sync with the other
// settings (so they follow the user, not the tab). Bounded to fit one sync item.

export interface SavedFilter {
  name: string;
  query: string;
}

export const SAVED_FILTER_LIMITS = {
  filters: 50,
  nameChars: 60,
  queryChars: 400,
  /** chrome.storage.sync allows 8,192 bytes per item, key included: leave room for the key. */
  totalBytes: 8_000,
} as const;

function filterProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null) return 'a saved filter must be {name, query}';
  const { name, query } = value as Record<string, unknown>;
  if (typeof name !== 'string' || name.trim() === '') return 'a saved filter needs a name';
  if (name.length > SAVED_FILTER_LIMITS.nameChars) {
    return `the name "${name.slice(0, 20)}…" is longer than ${SAVED_FILTER_LIMITS.nameChars} characters`;
  }
  if (typeof query !== 'string' || query.trim() === '') return `the filter "${name}" is empty`;
  if (query.length > SAVED_FILTER_LIMITS.queryChars) {
    return `the filter "${name}" is longer than ${SAVED_FILTER_LIMITS.queryChars} characters`;
  }
  return undefined;
}

/** The valid filters of a stored or changed list (first of each name), and what was wrong. */
export function checkSavedFilters(value: unknown): { filters: SavedFilter[]; problems: string[] } {
  const filters: SavedFilter[] = [];
  const problems: string[] = [];
  if (value === undefined || value === null) return { filters, problems };
  if (!Array.isArray(value)) return { filters, problems: ['saved filters must be a list'] };
  const names = new Set<string>();
  for (const item of value) {
    const problem = filterProblem(item);
    if (problem) {
      problems.push(problem);
      continue;
    }
    const { name, query } = item as SavedFilter;
    const trimmed = name.trim();
    if (names.has(trimmed)) {
      problems.push(`two saved filters are named "${trimmed}"`);
      continue;
    }
    names.add(trimmed);
    filters.push({ name: trimmed, query: query.trim() });
  }
  if (filters.length > SAVED_FILTER_LIMITS.filters) {
    problems.push(`at most ${SAVED_FILTER_LIMITS.filters} filters can be saved`);
    filters.length = SAVED_FILTER_LIMITS.filters;
  }
  const bytes = new TextEncoder().encode(JSON.stringify(filters)).length;
  if (bytes > SAVED_FILTER_LIMITS.totalBytes) {
    problems.push(
      `saved filters take ${bytes.toLocaleString('en')} bytes; browser sync storage keeps ${SAVED_FILTER_LIMITS.totalBytes.toLocaleString('en')}: delete some`,
    );
  }
  return { filters, problems };
}
