// The user's host -> exchange map (testnets, staging, a local proxy): how hosts are written,
// checked and read from a file for the CLI's --hosts.
import { exchangeIdProblem } from '../custom-catalogue/exchange-id.ts';

export const MAX_HOSTS = 200;

const LABEL = '[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?';
const HOSTNAME = new RegExp(`^${LABEL}(?:\\.${LABEL})*$`);
const IPV6 = /^\[[0-9a-f:.]+\]$/;

/**
 * The host as the detector compares it: lower case, no scheme, port, path or leading "*.".
 * "https://Testnet.Example.com:8443/ws" -> "testnet.example.com". A host also covers its
 * subdomains, as the bundled "okx.com" covers "ws.okx.com".
 */
export function normaliseHost(input: string): { host: string } | { problem: string } {
  let host = input.trim().toLowerCase();
  host = host.replace(/^[a-z][a-z0-9+.-]*:\/\//, '');
  host = host.replace(/[/?#].*$/, '');
  host = host.replace(/^[^@]*@/, '');
  host = host.replace(/^\*\./, '');
  if (!host.startsWith('[')) host = host.replace(/:\d*$/, '');
  else host = host.replace(/(\])(:\d*)?$/, '$1');
  host = host.replace(/\.$/, '');
  if (host === '') return { problem: `'${input.trim()}' names no host` };
  if (!HOSTNAME.test(host) && !IPV6.test(host)) {
    return { problem: `'${input.trim()}' is not a host name (e.g. testnet.example.com)` };
  }
  return { host };
}

/** Checks one mapping, returning the normalised host or the reason it cannot be used. */
export function checkHostMapping(
  host: string,
  exchange: string,
): { host: string; exchange: string } | { problem: string } {
  const normal = normaliseHost(host);
  if ('problem' in normal) return normal;
  const id = exchange.trim().toLowerCase();
  const problem = exchangeIdProblem(id);
  return problem ? { problem } : { host: normal.host, exchange: id };
}

/** The valid mappings of a stored or imported map, and a problem for each one dropped. */
export function checkHostMap(value: unknown): {
  hosts: Record<string, string>;
  problems: string[];
} {
  const hosts: Record<string, string> = {};
  const problems: string[] = [];
  if (value === undefined || value === null) return { hosts, problems };
  if (typeof value !== 'object' || Array.isArray(value)) {
    return { hosts, problems: ['the host map must be an object of host -> exchange'] };
  }
  for (const [host, exchange] of Object.entries(value)) {
    if (typeof exchange !== 'string') {
      problems.push(`${host}: the exchange must be text`);
      continue;
    }
    const checked = checkHostMapping(host, exchange);
    if ('problem' in checked) problems.push(`${host}: ${checked.problem}`);
    else if (Object.keys(hosts).length >= MAX_HOSTS) {
      problems.push(`${host}: more than ${MAX_HOSTS} hosts`);
    } else hosts[checked.host] = checked.exchange;
  }
  return { hosts, problems };
}

/**
 * A host map file: a JSON object {"testnet.example.com": "gateway"} or lines of
 * "testnet.example.com -> gateway" ("#" starts a comment).
 */
export function parseHostMapText(
  text: string,
): { hosts: Record<string, string> } | { problems: string[] } {
  if (text.trim().startsWith('{')) {
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch (error) {
      return { problems: [`not valid JSON (${(error as Error).message})`] };
    }
    const { hosts, problems } = checkHostMap(json);
    return problems.length > 0 ? { problems } : { hosts };
  }
  const hosts: Record<string, string> = {};
  const problems: string[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.replace(/#.*$/, '').trim();
    if (line === '') return;
    const match = /^(\S+)\s*(?:->|=>|=|:|\s)\s*(\S+)$/.exec(line);
    if (!match) {
      problems.push(`line ${i + 1}: expected "HOST -> EXCHANGE"`);
      return;
    }
    const checked = checkHostMapping(match[1] as string, match[2] as string);
    if ('problem' in checked) problems.push(`line ${i + 1}: ${checked.problem}`);
    else hosts[checked.host] = checked.exchange;
  });
  if (problems.length === 0 && Object.keys(hosts).length > MAX_HOSTS) {
    problems.push(`more than ${MAX_HOSTS} hosts`);
  }
  return problems.length > 0 ? { problems } : { hosts };
}
