// Bench (Node): what every run of the load benchmark shares, and the facts it records per run.
import { loadavg } from 'node:os';
import type { Browser } from 'puppeteer-core';
import type { MockExchange } from '../../test/mock-exchange/server.ts';
import type { RateWindow } from './page-rate.ts';
import { round } from './statistics.ts';

export interface RunSetup {
  exchange: MockExchange;
  /** The console page with the market stream on load: /?market=1&rate=…&dialect=…&errorEvery=… */
  marketUrl: string;
  seconds: number;
  warmupMs: number;
  errorEvery: number;
}

export interface ServerSide {
  /** Frames the mock sent on the run's stream, and its own achieved rate. */
  sent: number;
  achievedRate: number;
}

export interface RunFacts {
  label: string;
  browserVersion: string;
  rate: RateWindow;
  /** The page's counters when the stream was stopped. */
  pageTotal: { received: number; errors: number };
  server: ServerSide | undefined;
  /** 1-minute load average before and after the run (2 cores: 2.0 is a full machine). */
  loadBefore: number;
  loadAfter: number;
}

export const loadNow = (): number => round(loadavg()[0] ?? 0, 2);

/** The newest market stream the mock knows (the run's own: runs never overlap). */
export function serverSide(exchange: MockExchange): ServerSide | undefined {
  const newest = exchange
    .marketStats()
    .reduce<ReturnType<MockExchange['marketStats']>[number] | undefined>(
      (latest, stream) => (latest === undefined || stream.id > latest.id ? stream : latest),
      undefined,
    );
  return newest ? { sent: newest.sent, achievedRate: newest.achievedRate } : undefined;
}

export async function browserVersion(browser: Browser): Promise<string> {
  return browser.version().catch(() => 'unknown');
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
