// Load benchmark (Node, npm run bench:load): the mock exchange streams market data with error
// frames into its console page in headless Chromium, without the extension and with the Exchange
// Lens panel open. Prints and writes bench/panel-load-results.json: the page's own message rate
// both ways, the panel's responsiveness and memory, what it dropped, and whether every error
// frame reached it. Never fails on speed; exits 1 only when error frames were lost.
import { writeFileSync } from 'node:fs';
import { startMockExchange } from '../test/mock-exchange/server.ts';
import { closedResults, compareClosed, formatClosed } from './panel-load/closed-report.ts';
import { closedRun } from './panel-load/closed-run.ts';
import { extensionRun } from './panel-load/extension-run.ts';
import { parseLoadOptions, USAGE } from './panel-load/options.ts';
import { plainRun } from './panel-load/plain-run.ts';
import { formatResults, summarize } from './panel-load/report.ts';

let options: ReturnType<typeof parseLoadOptions>;
try {
  options = parseLoadOptions(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`${(error as Error).message}\nusage: ${USAGE}\n`);
  process.exit(2);
}

const command = [
  'npm run bench:load',
  ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : []),
].join(' ');
const exchange = await startMockExchange({ port: 0 });
const query = new URLSearchParams({
  market: '1',
  rate: String(options.rate),
  dialect: options.dialect,
  errorEvery: String(options.errorEvery),
});
const setup = {
  exchange,
  marketUrl: `${exchange.url}?${query}`,
  seconds: options.seconds,
  warmupMs: options.warmupMs,
  errorEvery: options.errorEvery,
};

async function panelOpen(): Promise<void> {
  const runs = options.devtoolsBaseline ? 3 : 2;
  process.stdout.write(`1/${runs} Chromium without the extension, ${options.seconds} s\n`);
  const plain = await plainRun(setup, false);
  let devtools: Awaited<ReturnType<typeof plainRun>> | undefined;
  if (options.devtoolsBaseline) {
    process.stdout.write(
      `2/${runs} Chromium without the extension, DevTools open, ${options.seconds} s\n`,
    );
    devtools = await plainRun(setup, true);
  }
  process.stdout.write(
    `${runs}/${runs} Chromium with dist/chrome, the panel open, ${options.seconds} s\n`,
  );
  const extension = await extensionRun(setup);
  const results = summarize(options, command, plain, devtools, extension);
  process.stdout.write(formatResults(results));
  writeFileSync(
    new URL('./panel-load-results.json', import.meta.url),
    `${JSON.stringify(results, null, 2)}\n`,
  );
  process.stdout.write('wrote bench/panel-load-results.json\n');
  if (results.errorFrames.lost > 0) {
    process.stderr.write('error frames were lost: a correctness failure, not a speed one\n');
    process.exitCode = 1;
  }
}

/** The extension installed and capturing with DevTools closed, against no extension. */
async function devtoolsClosed(): Promise<void> {
  const closedSetup = { ...setup, seconds: options.closedSeconds };
  const comparisons = [];
  for (const rate of options.closedRates) {
    process.stdout.write(
      `DevTools closed, ${rate} frames/s: without the extension, ${options.closedSeconds} s\n`,
    );
    const without = await closedRun(closedSetup, rate, false);
    process.stdout.write(
      `DevTools closed, ${rate} frames/s: with dist/chrome capturing, ${options.closedSeconds} s\n`,
    );
    const withExtension = await closedRun(closedSetup, rate, true);
    comparisons.push(compareClosed(rate, without, withExtension));
  }
  const results = closedResults(command, comparisons);
  process.stdout.write(formatClosed(results));
  writeFileSync(
    new URL('./panel-load-closed-results.json', import.meta.url),
    `${JSON.stringify(results, null, 2)}\n`,
  );
  process.stdout.write('wrote bench/panel-load-closed-results.json\n');
}

try {
  if (options.only !== 'closed') await panelOpen();
  if (options.only !== 'open') await devtoolsClosed();
} finally {
  await exchange.close();
}
