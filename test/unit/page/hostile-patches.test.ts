// Unit (Node, fake WebSocket, fake timers): a page that patches built-ins after the wrapper
// started (forging accessors on Object.prototype, throwing Array, JSON, String and Promise
// methods) changes nothing the wrapper records and is never called by it. The browser test
// (test/e2e/hostile-page.test.ts) adds accessors on array indices and many more.
import { describe, expect, it } from 'vitest';
import { CAPTURE_LIMITS } from '../../../src/page/capture-limits.ts';
import { type CaptureTarget, installCapture } from '../../../src/page/install-capture.ts';
import {
  type CapturedFrame,
  isPageBatch,
  LINK_EVENTS,
  PAGE_TO_RELAY_EVENT,
} from '../../../src/protocol/index.ts';
import { type FakeMouseEvent, openShadow } from '../../support/fake-dom.ts';
import { fakeGlobals } from '../../support/fake-page.ts';

const URL = 'wss://ws.example/ws/v5/private';

/** Fields of a frame and of the wrapper's records, with what a page's getter would forge. */
const FORGED: Record<string, unknown> = {
  text: '{"event":"error","code":"60009","msg":"forged"}',
  code: 4001,
  reason: 'forged',
  wasClean: true,
  size: 1,
  binary: 'Zm9yZ2Vk',
  truncated: true,
  protocol: 'forged',
  seq: 2 ** 53 - 1,
  kind: 'close',
  refused: false,
  url: 'wss://forged/',
  socket: 99,
  time: 1,
  frame: undefined,
  cost: 0,
  important: true,
  pending: true,
  evicted: true,
  detail: 'forged',
  relatedTarget: undefined,
  mode: 'open',
  toJSON: undefined,
};

/** Installs the patches; returns how often each was called, and an undo. */
function patch() {
  const calls: Record<string, number> = Object.create(null);
  const count = (name: string) => {
    calls[name] = (calls[name] ?? 0) + 1;
  };
  const undo: (() => void)[] = [];
  const define = (target: object, key: PropertyKey, descriptor: PropertyDescriptor) => {
    const before = Object.getOwnPropertyDescriptor(target, key);
    Object.defineProperty(target, key, { ...descriptor, configurable: true });
    // Not undo.push(): Array.prototype.push is about to be patched too.
    undo[undo.length] = () => {
      if (before) Object.defineProperty(target, key, before);
      else delete (target as Record<PropertyKey, unknown>)[key];
    };
  };
  for (const [name, forged] of Object.entries(FORGED)) {
    define(Object.prototype, name, {
      get() {
        count(`Object.prototype.${name}`);
        return forged;
      },
      set() {
        count(`Object.prototype.${name}=`);
        throw new Error(`patched ${name}`);
      },
    });
  }
  // (Accessors on Array.prototype's indices are left to the browser test: Node's own internals
  // write to arrays through them.)
  const throwing = (target: object, name: PropertyKey, label: string) =>
    define(target, name, {
      value() {
        count(label);
        throw new Error(`patched ${label}`);
      },
      writable: true,
    });
  for (const name of ['slice', 'push', 'map', 'filter', 'forEach', 'join', 'concat', 'splice']) {
    throwing(Array.prototype, name, `Array.prototype.${name}`);
  }
  throwing(Array.prototype, Symbol.iterator, 'Array.prototype[Symbol.iterator]');
  throwing(JSON, 'stringify', 'JSON.stringify');
  throwing(Promise.prototype, 'then', 'Promise.prototype.then');
  throwing(String.prototype, 'slice', 'String.prototype.slice');
  throwing(Number.prototype, 'toString', 'Number.prototype.toString');
  return {
    calls,
    restore: () => {
      for (let i = undo.length - 1; i >= 0; i -= 1) (undo[i] as () => void)();
    },
  };
}

/**
 * The page's timers, run by hand: vitest's fake timers are JavaScript that uses Array methods,
 * which the patches would break (a browser's timers run no page-visible code).
 */
