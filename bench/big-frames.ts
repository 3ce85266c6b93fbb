// Big-frames benchmark (Node, npm run bench:big-frames): six 50 MB WebSocket frames reach a page
// with the Exchange Lens panel open in Chromium, through the page's wrapper and DevTools' log
// (a socket of the page), through DevTools' log only (a socket in a Worker), and six 50 MB HTTP
// bodies. Prints and writes bench/big-frames-results.json: the panel's peak and retained JS
// heap, the extension renderer's peak memory, and what the panel shows of the payloads.
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { startBigFrameServer } from './big-frames/big-frame-server.ts';
import { runScenario, type ScenarioName, type ScenarioResult } from './big-frames/scenario-run.ts';

const { values } = parseArgs({
  args: process.argv.slice(2),
  options: { frames: { type: 'string' }, mb: { type: 'string' } },
});
const frames = Number(values.frames ?? 6);
const mb = Number(values.mb ?? 50);
if (!Number.isInteger(frames) || frames < 1 || !Number.isFinite(mb) || mb <= 0) {
  process.stderr.write('usage: npm run bench:big-frames -- [--frames 6] [--mb 50]\n');
  process.exit(2);
}

const SCENARIOS: ScenarioName[] = ['page-socket', 'worker-socket', 'http-bodies'];
const HTTP_BODY_MB = 8;
const server = await startBigFrameServer();
const results: ScenarioResult[] = [];
try {
  for (const scenario of SCENARIOS) {
    // DevTools keeps no response body over ~10 MB for getContent: bodies are 8 MB at most.
    const size = scenario === 'http-bodies' ? Math.min(mb, HTTP_BODY_MB) : mb;
    process.stdout.write(`${scenario}: ${frames} × ${size} MB\n`);
    const result = await runScenario(server.origin, scenario, frames, size);
    results.push(result);
    const { panelHeap: heap } = result;
    process.stdout.write(
      `  panel heap peak ${heap.peakMB} MB, above ${heap.overMB} MB for ${heap.msOver} ms, after GC ${heap.afterGcMB} MB; extension renderer peak ${result.extensionRendererPeakMB} MB\n` +
        `  page received ${result.pageReceived}; panel rows ≥ 1 MB: ${result.bigRows}; error shown: ${result.errorShown}; cut note: ${result.cutNote ?? '(none)'}\n`,
    );
  }
} finally {
  await server.close();
}

const command = [
  'npm run bench:big-frames',
  ...(process.argv.length > 2 ? ['--', ...process.argv.slice(2)] : []),
].join(' ');
writeFileSync(
  new URL('./big-frames-results.json', import.meta.url),
  `${JSON.stringify({ command, frames, mb, httpBodyMB: Math.min(mb, HTTP_BODY_MB), date: new Date().toISOString(), results }, null, 2)}\n`,
);
process.stdout.write('wrote bench/big-frames-results.json\n');
