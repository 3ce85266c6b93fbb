// Mock exchange (Node, manual benchmark): runs the mock in its own process, reads /ws/market
// with a plain client for a while, and prints the rate achieved on both ends.
// Usage: npx tsx test/mock-exchange/measure-rate.ts [--rate 5000] [--seconds 60]
//        [--dialect okx|gateway|woo|mixed] [--error-every 100]
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { WebSocket } from 'ws';
import type { MarketStreamStats } from './market/market-stream.ts';

const { values } = parseArgs({
  options: {
    rate: { type: 'string', default: '5000' },
    seconds: { type: 'string', default: '60' },
    dialect: { type: 'string', default: 'okx' },
    'error-every': { type: 'string', default: '100' },
  },
});
const rate = Number(values.rate);
const seconds = Number(values.seconds);
const errorEvery = Number(values['error-every']);

// A separate process, as in real use: the server does not share an event loop with the reader.
const server = spawn(
  process.execPath,
  [
    '--import',
    'tsx',
    fileURLToPath(new URL('./main.ts', import.meta.url)),
    '--port',
    '0',
    '--quiet',
  ],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);
const url = await new Promise<string>((resolve, reject) => {
  let output = '';
  server.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
    const found = output.match(/http:\/\/127\.0\.0\.1:\d+\//);
    if (found) resolve(found[0]);
  });
  server.on('exit', (code) => reject(new Error(`the mock exited with ${code}`)));
});

const query = new URLSearchParams({
  rate: String(rate),
  dialect: values.dialect,
  errorEvery: String(errorEvery),
});
const socket = new WebSocket(`${url.replace('http', 'ws')}ws/market?${query}`);
let received = 0;
let errors = 0;
let lastErrorSeq = 0;
let missingErrors = 0;
const perSecond: number[] = [];
let windowCount = 0;

socket.on('message', (data) => {
  received++;
  windowCount++;
  const text = String(data);
  if (text.includes('"code"')) {
    errors++;
    const seq = Number(text.match(/#(\d+)/)?.[1]);
    if (lastErrorSeq && seq !== lastErrorSeq + errorEvery) missingErrors++;
    lastErrorSeq = seq;
  }
});
await new Promise((resolve) => socket.once('open', resolve));
const startedAt = Date.now();
const ticker = setInterval(() => {
  perSecond.push(windowCount);
  windowCount = 0;
}, 1000);
await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
clearInterval(ticker);
const elapsed = (Date.now() - startedAt) / 1000;
const stats = (await (await fetch(`${url}mock/stats`)).json()) as { market: MarketStreamStats[] };
socket.close();
server.kill('SIGINT');

const sorted = [...perSecond].sort((a, b) => a - b);
console.log(
  JSON.stringify(
    {
      asked: rate,
      seconds: elapsed,
      clientRate: Math.round(received / elapsed),
      slowestSecond: sorted[0],
      fastestSecond: sorted.at(-1),
      serverAchievedRate: stats.market.at(-1)?.achievedRate,
      errorFrames: errors,
      errorFramesMissing: missingErrors,
    },
    null,
    2,
  ),
);