function handTimers() {
  const pending: Record<number, () => void> = Object.create(null);
  let next = 1;
  return {
    setTimeout: ((fn: () => void) => {
      pending[next] = fn;
      next += 1;
      return next - 1;
    }) as unknown as typeof setTimeout,
    clearTimeout: ((id: number) => {
      delete pending[id];
    }) as unknown as typeof clearTimeout,
    /** Runs every timer due, and those they set, until none is left. */
    runAll() {
      for (let rounds = 0; rounds < 100; rounds += 1) {
        let ran = false;
        for (const id in pending) {
          const fn = pending[id] as () => void;
          delete pending[id];
          fn();
          ran = true;
        }
        if (!ran) return;
      }
    },
  };
}

describe('a page patching built-ins after the wrapper', () => {
  it('changes nothing the wrapper records, and is never called', () => {
    const { global } = fakeGlobals();
    const timers = handTimers();
    global.setTimeout = timers.setTimeout;
    global.clearTimeout = timers.clearTimeout;
    let host: unknown;
    global.document.addEventListener(PAGE_TO_RELAY_EVENT, (event) => {
      host = (event as FakeMouseEvent).relatedTarget;
    });
    installCapture(global as unknown as CaptureTarget);
    // A minimal relay on the link: a prototype-less store of raw details, read after the patches
    // are undone (the real relay runs in another world, out of the page's reach).
    const root = openShadow(host) as EventTarget;
    const raw: Record<number, string> & { n: number } = Object.assign(Object.create(null), {
      n: 0,
    });
    root.addEventListener(LINK_EVENTS.frames, (event) => {
      raw[raw.n] = (event as CustomEvent<string>).detail;
      raw.n += 1;
    });
    root.dispatchEvent(new CustomEvent(LINK_EVENTS.command, { detail: 'live' }));
    const long = `{"code":"1","data":"${'y'.repeat(CAPTURE_LIMITS.frameChars)}"}`;
    const bytes = new Uint8Array([1, 2, 3]);

    const { calls, restore } = patch();
    let thrown: unknown;
    try {
      const ws = new global.WebSocket(URL);
      ws.serverOpens('v2');
      ws.send('{"op":"order"}');
      ws.send(bytes);
      ws.serverSends('{"event":"error","code":"60012","msg":"Invalid request"}');
      ws.serverSends(long);
      ws.closes(4004, 'gone', true);
      ws.send('after close');
      timers.runAll();
    } catch (error) {
      thrown = error;
    } finally {
      restore();
    }
    expect(thrown).toBeUndefined();
    expect({ ...calls }).toEqual({});

    const frames: CapturedFrame[] = [];
    for (let i = 0; i < raw.n; i += 1) {
      const batch = JSON.parse(raw[i] as string);
      expect(isPageBatch(batch)).toBe(true);
      frames.push(...batch.frames);
    }
    expect(frames.map(({ seq, time, url, ...rest }) => rest)).toEqual([
      { socket: 1, kind: 'open', protocol: 'v2' },
      { socket: 1, kind: 'send', text: '{"op":"order"}', size: 14 },
      { socket: 1, kind: 'send', binary: 'AQID', size: 3 },
      {
        socket: 1,
        kind: 'receive',
        text: '{"event":"error","code":"60012","msg":"Invalid request"}',
        size: 56,
      },
      {
        socket: 1,
        kind: 'receive',
        text: long.slice(0, CAPTURE_LIMITS.frameChars),
        size: long.length,
        truncated: true,
      },
      { socket: 1, kind: 'close', code: 4004, reason: 'gone', wasClean: true },
      { socket: 1, kind: 'send', text: 'after close', size: 11, refused: true },
    ]);
    expect(frames.map((f) => f.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(new Set(frames.map((f) => f.url))).toEqual(new Set([URL]));
  });
});
