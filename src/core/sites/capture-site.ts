// Pure: the site a URL belongs to for capture, and the host permission pattern that covers it.
// One rule for the panel's "Enable capture on …", the options page's ?grant= and its list.

export interface CaptureSite {
  /** "https://testnet.example.com:8443": what the user is shown. */
  origin: string;
  /** "https://testnet.example.com/*": what is asked for (match patterns carry no port). */
  pattern: string;
}

/** ws:// and wss:// name the http:// and https:// pages that open them. */
const SCHEMES: Readonly<Record<string, string>> = {
  'http:': 'http',
  'https:': 'https',
  'ws:': 'http',
  'wss:': 'https',
};

/** The capture site of a URL or origin; undefined for pages capture cannot run on. */
export function captureSite(url: string): CaptureSite | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return undefined;
  }
  const scheme = Object.hasOwn(SCHEMES, parsed.protocol) ? SCHEMES[parsed.protocol] : undefined;
  if (!scheme || parsed.hostname === '') return undefined;
  return { origin: `${scheme}://${parsed.host}`, pattern: `${scheme}://${parsed.hostname}/*` };
}
