// Mock exchange (Node): one HTTP + WebSocket server on 127.0.0.1 speaking the gateway, OKX,
// WOO X, Binance Spot and Bybit v5 dialects, plus the console page and the /ws/market load stream. Tests and benchmarks
// start it in-process with startMockExchange; `npm run mock` runs main.ts.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';
import { createMockClock } from './clock.ts';
import { loadConsoleAssets } from './console/console-assets.ts';
import { createBinanceSpotDialect } from './dialects/binance-spot.ts';
import { type BinanceCheck, DEFAULT_BINANCE_CHECKS } from './dialects/binance-spot-checks.ts';
import { createBybitDialect } from './dialects/bybit.ts';
import { type BybitCheck, DEFAULT_BYBIT_CHECKS } from './dialects/bybit-checks.ts';
import { createBybitWsDialect } from './dialects/bybit-ws.ts';
import { createGatewayDialect } from './dialects/gateway.ts';
import { DEFAULT_GATEWAY_CHECKS, type GatewayCheck } from './dialects/gateway-checks.ts';
import { createGatewayOrderBook } from './dialects/gateway-orders.ts';
import { createGatewayStreamsDialect } from './dialects/gateway-streams.ts';
import { createGatewayWsApiDialect } from './dialects/gateway-ws-api.ts';
import { DEFAULT_OKX_LOGIN_CHECKS, type OkxLoginCheck } from './dialects/okx-login.ts';
import { createOkxRestDialect } from './dialects/okx-rest.ts';
import { DEFAULT_OKX_REST_CHECKS, type OkxRestCheck } from './dialects/okx-rest-checks.ts';
import { createOkxWsDialect } from './dialects/okx-ws.ts';
import type { HttpDialect, WsDialect } from './dialects/types.ts';
import { createWooDialect } from './dialects/woo.ts';
import { DEFAULT_WOO_CHECKS, type WooCheck } from './dialects/woo-checks.ts';
import {
  BodyTooLarge,
  type MockHttpReply,
  readMockRequest,
  writePreflight,
  writeReply,
  writeText,
} from './http-io.ts';
import { createMarketHub, type MarketStreamStats } from './market/market-stream.ts';
import { SCENARIOS } from './scenarios/index.ts';

export interface MockExchangeOptions {
  /** 0 (the default) picks any free port. */
  port?: number;
  host?: string;
  /** OKX closes a socket with 4004 after this long without a client frame (default 30 s). */
  okxIdleMs?: number;
  /** Interval of OKX and gateway stream pushes on subscribed channels (default 500 ms). */
  pushMs?: number;
  /** Client frames above this size close an OKX socket with 1009 (default 8 KiB). */
  okxMaxFrameBytes?: number;
  /** Frames/s of /ws/market streams opened without ?rate (default 100). */
  marketRate?: number;
  /** Added to the machine's clock for every time endpoint and timestamp check (default 0), so a
   * correctly signed request can fail on time alone. */
  clockSkewMs?: number;
  /** Request checks per dialect, replacing the defaults (which verify signatures for real). */
  checks?: {
    gateway?: readonly GatewayCheck[];
    okxLogin?: readonly OkxLoginCheck[];
    okxRest?: readonly OkxRestCheck[];
    woo?: readonly WooCheck[];
    binance?: readonly BinanceCheck[];
    bybit?: readonly BybitCheck[];
  };
  /** One line per request, connection and closed market stream; silent when absent. */
  log?: (line: string) => void;
}

export interface MockExchange {
  /** The console page: http://127.0.0.1:PORT/ */
  url: string;
  /** ws://127.0.0.1:PORT */
  wsUrl: string;
  port: number;
  /** Rate of every open /ws/market stream and the default of new ones. */
  setMarketRate(framesPerSecond: number): void;
  /** Moves the mock's clock (what time endpoints say and timestamps are judged against). */
  setClockSkew(skewMs: number): void;
  /** The mock's clock, Unix ms. */
  now(): number;
  marketStats(): MarketStreamStats[];
  close(): Promise<void>;
}

