// Mock exchange (Node): the gateway's Binance-style market streams: /ws/<stream>[/<stream>...]
// (raw events) and /stream?streams=a/b (wrapped as {"stream","data"}), with live
// SUBSCRIBE / UNSUBSCRIBE / LIST_SUBSCRIPTIONS requests.
import { WebSocket } from 'ws';
import {
  gatewayAggTradeFrame,
  gatewayMarkPriceFrame,
  gatewayTickerFrame,
} from '../market/frame-templates.ts';
import type { Instrument } from '../market/instruments.ts';
import { gatewayError } from './gateway-errors.ts';
import { gatewayInstrument } from './gateway-orders.ts';
import type { WsDialect } from './types.ts';

const EVENTS: Readonly<Record<string, (i: Instrument, seq: number, now: number) => string>> = {
  aggTrade: gatewayAggTradeFrame,
  ticker: gatewayTickerFrame,
  markPrice: gatewayMarkPriceFrame,
};

interface Stream {
  name: string;
  instrument: Instrument;
  event: (i: Instrument, seq: number, now: number) => string;
}

/** "btcusdt@aggTrade" -> the stream, or undefined for a name the gateway does not serve. */
function parseStream(name: unknown): Stream | undefined {
  if (typeof name !== 'string') return undefined;
  const [symbol, event] = name.split('@');
  const instrument = gatewayInstrument(symbol?.toUpperCase());
  if (!instrument || event === undefined || !Object.hasOwn(EVENTS, event)) return undefined;
  return { name, instrument, event: EVENTS[event] as Stream['event'] };
}

function errorReply(id: unknown, code: string): string {
  const error = gatewayError(code);
  return JSON.stringify({ error: { code: Number(error.code), msg: error.msg }, id: id ?? null });
}

export function createGatewayStreamsDialect(pushMs: number): WsDialect {
  return {
    name: 'gateway-streams',
    owns: (path) => path === '/stream' || (path.startsWith('/ws/') && path.includes('@')),
    accept(socket, url) {
      const combined = url.pathname === '/stream';
      const initial = combined
        ? (url.searchParams.get('streams') ?? '').split('/')
        : url.pathname.slice('/ws/'.length).split('/');
      const streams = new Map<string, Stream>();
      for (const name of initial) {
        const stream = parseStream(name);
        if (stream) streams.set(name, stream);
      }
      let seq = 0;
      const timer = setInterval(() => {
        if (socket.readyState !== WebSocket.OPEN) return;
        const now = Date.now();
        for (const stream of streams.values()) {
          const event = stream.event(stream.instrument, ++seq, now);
          socket.send(combined ? `{"stream":"${stream.name}","data":${event}}` : event);
        }
      }, pushMs);
      socket.on('close', () => clearInterval(timer));

      socket.on('message', (data, isBinary) => {
        let request: { id?: unknown; method?: unknown; params?: unknown };
        try {
          request = JSON.parse(isBinary ? '' : String(data));
        } catch {
          socket.send(errorReply(null, '-3001'));
          return;
        }
        const { id, method, params } = request ?? {};
        if (method === 'LIST_SUBSCRIPTIONS') {
          socket.send(JSON.stringify({ result: [...streams.keys()], id }));
          return;
        }
        if (method !== 'SUBSCRIBE' && method !== 'UNSUBSCRIBE') {
          socket.send(errorReply(id, '-3002'));
          return;
        }
        const parsed = Array.isArray(params) ? params.map(parseStream) : [undefined];
        if (parsed.length === 0 || parsed.some((stream) => stream === undefined)) {
          socket.send(errorReply(id, '-3003'));
          return;
        }
        for (const stream of parsed as Stream[]) {
          if (method === 'SUBSCRIBE') streams.set(stream.name, stream);
          else streams.delete(stream.name);
        }
        socket.send(JSON.stringify({ result: null, id }));
      });
    },
  };
}
