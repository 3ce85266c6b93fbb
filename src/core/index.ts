// The public API of the pure core: what the CLI, the extension and the tests import.
export { BUNDLED_CATALOGUE, type Catalogue, createCatalogue } from './catalogue/catalogue.ts';
export { parseMarkdownTables } from './catalogue/markdown-table.ts';
export {
  MESSAGE_MATCH_FLOOR,
  messageAsSent,
  messageSimilarity,
  messageVariants,
} from './catalogue/match-message.ts';
export {
  fillPlaceholders,
  placeholderLabel,
  placeholderNames,
  placeholderNamesIn,
  readPlaceholders,
} from './catalogue/placeholders.ts';
export * from './catalogue/types.ts';
export { describeAttribution, describeRetry, entryMessage } from './describe.ts';
export {
  createDetector,
  type Detector,
  type DetectorOptions,
  detect,
  httpMayHaveFinding,
} from './detect/detector.ts';
export {
  BUNDLED_HOSTS,
  exchangeForUrl,
  type HostExchange,
  type HostMap,
  hostExchangeOf,
  hostOf,
} from './detect/hosts.ts';
export * from './detect/types.ts';
export { exchangeLabel, senderKey, senderKeyLabel, senderLabel } from './exchange-names.ts';
export { type ExplainMatch, type ExplainOptions, explain } from './explain.ts';
export { type ExplainedCode, type ExplanationText, explanationText } from './explanation-text.ts';
export * from './signing/index.ts';
export { type UnexplainedText, unexplainedText } from './unexplained-text.ts';
