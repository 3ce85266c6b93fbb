// A captured request read the way a recipe reads it: the signature and timestamp it carried
// (headers, parameters or login args) and the parts that were signed, signature removed.
import { BYBIT_HEADERS } from './bybit-recipe.ts';
import { OKX_HEADERS, OKX_LOGIN_METHOD, OKX_LOGIN_PATH } from './okx-recipes.ts';
import { paramValue, replaceParam } from './params.ts';
import type { PrehashParts } from './recipe.ts';
import { SIGNING_RECIPES } from './recipes.ts';
import type { SigningRecipeId } from './types.ts';
import { WOO_HEADERS } from './woo-recipes.ts';

/** Headers as an object or as HAR's list of {name, value}; names in any case. */
export type HeaderList =
  | Readonly<Record<string, string>>
  | readonly { readonly name: string; readonly value: string }[];

/** A request as captured: DevTools' HAR entry, a mock server's request, a WebSocket frame (for
 * okx-ws-login the body is the login frame's text). */
export interface RawRequest {
  method?: string;
  /** Absolute ("https://www.okx.com/api/v5/...?a=1") or a path with its query. */
  url: string;
  headers?: HeaderList;
  body?: string;
}

/** What a signed request carried, ready for the mistake finder and the clock judge. */
export interface SignedRequest {
  method: string;
  path: string;
  /** Without "?", and without the signature parameter. */
  query: string;
  /** As sent, without the signature parameter. */
  body: string;
  /** The signature as sent. */
  signature: string;
  /** The timestamp as sent ("" when the request carried none). */
  timestamp: string;
  /** The recvWindow parameter (bybit: the X-BAPI-RECV-WINDOW header), where there is one. */
  recvWindow?: number;
  /** bybit: the API key and the recv_window exactly as sent; it signs both. */
  key?: string;
  recvWindowText?: string;
}

export function headerValue(headers: HeaderList | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  const wanted = name.toLowerCase();
  const entries: [string, string][] = Array.isArray(headers)
    ? (headers as readonly { name: string; value: string }[]).map((h) => [h.name, h.value])
    : Object.entries(headers);
  return entries.find(([key]) => key.toLowerCase() === wanted)?.[1];
}

/** The path and query of a URL, absolute or not, fragment dropped. */
export function splitUrl(url: string): { path: string; query: string } {
  let rest = url.split('#')[0] as string;
  const scheme = rest.indexOf('//');
  if (scheme >= 0 && scheme <= rest.search(/[/?]/)) {
    const slash = rest.slice(scheme + 2).search(/[/?]/);
    rest = slash < 0 ? '/' : rest.slice(scheme + 2 + slash);
  }
  const mark = rest.indexOf('?');
  return mark < 0
    ? { path: rest, query: '' }
    : { path: rest.slice(0, mark), query: rest.slice(mark + 1) };
}

function loginArgs(frame: string): { sign: string; timestamp: string } | undefined {
  try {
    const message = JSON.parse(frame) as { op?: unknown; args?: unknown };
    const args = Array.isArray(message.args) ? (message.args[0] as Record<string, unknown>) : {};
    if (message.op !== 'login' || typeof args?.sign !== 'string') return undefined;
    return { sign: args.sign, timestamp: String(args.timestamp ?? '') };
  } catch {
    return undefined;
  }
}

function recvWindowOf(query: string, body: string): number | undefined {
  const text = paramValue(query, 'recvWindow') ?? paramValue(body, 'recvWindow');
  const value = text === undefined ? Number.NaN : Number(text);
  return Number.isFinite(value) ? value : undefined;
}

/** Reads a captured request for a recipe; undefined when it carries no signature the recipe
 * would send (a login frame that is not one, a request without the signature header). */
export function readSignedRequest(
  recipeId: SigningRecipeId,
  raw: RawRequest,
): SignedRequest | undefined {
  const method = (raw.method ?? 'GET').toUpperCase();
  const { path, query } = splitUrl(raw.url);
  const body = raw.body ?? '';
  switch (recipeId) {
    case 'gateway':
    case 'binance': {
      const signature = paramValue(query, 'signature') ?? paramValue(body, 'signature');
      if (signature === undefined) return undefined;
      const signedQuery = replaceParam(query, 'signature', undefined);
      const signedBody = replaceParam(body, 'signature', undefined);
      const timestamp = paramValue(signedQuery, 'timestamp') ?? paramValue(signedBody, 'timestamp');
      const recvWindow = recvWindowOf(signedQuery, signedBody);
      return {
        method,
        path,
        query: signedQuery,
        body: signedBody,
        signature,
        timestamp: timestamp ?? '',
        ...(recvWindow === undefined ? {} : { recvWindow }),
      };
    }
    case 'okx':
    case 'woo-v1':
    case 'woo-v3': {
      const names = recipeId === 'okx' ? OKX_HEADERS : WOO_HEADERS;
      const signature = headerValue(raw.headers, 'sign' in names ? names.sign : names.signature);
      if (signature === undefined) return undefined;
      const timestamp = headerValue(raw.headers, names.timestamp) ?? '';
      return { method, path, query, body, signature, timestamp };
    }
    case 'bybit': {
      const signature = headerValue(raw.headers, BYBIT_HEADERS.sign);
      if (signature === undefined) return undefined;
      const timestamp = headerValue(raw.headers, BYBIT_HEADERS.timestamp) ?? '';
      const key = headerValue(raw.headers, BYBIT_HEADERS.key) ?? '';
      const recvWindowText = headerValue(raw.headers, BYBIT_HEADERS.recvWindow);
      const recvWindow = recvWindowText === undefined ? Number.NaN : Number(recvWindowText);
      return {
        method,
        path,
        query,
        body,
        signature,
        timestamp,
        key,
        ...(recvWindowText === undefined ? {} : { recvWindowText }),
        ...(Number.isFinite(recvWindow) ? { recvWindow } : {}),
      };
    }
    case 'okx-ws-login': {
      const args = loginArgs(body);
      if (!args) return undefined;
      return {
        method: OKX_LOGIN_METHOD,
        path: OKX_LOGIN_PATH,
        query: '',
        body: '',
        signature: args.sign,
        timestamp: args.timestamp,
      };
    }
  }
}

/** The parts a recipe composes its prehash from, for a captured request. */
export function partsOfSigned(recipeId: SigningRecipeId, request: SignedRequest): PrehashParts {
  const inParams = SIGNING_RECIPES[recipeId].timestampIn === 'params';
  return {
    method: request.method,
    path: request.path,
    query: request.query,
    body: request.body,
    timestamp: inParams ? '' : request.timestamp,
    ...(request.key === undefined ? {} : { key: request.key }),
    ...(request.recvWindowText === undefined ? {} : { recvWindow: request.recvWindowText }),
  };
}
