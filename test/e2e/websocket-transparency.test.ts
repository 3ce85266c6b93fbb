// End-to-end (Node driving real browsers): the WebSocket wrapper is invisible to the page (the
// page's own report is the same with and without the extension) and it really captures: the
// relay's port carries the page's frames once the extension side asks for them.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CapturedFrame, PORT, PROTOCOL_VERSION } from '../../src/protocol/index.ts';
import {
  CLOSE_CODE,
  CLOSE_REASON,
  ERROR_FRAME,
  refusedSocketUrl,
  type SocketServer,
  startSocketServer,
} from './pages/socket-server.ts';
import { transparencyPage } from './pages/transparency-page.ts';
import { locateBrowser, requireExecutable, suiteTitle } from './support/browsers.ts';
import { launchChromiumWithExtension } from './support/chromium.ts';
import { builtExtension } from './support/dist.ts';
import { launchFirefoxWithExtension, openExtensionPage } from './support/firefox.ts';
import { pollFor } from './support/poll.ts';
import { type StaticServer, startStaticServer } from './support/static-server.ts';

/**
 * An extension page (the popup, opened as a tab) doubles as a listener for relay ports: any
 * extension page receives runtime.onConnect from content scripts, like the hub does. Only its
 * document matters, not what the popup shows.
 */
const LISTENER_PAGE = '/src/popup/index.html';
const LISTENER_READY = 'body';

let sockets: SocketServer | undefined;
let site: StaticServer | undefined;

beforeAll(async () => {
  sockets = await startSocketServer();
  site = await startStaticServer({
    '/': transparencyPage(sockets.origin, await refusedSocketUrl()),
  });
});

afterAll(async () => {
  await site?.close();
  await sockets?.close();
});

function origins() {
  if (!site || !sockets) throw new Error('the local servers did not start');
  return { page: `${site.origin}/`, ws: sockets.origin };
}

/**
 * Loads the transparency page and returns the report the page built about its WebSocket. The
 * page stays open (its relay is what the capture checks talk to); closing the browser closes it.
 */
async function pageReport(browser: Browser): Promise<Record<string, unknown>> {
  const page = await browser.newPage();
  await page.goto(origins().page);
  await page.waitForFunction(() => document.getElementById('report')?.textContent !== '', {
    timeout: 30_000,
  });
  const text = await page.$eval('#report', (element) => element.textContent ?? '');
  return JSON.parse(text) as Record<string, unknown>;
}

/**
 * Registers a runtime.onConnect listener in an extension page: it records the relay's hello and
 * frames, as the hub would. Globals of the extension page only; the inspected page is untouched.
 */
async function listenForRelays(page: Page, portName: string) {
  await page.evaluate((name) => {
    const state = {
      hellos: [] as string[],
      frames: [] as unknown[],
      ports: [] as chrome.runtime.Port[],
    };
    (globalThis as unknown as { relays: typeof state }).relays = state;
    chrome.runtime.onConnect.addListener((port) => {
      if (port.name !== name) return;
      state.ports.push(port);
      port.onMessage.addListener((message) => {
        if (message.type === 'relay-hello') state.hellos.push(message.url);
        if (message.type === 'frames') state.frames.push(...message.frames);
      });
    });
  }, portName);
}

/** Switches every relay to live with replay, as the hub does when a panel opens. */
function goLive(page: Page) {
  return page.evaluate((v) => {
    const { relays } = globalThis as unknown as { relays: { ports: chrome.runtime.Port[] } };
    for (const port of relays.ports)
      port.postMessage({ v, type: 'live', live: true, replay: true });
    return relays.ports.length;
  }, PROTOCOL_VERSION);
}

/**
 * Asks for live + replay until the page's history arrives. Asked again on each poll because the
 * real hub also answers the relay's hello, possibly with live: false after us; replays are
 * de-duplicated by seq, as the panel does.
 */
async function captureThroughRelay(listener: Page): Promise<CapturedFrame[]> {
  const { frames } = await pollFor(
    async () => {
      const state = await relayState(listener);
      if (state.frames.some((f) => f.code === CLOSE_CODE)) return state;
      await goLive(listener);
      return undefined;
    },
    { what: 'captured frames on the relay port', timeoutMs: 15_000, intervalMs: 300 },
  );
  return frames;
}

function relayState(page: Page) {
  return page.evaluate(() => {
    const { relays } = globalThis as unknown as {
      relays: { hellos: string[]; frames: CapturedFrame[] };
    };
    return { hellos: relays.hellos, frames: relays.frames };
  });
}

