// Test support (Node): a small trading-console site for the panel's edge cases, HTTP and
// WebSocket on one port of a loopback host. Every page runs one "activity" on load and on
// demand (window.activity(tag)): a socket to /ws/<tag> that receives a ticker and an OKX error
// and is closed by the page, then a fetch of /api/ticker/<tag>. Every page also shadows
// Performance.prototype.timeOrigin with a getter that counts its calls: the panel must never
// make one. /frames embeds another origin's /widget in an iframe (?widget=<origin>).
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';

/** The error every socket receives; `<tag>` is replaced by the socket's tag. */
export const ERROR_MESSAGE = 'Invalid request: <tag>';
/** What a socket tagged "hostile…" receives instead, with code 99999 (in no catalogue, so the
 * row prints the server's own words): every family of hidden character. */
export const HOSTILE_MESSAGE = 'Order \u202edenied\u202c \u2066ok\u2069\u061c\u200b\u200d\ufeff';
export const HOSTILE_SHOWN =
  'Order ⟨U+202E⟩denied⟨U+202C⟩ ⟨U+2066⟩ok⟨U+2069⟩⟨U+061C⟩⟨U+200B⟩⟨U+200D⟩⟨U+FEFF⟩';

const SCRIPT = `
let reads = 0;
const native = Object.getOwnPropertyDescriptor(Performance.prototype, 'timeOrigin').get;
Object.defineProperty(Performance.prototype, 'timeOrigin', {
  configurable: true,
  get() { reads += 1; return native.call(this); },
});
window.timeOriginReads = () => reads;
window.activity = (tag) => new Promise((resolve) => {
  const socket = new WebSocket('ws://' + location.host + '/ws/' + tag);
  socket.onmessage = (event) => { if (event.data.includes('"error"')) socket.close(1000, 'done'); };
  socket.onclose = () => fetch('/api/ticker/' + tag).then((reply) => reply.text()).then(resolve);
});
window.loaded = window.activity(new URLSearchParams(location.search).get('tag') || 'load');
`;

function page(body: string): string {
  return `<!doctype html><meta charset="utf-8"><title>edge site</title><script>${SCRIPT}</script>${body}`;
}

export interface EdgeSite {
  /** e.g. http://127.0.0.1:41234 */
  origin: string;
  close(): Promise<void>;
}

export async function startEdgeSite(host = '127.0.0.1'): Promise<EdgeSite> {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', `http://${host}`);
    if (url.pathname.startsWith('/api/ticker/')) {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end('{"code":"0","msg":"","data":[{"instId":"BTC-USDT","last":"64000"}]}');
      return;
    }
    const widget = url.searchParams.get('widget') ?? '';
    const pages: Record<string, string> = {
      '/app': page('<h1>console</h1>'),
      '/widget': page('<p>widget</p>'),
      '/frames': page(`<iframe src="${widget.replace(/"/g, '')}/widget?tag=widget"></iframe>`),
    };
    // A single-page app: its own routes (pushState) load the app again on reload.
    const body = pages[url.pathname.startsWith('/app/') ? '/app' : url.pathname];
    response.writeHead(body === undefined ? 404 : 200, { 'content-type': 'text/html' });
    response.end(body ?? 'not found');
  });
  const sockets = new WebSocketServer({ server });
  sockets.on('connection', (socket, request) => {
    const tag = decodeURIComponent((request.url ?? '').replace(/^\/ws\//, ''));
    const message = tag.startsWith('hostile')
      ? HOSTILE_MESSAGE
      : ERROR_MESSAGE.replace('<tag>', tag);
    socket.send(JSON.stringify({ arg: { channel: 'tickers' }, data: [{ last: '64000' }] }));
    const code = tag.startsWith('hostile') ? '99999' : '60012';
    socket.send(JSON.stringify({ event: 'error', code, msg: message, connId: tag }));
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of sockets.clients) client.terminate();
        sockets.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