export async function startMockExchange(options: MockExchangeOptions = {}): Promise<MockExchange> {
  const log = options.log ?? (() => undefined);
  const pushMs = options.pushMs ?? 500;
  const checks = options.checks ?? {};
  const clock = createMockClock(options.clockSkewMs ?? 0);
  const gatewayOrders = createGatewayOrderBook();
  const market = createMarketHub(log);
  if (options.marketRate !== undefined) market.setRate(options.marketRate);

  const httpDialects: HttpDialect[] = [
    createGatewayDialect(checks.gateway ?? DEFAULT_GATEWAY_CHECKS, gatewayOrders),
    createOkxRestDialect(checks.okxRest ?? DEFAULT_OKX_REST_CHECKS),
    createWooDialect(checks.woo ?? DEFAULT_WOO_CHECKS),
    createBinanceSpotDialect(checks.binance ?? DEFAULT_BINANCE_CHECKS),
    createBybitDialect(checks.bybit ?? DEFAULT_BYBIT_CHECKS),
  ];
  const wsDialects: WsDialect[] = [
    market.dialect,
    createOkxWsDialect({
      idleMs: options.okxIdleMs ?? 30_000,
      pushMs,
      maxFrameBytes: options.okxMaxFrameBytes ?? 8192,
      loginChecks: checks.okxLogin ?? DEFAULT_OKX_LOGIN_CHECKS,
      now: clock.now,
    }),
    createGatewayWsApiDialect(checks.gateway ?? DEFAULT_GATEWAY_CHECKS, gatewayOrders, clock.now),
    createGatewayStreamsDialect(pushMs),
    createBybitWsDialect(clock.now),
  ];
  const assets = loadConsoleAssets();

  async function serveHttp(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    if (request.method === 'OPTIONS') return writePreflight(response);
    const asset = request.method === 'GET' ? assets.get(path) : undefined;
    if (asset) return writeText(response, 200, asset.contentType, asset.text);
    if (path === '/mock/stats') {
      return writeReply(response, { status: 200, body: { market: market.stats() } });
    }
    if (path === '/mock/scenarios') return writeReply(response, { status: 200, body: SCENARIOS });
    if (path === '/mock/clock') return writeReply(response, clockReply(request));
    const dialect = httpDialects.find((candidate) => candidate.owns(path));
    if (!dialect) return writeText(response, 404, 'text/plain; charset=utf-8', 'Not Found');
    const reply = await dialect.handle(await readMockRequest(request, clock.now));
    writeReply(response, reply);
    log(`${request.method} ${request.url} -> ${reply.status} (${dialect.name})`);
  }

  /** GET /mock/clock reads the clock; POST /mock/clock?skewMs=N moves it (0 puts it back). */
  function clockReply(request: IncomingMessage): MockHttpReply {
    const skew = new URL(request.url ?? '/', 'http://127.0.0.1').searchParams.get('skewMs');
    if (request.method === 'POST') {
      const value = Number(skew);
      if (skew === null || skew.trim() === '' || !Number.isFinite(value)) {
        return { status: 400, body: { error: 'POST /mock/clock?skewMs=<milliseconds>' } };
      }
      clock.setSkewMs(value);
    }
    return { status: 200, body: { now: clock.now(), skewMs: clock.skewMs() } };
  }

  const server = createServer((request, response) => {
    serveHttp(request, response).catch((error: unknown) => {
      if (response.headersSent) return response.destroy();
      if (error instanceof BodyTooLarge) {
        return writeText(response, 413, 'text/plain; charset=utf-8', 'Payload Too Large');
      }
      log(`mock exchange error on ${request.url}: ${String(error)}`);
      writeText(response, 500, 'text/plain; charset=utf-8', 'Internal Server Error');
    });
  });

  // Frames above 1 MiB are refused by ws itself (close 1009); OKX's own limit is lower.
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 1 << 20 });
  server.on('upgrade', (request, socket, head) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const dialect = wsDialects.find((candidate) => candidate.owns(url.pathname));
    if (!dialect) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws: WebSocket) => {
      log(`WebSocket ${url.pathname}${url.search} opened (${dialect.name})`);
      ws.on('close', (code, reason) =>
        log(`WebSocket ${url.pathname} closed ${code} ${reason.toString()}`.trimEnd()),
      );
      dialect.accept(ws, url, request);
    });
  });

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://${host}:${port}/`,
    wsUrl: `ws://${host}:${port}`,
    port,
    setMarketRate: (framesPerSecond) => market.setRate(framesPerSecond),
    setClockSkew: (skewMs) => clock.setSkewMs(skewMs),
    now: clock.now,
    marketStats: () => market.stats(),
    close: () =>
      new Promise<void>((resolve, reject) => {
        market.close();
        for (const client of sockets.clients) client.terminate();
        sockets.close();
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
