// Test pages (served to the browsers): the hostile page (hostile-page.js) and the child
// document it races, which makes one real exchange error of its own.
import { readFileSync } from 'node:fs';

const script = readFileSync(new URL('./hostile-page.js', import.meta.url), 'utf8');

export interface HostileConfig {
  /** ws:// origin of the site's sockets. */
  wsOrigin: string;
  /** A ws:// URL where nothing listens. */
  refusedUrl: string;
}

export function hostilePage(config: HostileConfig): string {
  const code = script.replace('(CONFIG)', `(${JSON.stringify(config)})`);
  return `<!doctype html><html lang="en"><title>Hostile page</title>
<body><p>hostile</p><script>${code}</script></body></html>`;
}

/** The child document: one real error frame and close, then `__childDone`. */
export const CHILD_PAGE = `<!doctype html><html lang="en"><title>Child</title><script>
const text = encodeURIComponent('{"event":"error","code":"60012","msg":"Invalid request: hostile-child"}');
const ws = new WebSocket('ws://' + location.host + '/say?text=' + text + '&code=4004&reason=hostile-child');
ws.onclose = () => { window.__childDone = true; };
</script></html>`;
