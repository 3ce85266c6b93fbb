// Which exchange a URL belongs to: the user's host map first, then the bundled exchanges' hosts.
import type { ExchangeId } from '../catalogue/types.ts';

/** Host suffixes of the bundled exchanges; "okx.com" also covers ws.okx.com, www.okx.com. The
 * longest suffix wins, so fapi.binance.com is USDⓈ-M's while api.binance.com is Spot's. */
export const BUNDLED_HOSTS: Readonly<Record<string, ExchangeId>> = Object.freeze({
  'okx.com': 'okx',
  'woox.io': 'woo',
  'woo.org': 'woo',
  // Spot: api, api1-4, api-gcp, ws-api, stream and the web app www.binance.com.
  'binance.com': 'binance',
  // Spot's market-data-only hosts (data-api, data-stream) and its testnet.
  'binance.vision': 'binance',
  // USDⓈ-M futures: REST, its WebSocket API and its streams.
  'fapi.binance.com': 'binance-usdm',
  'ws-fapi.binance.com': 'binance-usdm',
  'fstream.binance.com': 'binance-usdm',
  // COIN-M futures has no catalogue of its own; its error codes and messages are USDⓈ-M's,
  // which Spot's are not (-2019 is "Margin is insufficient." on both).
  'dapi.binance.com': 'binance-usdm',
  'dstream.binance.com': 'binance-usdm',
  // The USDⓈ-M testnet: testnet.binancefuture.com, its streams stream.binancefuture.com.
  'binancefuture.com': 'binance-usdm',
  // api.bybit.com, stream.bybit.com, their -testnet and demo hosts, www.bybit.com.
  'bybit.com': 'bybit',
  // Bybit's alternative API domain (api.bytick.com).
  'bytick.com': 'bybit',
  // The gateway's documented address (000_d3de87d9020803db.txt).
  '119.8.50.236': 'gateway',
});

export type HostMap = Readonly<Record<string, ExchangeId>>;

export function hostOf(url: string): string | undefined {
  // Parsing with URL is costly on hot paths; the host sits between "//" and the next / ? #.
  const start = url.indexOf('//');
  if (start < 0) return undefined;
  let end = url.length;
  for (const stop of ['/', '?', '#']) {
    const at = url.indexOf(stop, start + 2);
    if (at >= 0 && at < end) end = at;
  }
  let host = url.slice(start + 2, end);
  const credentials = host.lastIndexOf('@');
  if (credentials >= 0) host = host.slice(credentials + 1);
  if (host.startsWith('[')) return host.slice(0, host.indexOf(']') + 1).toLowerCase();
  const port = host.lastIndexOf(':');
  if (port >= 0) host = host.slice(0, port);
  return host.toLowerCase() || undefined;
}

function lookup(host: string, map: HostMap): ExchangeId | undefined {
  for (let candidate = host; ; ) {
    if (Object.hasOwn(map, candidate)) return map[candidate];
    const dot = candidate.indexOf('.');
    if (dot < 0) return undefined;
    candidate = candidate.slice(dot + 1);
  }
}

/** The exchange of a URL's host and who says so: the user's host map or the bundled hosts. */
export interface HostExchange {
  exchange: ExchangeId;
  host: string;
  from: 'user' | 'bundled';
}

export function hostExchangeOf(url: string, userHosts: HostMap = {}): HostExchange | undefined {
  const host = hostOf(url);
  if (!host) return undefined;
  const mapped = lookup(host, userHosts);
  if (mapped) return { exchange: mapped, host, from: 'user' };
  const bundled = lookup(host, BUNDLED_HOSTS);
  return bundled ? { exchange: bundled, host, from: 'bundled' } : undefined;
}

export function exchangeForUrl(url: string, userHosts: HostMap = {}): ExchangeId | undefined {
  return hostExchangeOf(url, userHosts)?.exchange;
}
