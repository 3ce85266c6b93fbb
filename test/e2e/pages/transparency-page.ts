// Test page (served to the browsers): the WebSocket transparency report.
import { readFileSync } from 'node:fs';

const script = readFileSync(new URL('./transparency-report.js', import.meta.url), 'utf8');

/**
 * The page; the report appears in <pre id="report"> when every check is done. `refusedUrl` is a
 * ws:// URL on a port where nothing listens, for the error path.
 */
export function transparencyPage(wsOrigin: string, refusedUrl: string): string {
  const args = `(${JSON.stringify(wsOrigin)}, ${JSON.stringify(refusedUrl)})`;
  const code = script.replace('(WS_ORIGIN, REFUSED_URL)', args);
  return `<!doctype html><html lang="en"><title>WebSocket transparency</title>
<pre id="report"></pre>
<script>${code}</script>
</html>`;
}
