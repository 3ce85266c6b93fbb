// The benchmark's input: a deterministic stream of WebSocket frames from the three exchanges,
// mostly market data, a few success replies with a "code", exactly 1% error envelopes.
import { mayHoldEnvelope } from '../src/core/detect/quick-scan.ts';
import type { WsMessageEvent } from '../src/core/index.ts';
import { bybitMarketFrame } from './frames/bybit-market.ts';
import { bybitAck } from './frames/bybit-replies.ts';
import { codeFrame } from './frames/code-frames.ts';
import { errorFrame, type StreamExchange } from './frames/error-frames.ts';
import { gatewayMarketFrame } from './frames/gateway-market.ts';
import { createMarket } from './frames/market.ts';
import { okxMarketFrame } from './frames/okx-market.ts';
import { wooMarketFrame } from './frames/woo-market.ts';
import { createRng, type Rng } from './prng.ts';

type Exchange = StreamExchange;

export interface StreamOptions {
  frames: number;
  seed: number;
  /** Share of error envelopes; their count is exact, not drawn. */
  errorRate?: number;
  /** Share of other frames that carry a "code" key (success replies, login acks). */
  codeRate?: number;
  maxBytes?: number;
}

export interface FrameStream {
  events: WsMessageEvent[];
  /** Indices of the error envelopes, ascending. */
  errorIndices: number[];
  /** Findings a correct detector reports over the whole stream. */
  expectedFindings: number;
  /** Frames the prefilter lets through (a code key or Bybit's ret_msg; errors included): the
   * ones the detector has to parse. */
  codeKeyFrames: number;
  bytes: { total: number; min: number; median: number; p99: number; max: number };
  perExchange: Record<string, number>;
  dialects: Record<string, number>;
}

/** Market data comes from these; Binance's streams have the gateway's Binance-style shapes. */
const MARKET_EXCHANGES: readonly Exchange[] = ['gateway', 'binance', 'okx', 'woo', 'bybit'];
const MARKET_FRAME = {
  gateway: gatewayMarketFrame,
  binance: gatewayMarketFrame,
  'binance-usdm': gatewayMarketFrame,
  okx: okxMarketFrame,
  woo: wooMarketFrame,
  bybit: bybitMarketFrame,
};

/**
 * Each exchange's endpoints, plus local proxies and mock servers: on those the host tells
 * nothing, so the detector has to attribute errors by the envelope's shape.
 */
function urlFor(rng: Rng, exchange: Exchange, appId: string): string {
  const local = rng.chance(0.1);
  switch (exchange) {
    case 'gateway':
      if (local) return rng.pick(['ws://localhost:8088/ws', 'ws://127.0.0.1:9443/stream']);
      return 'ws://119.8.50.236:8088/ws';
    case 'okx':
      if (local) return 'ws://localhost:3000/okx/ws/v5/private';
      return rng.pick([
        'wss://ws.okx.com:8443/ws/v5/public',
        'wss://ws.okx.com:8443/ws/v5/private',
        'wss://ws.okx.com:8443/ws/v5/business',
      ]);
    case 'woo':
      if (local) return `ws://localhost:3000/woo/ws/stream/${appId}`;
      return rng.pick([
        `wss://wss.woox.io/ws/stream/${appId}`,
        `wss://wss.woox.io/v2/ws/private/stream/${appId}`,
      ]);
    case 'binance':
      if (local) return 'ws://localhost:3000/binance/ws-api/v3';
      return rng.pick([
        'wss://stream.binance.com:9443/stream',
        'wss://ws-api.binance.com:443/ws-api/v3',
      ]);
    case 'binance-usdm':
      if (local) return 'ws://localhost:3000/fapi/ws-fapi/v1';
      return rng.pick(['wss://fstream.binance.com/stream', 'wss://ws-fapi.binance.com/ws-fapi/v1']);
    case 'bybit':
      if (local) return 'ws://localhost:3000/bybit/v5/trade';
      return rng.pick([
        'wss://stream.bybit.com/v5/public/linear',
        'wss://stream.bybit.com/v5/private',
        'wss://stream.bybit.com/v5/trade',
      ]);
  }
}

function percentile(sorted: Float64Array, p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

export function generateFrames(options: StreamOptions): FrameStream {
  const { frames, seed, errorRate = 0.01, codeRate = 0.03, maxBytes = 50_000 } = options;
  const rng = createRng(seed);
  const market = createMarket(rng);
  const appId = `${rng.hex(8)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(4)}-${rng.hex(12)}`;

  // One error in each of `errors` equal blocks: exactly 1%, spread over the whole stream.
  const errors = Math.round(frames * errorRate);
  const errorIndices: number[] = [];
  for (let k = 0; k < errors; k++) {
    const start = Math.floor((k * frames) / errors);
    const end = Math.floor(((k + 1) * frames) / errors);
    errorIndices.push(rng.int(start, end - 1));
  }

  const events: WsMessageEvent[] = [];
  const perExchange: Record<string, number> = {};
  const dialects: Record<string, number> = {};
  const sizes = new Float64Array(frames);
  let expectedFindings = 0;
  let codeKeyFrames = 0;
  let total = 0;
  let nextError = 0;
  for (let i = 0; i < frames; i++) {
    let exchange: Exchange;
    let data: string;
    if (errorIndices[nextError] === i) {
      nextError++;
      const error = errorFrame(market);
      ({ exchange, data } = error);
      expectedFindings += error.findings;
      dialects[error.dialect] = (dialects[error.dialect] ?? 0) + 1;
    } else if (rng.chance(codeRate)) {
      const roll = rng.next();
      exchange = roll < 0.55 ? 'okx' : roll < 0.8 ? 'gateway' : 'bybit';
      // Replies with a top-level code on a socket are acks and order-op replies: small.
      data =
        exchange === 'bybit'
          ? bybitAck(market)
          : codeFrame(market, exchange, rng.logUniform(100, 2_000), maxBytes);
    } else {
      exchange = rng.pick(MARKET_EXCHANGES);
      // Log-uniform sizes: as many 100 B-1 KB books as 5-50 KB ones, like a live feed's mix.
      const target = rng.logUniform(100, maxBytes);
      data = MARKET_FRAME[exchange](market, target, maxBytes);
    }
    perExchange[exchange] = (perExchange[exchange] ?? 0) + 1;
    if (mayHoldEnvelope(data)) codeKeyFrames++;
    // Every frame is ASCII JSON, so characters are bytes.
    sizes[i] = data.length;
    total += data.length;
    events.push({ type: 'ws', url: urlFor(rng, exchange, appId), direction: 'receive', data });
  }
  const sorted = sizes.slice().sort();
  return {
    events,
    errorIndices,
    expectedFindings,
    codeKeyFrames,
    bytes: {
      total,
      min: sorted[0] ?? 0,
      median: percentile(sorted, 0.5),
      p99: percentile(sorted, 0.99),
      max: sorted[sorted.length - 1] ?? 0,
    },
    perExchange,
    dialects,
  };
}
