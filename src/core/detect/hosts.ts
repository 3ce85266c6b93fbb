// Which exchange a URL belongs to: the user's host map first, then the bundled exchanges' hosts.
import type { ExchangeId } from '../catalogue/types.ts';

/** Host suffixes of the bundled exchanges; "okx.com" also covers ws.okx.com, www.okx.com. */
export const BUNDLED_HOSTS: Readonly<Record<string, ExchangeId>> = Object.freeze({
  'okx.com': 'okx',
  'woox.io': 'woo',
  'woo.org': 'woo',
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

export function exchangeForUrl(url: string, userHosts: HostMap = {}): ExchangeId | undefined {
  const host = hostOf(url);
  if (!host) return undefined;
  return lookup(host, userHosts) ?? lookup(host, BUNDLED_HOSTS);
}
