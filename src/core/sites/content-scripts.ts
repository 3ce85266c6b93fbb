// Pure: what the manifest says about the capture content scripts, read in one place by the hub
// (to register them on sites the user enables), the panel and the options page.

export interface ManifestContentScript {
  matches?: string[];
  js?: string[];
  world?: string;
}

export interface ManifestLike {
  content_scripts?: ManifestContentScript[];
}

export interface CaptureScripts {
  /** Built file(s) of the MAIN-world wrapper. */
  page: string[] | undefined;
  /** Built file(s) of the ISOLATED-world relay. */
  relay: string[] | undefined;
  /** The hosts captured out of the box, without asking (unique, in manifest order). */
  builtIn: string[];
}

export function captureScripts(manifest: ManifestLike): CaptureScripts {
  const scripts = manifest.content_scripts ?? [];
  return {
    page: scripts.find((script) => script.world === 'MAIN')?.js,
    relay: scripts.find((script) => script.world !== 'MAIN')?.js,
    builtIn: [...new Set(scripts.flatMap((script) => script.matches ?? []))],
  };
}

/** Granted origins beyond the built-in hosts: the sites the user enabled, and may revoke. */
export function enabledSites(granted: readonly string[], builtIn: readonly string[]): string[] {
  const fixed = new Set(builtIn);
  return granted.filter((origin) => !fixed.has(origin)).sort();
}

/** The hosts of built-in match patterns as people read them, each once, in manifest order:
 * "https://*.okx.com/*" and "http://*.okx.com/*" are "*.okx.com". */
export function builtInHosts(patterns: readonly string[]): string[] {
  const hosts = patterns.map((pattern) =>
    pattern.replace(/^[a-z*]+:\/\//, '').replace(/\/.*$/, ''),
  );
  return [...new Set(hosts)];
}