/** What the panel would list, one line per frame, grouped by socket URL in seq order. */
function describeFrames(frames: CapturedFrame[]): Record<string, string[]> {
  const bySocket: Record<string, string[]> = {};
  for (const f of [...frames].sort((a, b) => a.seq - b.seq)) {
    const payload =
      f.kind === 'open'
        ? `protocol=${f.protocol}`
        : f.kind === 'close'
          ? `${f.code} ${f.reason} clean=${f.wasClean}`
          : (f.text ?? (f.binary !== undefined ? `base64:${f.binary}` : ''));
    const key = new URL(f.url).pathname;
    bySocket[key] = [...(bySocket[key] ?? []), `${f.kind} ${payload}`.trim()];
  }
  return bySocket;
}

function expectCaptured(frames: CapturedFrame[]) {
  // Like the panel: a frame replayed twice (same seq) counts once, and must be the same frame.
  const bySeq = new Map<number, CapturedFrame>();
  for (const frame of frames) {
    expect(bySeq.get(frame.seq) ?? frame).toEqual(frame);
    bySeq.set(frame.seq, frame);
  }
  const described = describeFrames([...bySeq.values()]);
  expect(described['/echo']).toEqual([
    // The first echo socket (the subclass's socket opens later, on the same path).
    'open protocol=v2.proto',
    'send hello',
    'receive hello',
    'send base64:AQID',
    'receive base64:AQID',
    'send base64:AgEEAw==',
    'receive base64:AgEEAw==',
    'send base64:CQgH',
    'receive base64:CQgH',
    'send base64:Bgc=',
    'receive base64:Bgc=',
    'close 4000 client bye clean=true',
    'open protocol=',
    'close 1005  clean=true',
  ]);
  expect(described['/close-4004']).toEqual([
    'open protocol=',
    `receive ${ERROR_FRAME}`,
    `close ${CLOSE_CODE} ${CLOSE_REASON} clean=true`,
  ]);
  expect(described['/']).toEqual(['error', 'close 1006  clean=false']);
}

type StackReport = Record<string, unknown>;
interface ThrownReport {
  lines: string[];
  ownNames: string[];
  stack?: unknown;
  fileName?: string;
  lineNumber?: number;
  columnNumber?: number;
}

/** The report without its `stacks`, and its stacks. */
function splitStacks(report: Record<string, unknown>): [Record<string, unknown>, StackReport] {
  const { stacks, ...rest } = report;
  return [rest, stacks as StackReport];
}

const THROWN = [
  'sendNoArgument',
  'sendIllegalInvocation',
  'sendWhileConnecting',
  'constructBadUrl',
  'constructNoArguments',
] as const;

/**
 * Exactly what a page can still observe of the wrapper in Chromium. Errors the browser throws
 * through a trap lose the trap's frame (V8's captureStackTrace keeps `stack` the same native
 * accessor), so they are the same as without it, except Function.prototype.toString on a
 * non-function, which also loses V8's "at Object.toString (<anonymous>)" line. Page code the
 * browser runs from inside a trap (a toString of the URL or the data) sees the trap's frame,
 * named after the wrapper's //# sourceURL, never the extension's id.
 */
function expectChromiumStacks(withExtension: StackReport, without: StackReport) {
  for (const name of THROWN) expect(withExtension[name]).toEqual(without[name]);
  const nonFunction = without.toStringOfObject as ThrownReport;
  expect(withExtension.toStringOfObject).toEqual({
    ...nonFunction,
    lines: nonFunction.lines.filter((line) => line !== '    at Object.toString (<anonymous>)'),
  });
  const frame =
    /^ {4}at Object\.\S+ \[as (construct|apply)\] \(exchange-lens:\/\/page-wrapper\.js:\d+:\d+\)$/;
  for (const name of ['insideConstruct', 'insideSend']) {
    const lines = withExtension[name] as string[];
    expect(lines[2]).toMatch(frame);
    expect(lines.filter((_, i) => i !== 2)).toEqual(without[name]);
  }
  expect(JSON.stringify(withExtension)).not.toContain('chrome-extension://');
}

/**
 * Exactly what a page can observe of the wrapper in Firefox, which has no way to drop a frame
 * without a trace (its captureStackTrace makes `stack` an own data property): errors thrown
 * through a trap start with one frame `name@<anonymous code>:1:column` (Firefox hides the
 * extension's URL), and their fileName / lineNumber / columnNumber are that frame's; page code
 * run from inside a trap sees the same frame. Everything else is as without the add-on.
 */
