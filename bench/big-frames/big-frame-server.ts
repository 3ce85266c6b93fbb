// Bench (Node): a page on 127.0.0.1 (a default capture site) and a WebSocket and HTTP server
// that answer with frames and bodies of many megabytes, then an exchange error, then close.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';

/** What a 50 MB frame looks like: market data, one JSON object. */
export function bigPayload(mb: number, index: number): string {
  const head = `{"arg":{"channel":"books","instId":"BTC-USDT"},"seq":${index},"data":"`;
  const tail = '"}';
  return `${head}${'x'.repeat(Math.max(0, mb * 1024 * 1024 - head.length - tail.length))}${tail}`;
}

export const ERROR_FRAME = '{"event":"error","code":"60012","msg":"Invalid request"}';

/** The page drives everything from window functions the bench calls. */
const PAGE = `<!doctype html><meta charset="utf-8"><title>big frames</title>
<script>
function socketIn(scope, url) {
  return new Promise((resolve) => {
    const socket = new WebSocket(url);
    let received = 0;
    socket.onmessage = () => { received += 1; };
    socket.onclose = (event) => resolve({ received, code: event.code });
  });
}
window.bigFramesInPage = (frames, mb) =>
  socketIn(window, 'ws://' + location.host + '/big?frames=' + frames + '&mb=' + mb);
window.bigFramesInWorker = (frames, mb) => new Promise((resolve) => {
  const url = 'ws://' + location.host + '/big?frames=' + frames + '&mb=' + mb;
  const source = 'const s = new WebSocket(' + JSON.stringify(url) + '); let n = 0;' +
    's.onmessage = () => { n += 1; }; s.onclose = (e) => postMessage({ received: n, code: e.code });';
  const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
  worker.onmessage = (event) => { worker.terminate(); resolve(event.data); };
});
window.bigBodies = async (count, mb) => {
  let bytes = 0;
  for (let i = 0; i < count; i += 1) {
    const reply = await fetch('/body?mb=' + mb + '&i=' + i);
    bytes += (await reply.text()).length;
  }
  return { received: count, bytes };
};
</script><p>big frames</p>`;

export interface BigFrameServer {
  origin: string;
  close(): Promise<void>;
}

export async function startBigFrameServer(): Promise<BigFrameServer> {
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    if (url.pathname === '/body') {
      const mb = Number(url.searchParams.get('mb') ?? 1);
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(bigPayload(mb, Number(url.searchParams.get('i') ?? 0)));
      return;
    }
    response.writeHead(url.pathname === '/' ? 200 : 404, { 'content-type': 'text/html' });
    response.end(url.pathname === '/' ? PAGE : 'not found');
  });
  const sockets = new WebSocketServer({ server, perMessageDeflate: false });
  sockets.on('connection', (socket, request) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const frames = Number(url.searchParams.get('frames') ?? 1);
    const mb = Number(url.searchParams.get('mb') ?? 1);
    let sent = 0;
    // One frame at a time, each after the last left: the bench measures the panel, not a queue.
    const next = () => {
      if (sent === frames) {
        socket.send(ERROR_FRAME, () => socket.close(1000, 'done'));
        return;
      }
      socket.send(bigPayload(mb, sent), () => setTimeout(next, 200));
      sent += 1;
    };
    next();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of sockets.clients) client.terminate();
        sockets.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
