// Custom catalogues: a user's own error tables, checked like the bundled ones are generated.

export type { CustomRecord } from './custom-record.ts';
export { exchangeIdProblem } from './exchange-id.ts';
export { TABLE_LAYOUTS } from './markdown-catalogue.ts';
export {
  CATALOGUE_LIMITS,
  type CustomCatalogue,
  catalogueEntries,
  type ParseOptions,
  type ParseResult,
  parseCustomCatalogue,
} from './parse-custom-catalogue.ts';
export { FIELD_LIMITS } from './record-fields.ts';
export {
  mergeCustomCatalogues,
  NO_CUSTOM_CATALOGUES,
  readStoredCatalogues,
  removeCustomExchange,
  type StoredCustomCatalogue,
  type StoredCustomCatalogues,
} from './stored-catalogues.ts';
