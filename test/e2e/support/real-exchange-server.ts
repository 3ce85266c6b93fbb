// Test support (Node): replies as real exchanges do, under their real host names. The browser
// resolves those names to this server (Chromium's --host-resolver-rules, Firefox's
// network.dns.localDomains), so the panel attributes each reply by the host a user would see.
// GET /corpus is a page on 127.0.0.1 (where capture runs) that fetches every HTTP case and opens
// a socket per WebSocket case, one after the other; window.__corpus says when it is done.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import type { ObservedEvent } from '../../../src/core/index.ts';
import type { CorpusCase } from '../../fixtures/real-envelopes/index.ts';

export interface RealExchangeServer {
  /** http://127.0.0.1:PORT/corpus */
  page: string;
  /** The exchange hosts the cases use: the browser must resolve them to 127.0.0.1. */
  hosts: string[];
  /** The first characters of a case's payload, as a row's preview shows them. */
  payloadOf(index: number): string;
  close(): Promise<void>;
}

/** What the page asks for: the case's URL on this server's port, with ?case=N. */
interface PageCase {
  kind: 'http' | 'ws';
  url: string;
}

function payload(event: ObservedEvent): string {
  if (event.type === 'http') return event.body ?? '';
  if (event.type === 'ws') return typeof event.data === 'string' ? event.data : '';
  return '';
}

function onPort(url: string, port: number, index: number): string {
  const parsed = new URL(url);
  const scheme = parsed.protocol === 'wss:' || parsed.protocol === 'ws:' ? 'ws:' : 'http:';
  const query = parsed.search === '' ? `?case=${index}` : `${parsed.search}&case=${index}`;
  return `${scheme}//${parsed.hostname}:${port}${parsed.pathname}${query}`;
}

const PAGE_SCRIPT = `
const cases = JSON.parse(document.getElementById('cases').textContent);
window.__corpus = { done: false, ran: 0 };
function socketCase(url) {
  return new Promise((resolve) => {
    const socket = new WebSocket(url);
    socket.onmessage = () => socket.close(1000);
    socket.onclose = resolve;
    socket.onerror = resolve;
  });
}
for (const item of cases) {
  if (item.kind === 'http') await fetch(item.url).then((r) => r.text()).catch(() => '');
  else await socketCase(item.url);
  window.__corpus.ran += 1;
}
window.__corpus.done = true;
`;

export async function startRealExchangeServer(
  cases: readonly CorpusCase[],
): Promise<RealExchangeServer> {
  const server = createServer();
  const sockets = new WebSocketServer({ noServer: true });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const pageCases: PageCase[] = cases.map((c, i) => ({
    kind: c.event.type === 'ws' ? 'ws' : 'http',
    url: onPort(c.event.url, port, i),
  }));
  const caseOf = (url: string | undefined) =>
    cases[Number(new URL(url ?? '/', 'http://x').searchParams.get('case') ?? -1)];

  server.on('request', (request, response) => {
    if (new URL(request.url ?? '/', 'http://x').pathname === '/corpus') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      const json = JSON.stringify(pageCases).replace(/</g, '\\u003c');
      response.end(
        `<!doctype html><title>corpus</title><script type="application/json" id="cases">${json}</script><script type="module">${PAGE_SCRIPT}</script>`,
      );
      return;
    }
    const found = caseOf(request.url);
    if (found?.event.type !== 'http') {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(found.event.status, {
      'content-type': 'application/json',
      'access-control-allow-origin': '*',
    });
    response.end(found.event.body ?? '');
  });
  server.on('upgrade', (request, socket, head) => {
    const found = caseOf(request.url);
    if (found?.event.type !== 'ws') {
      socket.destroy();
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => ws.send(payload(found.event)));
  });

  return {
    page: `http://127.0.0.1:${port}/corpus`,
    hosts: [...new Set(cases.map((c) => new URL(c.event.url).hostname))],
    payloadOf: (index) => payload((cases[index] as CorpusCase).event).slice(0, 60),
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const client of sockets.clients) client.terminate();
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
