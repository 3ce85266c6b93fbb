// Which recipe a captured request was signed with, to pre-select it in the sign pane: the
// signature's header or parameter first, the host second.
import { exchangeForUrl, type HostMap, hostOf } from '../detect/hosts.ts';
import { paramValue } from './params.ts';
import { headerValue, type RawRequest, splitUrl } from './signed-request.ts';
import type { SigningRecipeId } from './types.ts';

export interface RecipeGuess {
  recipe: SigningRecipeId;
  /** Why, in words: "OK-ACCESS-SIGN header". */
  reason: string;
}

// binance.us is not Binance's (it has no catalogue here) but signs the same way.
const BINANCE_HOSTS = /(^|\.)binance\.us$/;

function isLogin(body = ''): boolean {
  if (!body.includes('"login"')) return false;
  try {
    const message = JSON.parse(body) as { op?: unknown; args?: unknown };
    return message.op === 'login' && Array.isArray(message.args);
  } catch {
    return false;
  }
}

function wooByPath(path: string): SigningRecipeId {
  return path.startsWith('/v3/') ? 'woo-v3' : 'woo-v1';
}

/** Binance or the gateway for a request signed Binance-style, told apart by host and path. */
function binanceStyle(url: string, path: string, userHosts: HostMap): SigningRecipeId {
  const exchange = exchangeForUrl(url, userHosts);
  if (exchange === 'gateway' || path.startsWith('/api/gateway/')) return 'gateway';
  // The gateway speaks Binance's wire too; any other host is more likely Binance itself.
  return 'binance';
}

export function detectSigningRecipe(
  request: RawRequest,
  userHosts: HostMap = {},
): RecipeGuess | undefined {
  const { path, query } = splitUrl(request.url);
  const has = (name: string) => headerValue(request.headers, name) !== undefined;
  if (isLogin(request.body)) return { recipe: 'okx-ws-login', reason: 'an OKX login frame' };
  if (has('OK-ACCESS-SIGN')) return { recipe: 'okx', reason: 'the OK-ACCESS-SIGN header' };
  if (has('X-BAPI-SIGN')) return { recipe: 'bybit', reason: 'the X-BAPI-SIGN header' };
  if (has('x-api-signature')) {
    return { recipe: wooByPath(path), reason: `the x-api-signature header on ${path}` };
  }
  if (has('X-MBX-APIKEY')) {
    return {
      recipe: binanceStyle(request.url, path, userHosts),
      reason: 'the X-MBX-APIKEY header',
    };
  }
  const body = request.body ?? '';
  if (paramValue(query, 'signature') !== undefined || paramValue(body, 'signature') !== undefined) {
    return {
      recipe: binanceStyle(request.url, path, userHosts),
      reason: 'the signature parameter',
    };
  }
  const exchange = exchangeForUrl(request.url, userHosts);
  const host = hostOf(request.url) ?? '';
  if (exchange === 'okx') return { recipe: 'okx', reason: `the host ${host}` };
  if (exchange === 'woo') return { recipe: wooByPath(path), reason: `the host ${host}` };
  if (exchange === 'gateway') return { recipe: 'gateway', reason: `the host ${host}` };
  if (exchange === 'bybit') return { recipe: 'bybit', reason: `the host ${host}` };
  if (exchange === 'binance' || exchange === 'binance-usdm') {
    return { recipe: 'binance', reason: `the host ${host}` };
  }
  if (BINANCE_HOSTS.test(host)) return { recipe: 'binance', reason: `the host ${host}` };
  return undefined;
}
