// Pure: the signing pane's editable request (everything but the secret and passphrase, which
// live in the pane's state alone), filled from a captured request and turned into SignInput.
import {
  BINANCE_KEY_HEADER,
  BYBIT_HEADERS,
  formatTimestamp,
  OKX_HEADERS,
  type RawRequest,
  SIGNING_RECIPES,
  type SignedRequest,
  type SignInput,
  type SigningRecipeId,
  WOO_HEADERS,
} from '../../core/index.ts';

export interface SignForm {
  recipe: SigningRecipeId;
  method: string;
  path: string;
  /** Without "?". */
  query: string;
  body: string;
  /** As signed; in the recipe's format. */
  timestamp: string;
  /** The API key (not secret): it goes into a header or the login args. */
  key: string;
  /** gateway, binance and bybit; "" leaves it out. */
  recvWindow: string;
  /** Where the exchange's time endpoint is asked ("https://www.okx.com"). */
  origin: string;
}

export type FormField = Exclude<keyof SignForm, 'recipe'>;

/** Fields a recipe reads; the others are hidden for it. The OKX login signs a fixed GET path. */
export function recipeUses(recipe: SigningRecipeId, field: FormField | 'passphrase'): boolean {
  switch (field) {
    case 'method':
    case 'path':
    case 'query':
    case 'body':
      return recipe !== 'okx-ws-login';
    case 'recvWindow':
      return recipe === 'gateway' || recipe === 'binance' || recipe === 'bybit';
    case 'passphrase':
      return recipe === 'okx' || recipe === 'okx-ws-login';
    default:
      return true;
  }
}

/** "now" in the recipe's format: Unix ms, Unix seconds (OKX login) or ISO 8601 (OKX REST). */
export function nowTimestamp(recipe: SigningRecipeId, now: number): string {
  return formatTimestamp(now, SIGNING_RECIPES[recipe].timestampFormat);
}

export function emptyForm(recipe: SigningRecipeId, now: number): SignForm {
  return {
    recipe,
    method: 'GET',
    path: '',
    query: '',
    body: '',
    timestamp: nowTimestamp(recipe, now),
    key: '',
    recvWindow: '',
    origin: '',
  };
}

/** "a=1&timestamp=2&b=3" without the named parameters; JSON bodies are left alone. */
export function withoutParams(text: string, names: readonly string[]): string {
  if (/^\s*[[{]/.test(text)) return text;
  return text
    .split('&')
    .filter((segment) => segment !== '' && !names.includes(segment.split('=')[0] as string))
    .join('&');
}

function headerOf(raw: RawRequest, name: string): string | undefined {
  const headers = raw.headers;
  if (!headers) return undefined;
  const wanted = name.toLowerCase();
  const list = Array.isArray(headers)
    ? (headers as readonly { name: string; value: string }[])
    : Object.entries(headers).map(([key, value]) => ({ name: key, value: value as string }));
  return list.find((header) => header.name.toLowerCase() === wanted)?.value;
}

function loginKey(raw: RawRequest): string | undefined {
  try {
    const args = (JSON.parse(raw.body ?? '') as { args?: { apiKey?: unknown }[] }).args;
    const key = args?.[0]?.apiKey;
    return typeof key === 'string' ? key : undefined;
  } catch {
    return undefined;
  }
}

function keyOf(recipe: SigningRecipeId, raw: RawRequest): string | undefined {
  switch (recipe) {
    case 'gateway':
    case 'binance':
      return headerOf(raw, BINANCE_KEY_HEADER);
    case 'okx':
      return headerOf(raw, OKX_HEADERS.key);
    case 'okx-ws-login':
      return loginKey(raw);
    case 'woo-v1':
    case 'woo-v3':
      return headerOf(raw, WOO_HEADERS.key);
    case 'bybit':
      return headerOf(raw, BYBIT_HEADERS.key);
  }
}

/** The form for a captured request read by `recipe`. For recipes whose timestamp and recvWindow
 * are parameters, both move to their own fields (the recipe appends them again when signing),
 * so that "now" and the clock check have one place to act on. */
export function formFromSigned(
  recipe: SigningRecipeId,
  signed: SignedRequest,
  raw: RawRequest,
  origin: string,
): SignForm {
  const inParams = SIGNING_RECIPES[recipe].timestampIn === 'params';
  const strip = (text: string) =>
    inParams ? withoutParams(text, ['timestamp', 'recvWindow']) : text;
  return {
    recipe,
    method: signed.method,
    path: signed.path,
    query: strip(signed.query),
    body: strip(signed.body),
    timestamp: signed.timestamp,
    key: keyOf(recipe, raw) ?? '',
    recvWindow: signed.recvWindow === undefined ? '' : String(signed.recvWindow),
    origin,
  };
}

export interface Credentials {
  secret: string;
  passphrase: string;
}

/** What signRequest takes; a recvWindow that is not a whole number is reported, not guessed. */
export function signInputOf(
  form: SignForm,
  credentials: Credentials,
): { input: SignInput } | { problem: string } {
  const uses = (field: FormField | 'passphrase') => recipeUses(form.recipe, field);
  const recvWindow = form.recvWindow.trim();
  if (uses('recvWindow') && recvWindow !== '' && !/^\d+$/.test(recvWindow)) {
    return { problem: `recvWindow "${recvWindow}" is not a whole number of milliseconds` };
  }
  const input: SignInput = { secret: credentials.secret };
  if (uses('method') && form.method.trim() !== '') input.method = form.method.trim();
  if (uses('path')) input.path = form.path;
  if (uses('query')) input.query = form.query;
  if (uses('body')) input.body = form.body;
  if (form.timestamp.trim() !== '') input.timestamp = form.timestamp.trim();
  if (form.key.trim() !== '') input.key = form.key.trim();
  if (uses('passphrase') && credentials.passphrase !== '') {
    input.passphrase = credentials.passphrase;
  }
  if (uses('recvWindow') && recvWindow !== '') input.recvWindow = Number(recvWindow);
  return { input };
}
