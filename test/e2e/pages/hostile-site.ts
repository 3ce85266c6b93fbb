// Test support (Node): one origin on 127.0.0.1 serving the hostile pages and their WebSockets.
// Pages are fixed HTML; a path listed in `slow` sends its headers at once and its body 300 ms
// later (the window in which a parent can reach a child document before its document_start).
// Sockets: /echo echoes text and binary; /say?text=T&code=C&reason=R sends T, then closes.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';

export interface HostileSite {
  /** e.g. http://127.0.0.1:41234 */
  origin: string;
  /** The same host and port, ws:// */
  wsOrigin: string;
  close(): Promise<void>;
}

export async function startHostileSite(
  pages: Record<string, string>,
  { slow = [] as string[] } = {},
): Promise<HostileSite> {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const body = pages[path];
    response.writeHead(body === undefined ? 404 : 200, { 'content-type': 'text/html' });
    if (body !== undefined && slow.includes(path)) {
      response.flushHeaders();
      setTimeout(() => response.end(body), 300);
      return;
    }
    response.end(body ?? 'not found');
  });
  const sockets = new WebSocketServer({ server });
  sockets.on('connection', (socket, request) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/say') {
      socket.send(url.searchParams.get('text') ?? '');
      socket.close(
        Number(url.searchParams.get('code') ?? 1000),
        url.searchParams.get('reason') ?? '',
      );
      return;
    }
    socket.on('message', (data, isBinary) => socket.send(data, { binary: isBinary }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    wsOrigin: `ws://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of sockets.clients) client.terminate();
        sockets.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
