// Search over catalogues for the quick lookup (and anything else that looks codes up by words).
export { type MatchKind, type SearchHit, type SearchOptions, search } from './search.ts';
export { buildSearchIndex, type SearchIndex } from './search-index.ts';
export { withinOneEdit } from './tokens.ts';
