// Which sites WebSocket capture runs on beyond the built-in ones, and the match pattern to ask
// for when the panel sends the user here with ?grant=<origin> (Firefox cannot ask from DevTools).

/** The manifest's content-script hosts: always captured, never listed for revoking. */
export function builtInPatterns(manifest: {
  content_scripts?: { matches?: string[] }[];
}): string[] {
  return [...new Set((manifest.content_scripts ?? []).flatMap((script) => script.matches ?? []))];
}

/** Granted origins the user can revoke: all granted minus the built-in ones. */
export function grantedSites(granted: readonly string[], builtIn: readonly string[]): string[] {
  const fixed = new Set(builtIn);
  return granted.filter((origin) => !fixed.has(origin)).sort();
}

/**
 * The host pattern that lets capture run on `origin` ("https://testnet.example.com:8443" ->
 * "https://testnet.example.com/*"; patterns carry no port). ws:// and wss:// name the page's
 * http:// and https:// counterparts.
 */
export function grantPattern(
  origin: string,
): { origin: string; pattern: string } | { problem: string } {
  let url: URL;
  try {
    url = new URL(origin.trim());
  } catch {
    return { problem: `'${origin}' is not an origin such as https://testnet.example.com` };
  }
  const scheme = { 'http:': 'http', 'https:': 'https', 'ws:': 'http', 'wss:': 'https' }[
    url.protocol
  ];
  if (!scheme || url.hostname === '') {
    return { problem: `capture only runs on http and https pages, not '${origin}'` };
  }
  return { origin: `${scheme}://${url.host}`, pattern: `${scheme}://${url.hostname}/*` };
}
