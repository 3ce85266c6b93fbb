// Developer entry (Node, `npm start`, after `npm run build`): runs the mock exchange and, when a
// display is available, opens Chromium on its console page with dist/chrome loaded and DevTools
// open; otherwise prints how to load the extension by hand. Runs until Ctrl-C.
import { type ChildProcess, spawn } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type MockExchange, startMockExchange } from '../test/mock-exchange/server.ts';

const DEFAULT_PORT = 8088;
const repoRoot = fileURLToPath(new URL('../', import.meta.url));
const chromeDir = join(repoRoot, 'dist', 'chrome');
const firefoxManifest = join(repoRoot, 'dist', 'firefox', 'manifest.json');

function log(line: string): void {
  console.log(`${new Date().toISOString().slice(11, 23)} ${line}`);
}

async function startExchange(): Promise<MockExchange> {
  const fromEnv = process.env.PORT;
  const port = fromEnv === undefined || fromEnv === '' ? DEFAULT_PORT : Number(fromEnv);
  if (!Number.isInteger(port) || port < 0)
    throw new Error(`PORT must be a port number: ${fromEnv}`);
  try {
    return await startMockExchange({ port, log });
  } catch (error) {
    // The default port being taken should not stop a demo; an explicit PORT should.
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE' || fromEnv) throw error;
    console.log(`Port ${DEFAULT_PORT} is in use; using a free port instead.`);
    return startMockExchange({ port: 0, log });
  }
}

function chromiumPath(): string | undefined {
  const path = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  try {
    accessSync(path, constants.X_OK);
    return path;
  } catch {
    return undefined;
  }
}

function chromeSteps(url: string): string {
  return [
    'Chrome / Chromium:',
    '  1. Open chrome://extensions and switch on Developer mode (top right).',
    `  2. Click "Load unpacked" and choose ${chromeDir}`,
    `  3. Open ${url}, open DevTools (F12) and pick the "Exchange Lens" panel.`,
  ].join('\n');
}

function firefoxSteps(url: string): string {
  return [
    'Firefox (140 or later):',
    '  1. Open about:debugging#/runtime/this-firefox',
    `  2. Click "Load Temporary Add-on..." and choose ${firefoxManifest}`,
    `  3. Open ${url}, open DevTools (F12) and pick the "Exchange Lens" panel.`,
  ].join('\n');
}

const BUTTONS_NOTE =
  'Each button on the console page provokes a real exchange error; the panel explains it.';

async function launchChromium(executable: string, url: string): Promise<() => Promise<void>> {
  const profile = await mkdtemp(join(tmpdir(), 'exchange-lens-start-'));
  const args = [
    `--user-data-dir=${profile}`,
    '--no-first-run',
    '--no-default-browser-check',
    `--disable-extensions-except=${chromeDir}`,
    `--load-extension=${chromeDir}`,
    // Branded Chrome 137+ ignores --load-extension unless this feature is off.
    '--disable-features=DisableLoadExtensionCommandLineSwitch',
    '--auto-open-devtools-for-tabs',
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    url,
  ];
  const browser: ChildProcess = spawn(executable, args, { stdio: 'ignore' });
  const removeProfile = () => rm(profile, { recursive: true, force: true });
  browser.on('error', (error) => console.error(`Chromium did not start: ${error.message}`));
  browser.on('exit', (code) => {
    console.log(`Chromium exited (${code ?? 'signal'}); the mock keeps running. Ctrl-C to stop.`);
    removeProfile().catch(() => undefined);
  });
  return async () => {
    if (browser.exitCode === null && browser.signalCode === null) browser.kill('SIGTERM');
    await removeProfile();
  };
}

const exchange = await startExchange().catch((error: Error) => {
  console.error(`The mock exchange did not start: ${error.message}`);
  process.exit(1);
});
const built = existsSync(join(chromeDir, 'manifest.json')) && existsSync(firefoxManifest);
const display = process.env.DISPLAY || process.env.WAYLAND_DISPLAY;
const executable = chromiumPath();
let stopBrowser: (() => Promise<void>) | undefined;
const notes: string[] = [];

if (!built) notes.push('dist/ is missing or incomplete: run `npm run build` (npm start does it).');
if (display && built && executable) {
  stopBrowser = await launchChromium(executable, exchange.url);
  notes.push(`Chromium opened ${exchange.url} with dist/chrome loaded and DevTools open.`);
  notes.push('', firefoxSteps(exchange.url), '', BUTTONS_NOTE);
} else {
  if (!display) notes.push('No display (DISPLAY / WAYLAND_DISPLAY unset): no browser was started.');
  else if (!executable) notes.push('Chromium not found: set CHROMIUM_PATH to start it for you.');
  notes.push('To try the extension, load it by hand.', '');
  notes.push(chromeSteps(exchange.url), '', firefoxSteps(exchange.url), '', BUTTONS_NOTE);
}
console.log(`${notes.join('\n')}\n\nMock exchange: ${exchange.url} — console page; Ctrl-C to stop`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    Promise.all([stopBrowser?.(), exchange.close()]).finally(() => process.exit(0));
  });
}
