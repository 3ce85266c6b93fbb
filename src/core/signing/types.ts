// Pure types of the signing helper: what a recipe takes and returns. Shared by the CLI, the
// panel's sign pane and the mock exchange's verification.

/** The signing recipes, in the order the CLI and the pane list them. */
export const SIGNING_RECIPE_IDS = [
  'gateway',
  'binance',
  'okx',
  'okx-ws-login',
  'woo-v1',
  'woo-v3',
  'bybit',
] as const;
export type SigningRecipeId = (typeof SIGNING_RECIPE_IDS)[number];

export function isSigningRecipeId(id: string): id is SigningRecipeId {
  return (SIGNING_RECIPE_IDS as readonly string[]).includes(id);
}

export type SignatureEncoding = 'hex' | 'base64';

/** How a recipe writes its timestamp: Unix milliseconds, Unix seconds, or ISO 8601 UTC. */
export type TimestampFormat = 'epoch-ms' | 'epoch-s' | 'iso';

/** A request to sign, as the user gives it. Nothing is added except the timestamp a recipe
 * signs, and only when the request does not carry one already. */
export interface SignInput {
  /** Default: GET without a body, POST with one. Recipes that sign it upper-case it. */
  method?: string;
  /** The path without its query ("/api/v5/account/balance"); a "?query" in it is split off. */
  path?: string;
  /** The query string as sent, without "?" ("ccy=BTC&limit=5"). */
  query?: string;
  /** The body exactly as sent (form or JSON text). */
  body?: string;
  /** A string is signed verbatim; a number is Unix milliseconds, written in the recipe's
   * format; absent means now (for recipes that sign a timestamp). */
  timestamp?: string | number;
  /** The API key: goes into the key header (or login args), never into the prehash. */
  key?: string;
  secret: string;
  /** OKX only: sent as OK-ACCESS-PASSPHRASE or in the login args. */
  passphrase?: string;
  /** gateway and binance: added as the recvWindow parameter when the request has none; bybit:
   * sent in X-BAPI-RECV-WINDOW and signed. */
  recvWindow?: number;
}

/** Where the signed request's parameters go, for recipes that sign parameters. */
export interface SignedParams {
  /** The query string to send, signature included where the recipe puts it. */
  query: string;
  /** The body to send. */
  body: string;
}

export interface OkxLoginArgs {
  apiKey?: string;
  passphrase?: string;
  timestamp: string;
  sign: string;
}

export interface OkxLoginMessage {
  op: 'login';
  args: [OkxLoginArgs];
}

export interface SignResult {
  recipe: SigningRecipeId;
  /** The exact string that was signed. */
  prehash: string;
  signature: string;
  encoding: SignatureEncoding;
  /** The timestamp as signed ("" for recipes whose request carries none of its own). */
  timestamp: string;
  /** Headers to send (the signature's, the key's, the timestamp's), never the secret. */
  headers: Record<string, string>;
  /** gateway and binance: the query and body to send, with the signature parameter. */
  params?: SignedParams;
  /** okx-ws-login: the login message to send on the private WebSocket. */
  login?: OkxLoginMessage;
  /** Things the user should know: a recvWindow over the maximum, a timestamp in the wrong
   * format, a part the recipe does not sign. */
  warnings: string[];
}

/** Input the recipe cannot sign (an empty secret, a timestamp given twice). */
export class SigningInputError extends Error {
  override readonly name = 'SigningInputError';
}
