// Pure: WebExtension match patterns (manifest content_scripts, permissions) against URLs.

const cache = new Map<string, RegExp | null>();

function escapeRegExp(text: string): string {
  return text.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
}

function compile(pattern: string): RegExp | null {
  if (pattern === '<all_urls>') return /^(https?|wss?|file|ftp):\/\//;
  const match = /^(\*|https?|wss?|file|ftp):\/\/([^/]*)(\/.*)$/.exec(pattern);
  if (!match) return null;
  const [, scheme, host = '', path = ''] = match;
  const schemePart = scheme === '*' ? '(https?|wss?)' : escapeRegExp(scheme as string);
  let hostPart: string;
  if (host === '*') hostPart = '[^/:]+';
  else if (host.startsWith('*.')) hostPart = `([^/:]+\\.)?${escapeRegExp(host.slice(2))}`;
  else hostPart = escapeRegExp(host);
  const pathPart = escapeRegExp(path).replace(/\*/g, '.*');
  // Match patterns ignore the port.
  return new RegExp(`^${schemePart}://${hostPart}(:\\d+)?${pathPart}$`, 'i');
}

export function matchesPattern(pattern: string, url: string): boolean {
  let regex = cache.get(pattern);
  if (regex === undefined) {
    regex = compile(pattern);
    cache.set(pattern, regex);
  }
  return regex?.test(url) === true;
}
