// The signing helper's public API: recipes, the mistake finder, the clock judge, recipe
// detection. Pure: WebCrypto through globalThis.crypto, no Node or browser APIs beyond it.
export {
  BINANCE_DEFAULT_RECV_WINDOW,
  BINANCE_KEY_HEADER,
  BINANCE_MAX_RECV_WINDOW,
} from './binance-recipe.ts';
export { BYBIT_DEFAULT_RECV_WINDOW, BYBIT_HEADERS } from './bybit-recipe.ts';
export { detectSigningRecipe, type RecipeGuess } from './detect-recipe.ts';
export {
  findSigningMistakes,
  type SigningDiagnosis,
  type SigningMistake,
} from './find-signing-mistakes.ts';
export { GATEWAY_KEY_HEADER } from './gateway-recipe.ts';
export { hmacSha256 } from './hmac.ts';
export {
  type ClockInput,
  type ClockVerdict,
  type ClockVerdictKind,
  describeDuration,
  judgeClock,
} from './judge-clock.ts';
export { SIGNING_MISTAKE_IDS, type SigningMistakeId } from './mistake-variants.ts';
export { OKX_HEADERS, OKX_LOGIN_METHOD, OKX_LOGIN_PATH } from './okx-recipes.ts';
export type { Canonicalisation, PrehashParts, SigningRecipe } from './recipe.ts';
export { SIGNING_RECIPES } from './recipes.ts';
export { type RecipeTried, recipesThatFit, tryRecipes } from './recipes-tried.ts';
export {
  parseServerTime,
  SERVER_TIME_ENDPOINTS,
  type ServerTime,
  type ServerTimeEndpoint,
  serverTimeEndpoint,
  serverTimeFromDateHeader,
  serverTimeFromReply,
} from './server-time.ts';
export { type SignOptions, signingPrehash, signRequest } from './sign-request.ts';
export {
  type HeaderList,
  partsOfSigned,
  type RawRequest,
  readSignedRequest,
  type SignedRequest,
} from './signed-request.ts';
export { formatTimestamp, type ParsedTimestamp, parseTimestamp } from './timestamp.ts';
export * from './types.ts';
export { WOO_HEADERS } from './woo-recipes.ts';
