// Mock exchange (Node): /ws/market, a market-data socket that pushes frames at a chosen rate in
// timer-driven bursts, for load benchmarks. Query: rate (frames/s), dialect (okx, gateway, woo,
// mixed), errorEvery (every Nth frame is an error envelope), count (stop after N frames).
import { randomBytes } from 'node:crypto';
import type { Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { WebSocket } from 'ws';
import type { WsDialect } from '../dialects/types.ts';
import { MARKET_DIALECTS, type MarketDialect, marketFrameBuilder } from './frame-templates.ts';

export const DEFAULT_MARKET_RATE = 100;
export const MAX_MARKET_RATE = 100_000;
const TICK_MS = 10;
/** A client that falls this far behind is given time to drain; its frames stay due, in order. */
const HIGH_WATER_BYTES = 4 << 20;

export interface MarketStreamStats {
  id: number;
  dialect: MarketDialect;
  rate: number;
  errorEvery: number;
  /** Frames sent, error frames included. */
  sent: number;
  errors: number;
  startedAt: number;
  endedAt?: number;
  /** sent / seconds since the stream opened (or until it ended). */
  achievedRate: number;
}

export interface MarketHub {
  dialect: WsDialect;
  /** Sets the rate of every open stream and the default of new ones without ?rate. */
  setRate(framesPerSecond: number): void;
  /** Open streams and the last closed ones, newest last. */
  stats(): MarketStreamStats[];
  close(): void;
}

interface Stream {
  stats: MarketStreamStats;
  retime(rate: number): void;
  stop(): void;
}

const KEEP_CLOSED = 20;

function clampRate(value: number): number {
  return Math.min(MAX_MARKET_RATE, Math.max(1, Math.round(value)));
}

function numberParam(url: URL, name: string): number | undefined {
  const text = url.searchParams.get(name);
  if (text === null || text.trim() === '') return undefined;
  const value = Number(text);
  return Number.isFinite(value) && value >= 0 ? value : undefined;
}

function withAchieved(stats: MarketStreamStats): MarketStreamStats {
  const seconds = ((stats.endedAt ?? Date.now()) - stats.startedAt) / 1000;
  return { ...stats, achievedRate: seconds > 0 ? Math.round(stats.sent / seconds) : 0 };
}

export function createMarketHub(log: (line: string) => void): MarketHub {
  let defaultRate = DEFAULT_MARKET_RATE;
  let nextId = 1;
  const open = new Set<Stream>();
  const closed: MarketStreamStats[] = [];

  function startStream(socket: WebSocket, url: URL): Stream {
    const dialectParam = url.searchParams.get('dialect') ?? 'okx';
    const dialect = (MARKET_DIALECTS as readonly string[]).includes(dialectParam)
      ? (dialectParam as MarketDialect)
      : 'okx';
    const requested = numberParam(url, 'rate');
    const errorEvery = Math.floor(numberParam(url, 'errorEvery') ?? 0);
    const count = numberParam(url, 'count');
    const frame = marketFrameBuilder(dialect, errorEvery, randomBytes(4).toString('hex'));
    const stats: MarketStreamStats = {
      id: nextId++,
      dialect,
      rate: clampRate(requested ?? defaultRate),
      errorEvery,
      sent: 0,
      errors: 0,
      startedAt: Date.now(),
      achievedRate: 0,
    };
    // Frames due are computed from the clock, not counted per tick, so timer jitter does not
    // lower the rate; a burst is capped so a stalled loop catches up gradually.
    let epoch = performance.now();
    let sentAtEpoch = 0;
    // One write per burst instead of one per frame: far fewer syscalls and TCP segments for
    // both ends. ws has no public cork; its underlying net.Socket does.
    const raw = (socket as unknown as { _socket?: Socket })._socket;

    const tick = () => {
      if (socket.readyState !== WebSocket.OPEN || socket.bufferedAmount > HIGH_WATER_BYTES) return;
      const due = sentAtEpoch + Math.floor(((performance.now() - epoch) * stats.rate) / 1000);
      let burst = Math.min(due - stats.sent, Math.ceil(stats.rate / 20));
      if (count !== undefined) burst = Math.min(burst, count - stats.sent);
      const now = Date.now();
      raw?.cork();
      for (let i = 0; i < burst; i++) {
        const seq = ++stats.sent;
        if (errorEvery > 0 && seq % errorEvery === 0) stats.errors++;
        socket.send(frame(seq, now));
      }
      raw?.uncork();
      if (count !== undefined && stats.sent >= count) stream.stop();
    };
    const timer = setInterval(tick, TICK_MS);

    const stream: Stream = {
      stats,
      retime(rate) {
        epoch = performance.now();
        sentAtEpoch = stats.sent;
        stats.rate = clampRate(rate);
      },
      stop() {
        clearInterval(timer);
        if (stats.endedAt === undefined) stats.endedAt = Date.now();
      },
    };
    return stream;
  }

  const dialect: WsDialect = {
    name: 'market',
    owns: (path) => path === '/ws/market',
    accept(socket, url) {
      const stream = startStream(socket, url);
      open.add(stream);
      socket.on('close', () => {
        stream.stop();
        open.delete(stream);
        const final = withAchieved(stream.stats);
        closed.push(final);
        if (closed.length > KEEP_CLOSED) closed.shift();
        log(
          `market stream #${final.id} (${final.dialect}) closed: ${final.sent} frames, ` +
            `${final.errors} errors, ${final.achievedRate}/s achieved of ${final.rate}/s asked`,
        );
      });
      // A market socket ignores what the client sends, as the real public feeds do for noise.
      socket.on('message', () => undefined);
    },
  };

  return {
    dialect,
    setRate(framesPerSecond) {
      defaultRate = clampRate(framesPerSecond);
      for (const stream of open) stream.retime(framesPerSecond);
    },
    stats: () => [...closed, ...[...open].map((stream) => withAchieved(stream.stats))],
    close() {
      for (const stream of open) stream.stop();
    },
  };
}