function expectFirefoxStacks(withExtension: StackReport, without: StackReport) {
  const frame = /^\w+@<anonymous code>:1:\d+$/;
  for (const name of [...THROWN, 'toStringOfObject']) {
    const got = withExtension[name] as ThrownReport;
    const plain = without[name] as ThrownReport;
    expect(got.lines[0]).toMatch(frame);
    expect(got.lines.slice(1)).toEqual(plain.lines);
    expect([got.ownNames, got.stack]).toEqual([plain.ownNames, plain.stack]);
    expect(got.fileName).toBe(plain.fileName === undefined ? undefined : '<anonymous code>');
    expect(got.lineNumber).toBe(1);
  }
  for (const name of ['insideConstruct', 'insideSend']) {
    const lines = withExtension[name] as string[];
    expect(lines[1]).toMatch(frame);
    expect(lines.filter((_, i) => i !== 1)).toEqual(without[name]);
  }
  expect(JSON.stringify(withExtension)).not.toContain('moz-extension://');
}

describe('built content scripts', () => {
  // A dynamic-import loader would run the wrapper after the page's scripts (Chromium) or not at
  // all (Firefox): both builds must name self-contained scripts, MAIN world first.
  it.each(['chrome', 'firefox'] as const)('are self-contained files in dist/%s', (target) => {
    const dir = builtExtension(target);
    const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
      content_scripts: { js: string[]; world?: string; run_at?: string }[];
    };
    const scripts = manifest.content_scripts.map(({ js, world, run_at }) => ({
      js,
      world,
      run_at,
    }));
    expect(scripts).toEqual([
      { js: ['src/page/main-world.js'], world: 'MAIN', run_at: 'document_start' },
      { js: ['src/content/relay.js'], world: undefined, run_at: 'document_start' },
    ]);
    for (const { js, world } of scripts) {
      const code = readFileSync(join(dir, js[0] ?? ''), 'utf8');
      expect(code).not.toMatch(/\bimport\s*\(|^\s*import\s|^\s*export\s/m);
      // The wrapper is strict throughout: its directive opens the classic script.
      expect(code.startsWith(world === 'MAIN' ? '"use strict";(function' : '(function')).toBe(true);
    }
  });
});

const chromium = locateBrowser('chromium');

describe.skipIf(chromium.skip)(suiteTitle('WebSocket capture in Chromium', chromium), () => {
  it('shows the page the same WebSocket with and without the extension, and captures it', async () => {
    const executablePath = requireExecutable(chromium);
    const userDataDir = await mkdtemp(join(tmpdir(), 'exchange-lens-plain-'));
    const plain = await puppeteer.launch({
      executablePath,
      headless: true,
      userDataDir,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
    });
    const without = await pageReport(plain).finally(async () => {
      await plain.close();
      await rm(userDataDir, { recursive: true, force: true });
    });

    const launched = await launchChromiumWithExtension(builtExtension('chrome'), executablePath);
    try {
      const listener = await launched.browser.newPage();
      await listener.goto(`chrome-extension://${launched.extensionId}${LISTENER_PAGE}`);
      await listenForRelays(listener, PORT.relay);
      const withExtension = await pageReport(launched.browser);

      expect(withExtension).not.toHaveProperty('failed');
      const [rest, stacks] = splitStacks(withExtension);
      const [plainRest, plainStacks] = splitStacks(without);
      expect(rest).toEqual(plainRest);
      expectChromiumStacks(stacks, plainStacks);

      // The relay said hello when the page loaded; live + replay brings the page's history.
      expect((await relayState(listener)).hellos).toContain(origins().page);
      expectCaptured(await captureThroughRelay(listener));
    } finally {
      await launched.close();
    }
  });
});

const firefox = locateBrowser('firefox');

describe.skipIf(firefox.skip)(suiteTitle('WebSocket capture in Firefox', firefox), () => {
  it('shows the page the same WebSocket with and without the add-on, and captures it', async () => {
    const executablePath = requireExecutable(firefox);
    const userDataDir = await mkdtemp(join(tmpdir(), 'exchange-lens-plain-'));
    const plain = await puppeteer.launch({
      browser: 'firefox',
      executablePath,
      headless: true,
      userDataDir,
    });
    const without = await pageReport(plain).finally(async () => {
      await plain.close();
      await rm(userDataDir, { recursive: true, force: true });
    });

    const launched = await launchFirefoxWithExtension(builtExtension('firefox'), executablePath);
    try {
      const { page: listener } = await openExtensionPage(
        launched.browser,
        launched.extensionUrl(LISTENER_PAGE),
        LISTENER_READY,
      );
      await listenForRelays(listener, PORT.relay);
      const withExtension = await pageReport(launched.browser);

      expect(withExtension).not.toHaveProperty('failed');
      const [rest, stacks] = splitStacks(withExtension);
      const [plainRest, plainStacks] = splitStacks(without);
      expect(rest).toEqual(plainRest);
      expectFirefoxStacks(stacks, plainStacks);

      expect((await relayState(listener)).hellos).toContain(origins().page);
      expectCaptured(await captureThroughRelay(listener));
    } finally {
      await launched.close();
    }
  });
});
