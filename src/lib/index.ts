// The library front of core: what `import { detect, explain, sign } from 'exchange-lens'` gives
// another program (its tests, a proxy, a log pipeline). The same pure core the CLI and the
// extension run, bundled by vite.lib.config.ts into dist/lib with its declarations; ESM only.
import { signRequest } from '../core/signing/sign-request.ts';

export { type EntryEvent, eventsOfEntry } from '../core/capture/har-entry.ts';
export { HarEntryReader, type HarStreamItem } from '../core/capture/har-stream.ts';
export { lineEvent } from '../core/capture/jsonl-event.ts';
export {
  BUNDLED_CATALOGUE,
  type Catalogue,
  type CatalogueEntry,
  type Category,
  createCatalogue,
  createDetector,
  type Detector,
  type DetectorOptions,
  describeAttribution,
  describeRetry,
  detect,
  type ExchangeId,
  type ExplainMatch,
  type ExplainOptions,
  entryMessage,
  explain,
  explanationText,
  type Finding,
  type HostMap,
  type HttpEvent,
  type ObservedEvent,
  type RetryAdvice,
  SIGNING_RECIPE_IDS,
  SIGNING_RECIPES,
  type SignInput,
  SigningInputError,
  type SigningRecipeId,
  type SignResult,
  type Surface,
  signingPrehash,
  signRequest,
  type WsCloseEvent,
  type WsMessageEvent,
} from '../core/index.ts';

/** Signs one request with a recipe ("binance", "okx", "woo-v3", ...): the exact prehash, the
 * HMAC-SHA256 signature and the headers to send. The same as signRequest. */
export const sign = signRequest;
