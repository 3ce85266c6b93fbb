// Test support (Node): a real WebSocket server on 127.0.0.1 for the transparency pages.
// /echo echoes text and binary and picks the v2.proto subprotocol when offered; /close-4004 sends
// an exchange-style error and closes with 4004 and a reason.
import { type AddressInfo, createServer } from 'node:net';
import { WebSocketServer } from 'ws';

export const ERROR_FRAME = '{"code":"50001","msg":"Service temporarily unavailable"}';
export const CLOSE_CODE = 4004;
export const CLOSE_REASON = 'bye: order book gone';

export interface SocketServer {
  /** e.g. ws://127.0.0.1:41235 */
  origin: string;
  close(): Promise<void>;
}

export async function startSocketServer(): Promise<SocketServer> {
  const server = new WebSocketServer({
    host: '127.0.0.1',
    port: 0,
    perMessageDeflate: true,
    handleProtocols: (protocols) => (protocols.has('v2.proto') ? 'v2.proto' : false),
  });
  server.on('connection', (socket, request) => {
    if (request.url === '/close-4004') {
      socket.send(ERROR_FRAME);
      socket.close(CLOSE_CODE, CLOSE_REASON);
      return;
    }
    socket.on('message', (data, isBinary) => socket.send(data, { binary: isBinary }));
  });
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `ws://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of server.clients) client.terminate();
        server.close(() => resolve());
      }),
  };
}

/** A ws:// URL on 127.0.0.1 where nothing listens (a port just released): connections are refused. */
export async function refusedSocketUrl(): Promise<string> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return `ws://127.0.0.1:${port}/`;
}
