// Test pages (served to the browsers): the hostile page, one inline script per attack
// (hostile-page/*.js: the harness first, main.js last, which runs them), and the child document
// it races, which makes one real exchange error of its own.
import { readFileSync } from 'node:fs';

/** In load order: each script adds to window.__hostile what the next ones use. */
const SCRIPTS = [
  'harness.js',
  'eavesdrop.js',
  'forge.js',
  'child-race.js',
  'binary-history.js',
  'untrusted-events.js',
  'patches.js',
  'stack-attack.js',
  'main.js',
].map((name) => readFileSync(new URL(`./hostile-page/${name}`, import.meta.url), 'utf8'));

export interface HostileConfig {
  /** ws:// origin of the site's sockets. */
  wsOrigin: string;
  /** A ws:// URL where nothing listens. */
  refusedUrl: string;
}

export function hostilePage(config: HostileConfig): string {
  const [harness, ...attacks] = SCRIPTS as [string, ...string[]];
  const scripts = [harness.replace('(CONFIG)', `(${JSON.stringify(config)})`), ...attacks];
  return `<!doctype html><html lang="en"><title>Hostile page</title>
<body><p>hostile</p>${scripts.map((code) => `<script>${code}</script>`).join('\n')}</body></html>`;
}

/** The child document: one real error frame and close, then `__childDone`. */
export const CHILD_PAGE = `<!doctype html><html lang="en"><title>Child</title><script>
const text = encodeURIComponent('{"event":"error","code":"60012","msg":"Invalid request: hostile-child"}');
const ws = new WebSocket('ws://' + location.host + '/say?text=' + text + '&code=4004&reason=hostile-child');
ws.onclose = () => { window.__childDone = true; };
</script></html>`;
