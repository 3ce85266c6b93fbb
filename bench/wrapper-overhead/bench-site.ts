// Bench (Node): one origin on 127.0.0.1 (a capture site by default) with a blank page and two
// sockets: /sink takes what it is sent and answers nothing; /burst?n=N sends N small frames at
// once, then closes.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';

export interface BenchSite {
  pageUrl: string;
  wsOrigin: string;
  close(): Promise<void>;
}

const FRAME = '{"arg":{"channel":"tickers","instId":"BTC-USDT"},"data":[{"last":"1","ts":"1"}]}';

export async function startBenchSite(): Promise<BenchSite> {
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html' });
    response.end('<!doctype html><html lang="en"><title>bench</title><p>bench</p></html>');
  });
  const sockets = new WebSocketServer({ server, perMessageDeflate: false });
  sockets.on('connection', (socket, request) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname !== '/burst') return;
    const count = Number(url.searchParams.get('n') ?? '0');
    for (let i = 0; i < count; i += 1) socket.send(FRAME);
    socket.close(1000);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    pageUrl: `http://127.0.0.1:${port}/`,
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
