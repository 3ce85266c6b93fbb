// Unit (Node, fake WebSocket, fake timers): what the wrapper records per socket, and how the
// relay gets it: nothing until live, history first on replay, batches afterwards.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CAPTURE_LIMITS } from '../../../src/page/capture-limits.ts';
import { type CaptureTarget, installCapture } from '../../../src/page/install-capture.ts';
import {
  type CapturedFrame,
  FRAME_LIMITS,
  isPageBatch,
  LINK_EVENTS,
  PAGE_TO_RELAY_EVENT,
  RELAY_TO_PAGE_EVENT,
} from '../../../src/protocol/index.ts';
import { FakeElement, FakeMouseEvent, openShadow } from '../../support/fake-dom.ts';
import { fakeGlobals, fakePage } from '../../support/fake-page.ts';
import { FakeCloseEvent } from '../../support/fake-web-socket.ts';

const URL = 'wss://ws.example/ws/v5/private';

function summary(frames: CapturedFrame[]) {
  return frames.map(({ seq, time, url, ...rest }) => rest);
}

describe('page capture', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('records open, sends, receives, errors and closes with their details', () => {
    const page = fakePage();
    const ws = new page.WebSocket(URL, ['v2']);
    ws.serverOpens('v2');
    ws.send('{"op":"login"}');
    ws.send(new Uint8Array([5, 6, 7, 8]).subarray(1, 3));
    ws.send(new DataView(new Uint8Array([1, 2, 3, 4]).buffer, 2, 2));
    ws.send(new Uint8Array([1, 2, 3]).buffer);
    ws.serverSends('{"event":"login","code":"0"}');
    ws.binaryType = 'arraybuffer';
    ws.serverSends(new Uint8Array([255, 0]));
    ws.fails();
    ws.closes(4004, 'gone', false);
    page.relay.forwardLive(true, true);

    expect(summary(page.frames())).toEqual([
      { socket: 1, kind: 'open', protocol: 'v2' },
      { socket: 1, kind: 'send', text: '{"op":"login"}', size: 14 },
      { socket: 1, kind: 'send', binary: 'Bgc=', size: 2 },
      { socket: 1, kind: 'send', binary: 'AwQ=', size: 2 },
      { socket: 1, kind: 'send', binary: 'AQID', size: 3 },
      { socket: 1, kind: 'receive', text: '{"event":"login","code":"0"}', size: 28 },
      { socket: 1, kind: 'receive', binary: '/wA=', size: 2 },
      { socket: 1, kind: 'error' },
      { socket: 1, kind: 'close', code: 4004, reason: 'gone', wasClean: false },
    ]);
    const frames = page.frames();
    expect(frames.map((f) => f.seq)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(new Set(frames.map((f) => f.url))).toEqual(new Set([URL]));
    // Epoch milliseconds from the Date.now captured at start.
    expect(Math.abs((frames[0]?.time ?? 0) - Date.now())).toBeLessThan(60_000);
    expect(page.batches.every((batch) => isPageBatch(batch) && batch.replay)).toBe(true);
  });

  it('numbers sockets per document and seq across them', () => {
    const page = fakePage();
    const a = new page.WebSocket(URL);
    const b = new page.WebSocket(`${URL}?b`);
    a.serverOpens();
    b.serverOpens();
    page.relay.forwardLive(true, true);
    expect(page.frames().map((f) => [f.seq, f.socket])).toEqual([
      [1, 1],
      [2, 2],
    ]);
  });

  it('does not record a send the browser refused', () => {
    const page = fakePage();
    const ws = new page.WebSocket(URL);
    expect(() => ws.send('too early')).toThrow();
    ws.serverOpens();
    page.relay.forwardLive(true, true);
    expect(page.frames().map((f) => f.kind)).toEqual(['open']);
  });

  it('sends a Blob right away and records its bytes when read', async () => {
    vi.useRealTimers();
    const page = fakePage();
    const ws = new page.WebSocket(URL);
    ws.serverOpens();
    page.relay.forwardLive(true, false);
    const blob = new Blob([new Uint8Array([9, 8, 7])]);
    ws.send(blob);
    expect(ws.wire).toEqual([blob]);
    ws.serverSends(new Uint8Array([1, 2])); // binaryType blob: a Blob arrives
    await vi.waitFor(() => expect(page.frames().length).toBe(2), { timeout: 2000 });
    expect(summary(page.frames())).toEqual([
      { socket: 1, kind: 'send', binary: 'CQgH', size: 3 },
      { socket: 1, kind: 'receive', binary: 'AQI=', size: 2 },
    ]);
  });

  it('cuts payloads at the per-frame cap and says so', () => {
    const page = fakePage();
    const ws = new page.WebSocket(URL);
    ws.serverOpens();
    const long = `${'x'.repeat(CAPTURE_LIMITS.frameChars - 1)}😀tail`;
    ws.serverSends(long);
    ws.binaryType = 'arraybuffer';
    ws.serverSends(new Uint8Array(CAPTURE_LIMITS.frameBytes + 10));
    page.relay.forwardLive(true, true);
    const [, text, binary] = page.frames();
    expect(text?.truncated).toBe(true);
    expect(text?.size).toBe(long.length);
    // The cut does not split the emoji's surrogate pair.
    expect(text?.text).toBe('x'.repeat(CAPTURE_LIMITS.frameChars - 1));
    expect(binary?.truncated).toBe(true);
    expect(binary?.size).toBe(CAPTURE_LIMITS.frameBytes + 10);
    expect(Buffer.from(binary?.binary ?? '', 'base64').length).toBe(CAPTURE_LIMITS.frameBytes);
  });

  it('keeps batches valid for the relay when a URL is longer than the relay accepts', () => {
    const page = fakePage();
    const ws = new page.WebSocket(`${URL}?token=${'t'.repeat(FRAME_LIMITS.maxUrl)}`);
    ws.serverOpens();
    page.relay.forwardLive(true, true);
    expect(page.frames().map((f) => [f.kind, f.url.length])).toEqual([
      ['open', FRAME_LIMITS.maxUrl],
    ]);
  });

  it('sends nothing until live, then history first, then live batches; stops when told', () => {
    const page = fakePage();
    const ws = new page.WebSocket(URL);
    ws.serverOpens();
    for (let i = 0; i < 10; i += 1) ws.serverSends(`{"px":${i}}`);
    vi.advanceTimersByTime(1000);
    expect(page.batches).toEqual([]);

    page.relay.forwardLive(true, true);
    expect(page.batches.map((b) => [b.replay, b.frames.length])).toEqual([[true, 11]]);

    for (let i = 0; i < 5; i += 1) ws.serverSends(`{"px":${i}}`);
    expect(page.batches).toHaveLength(1);
    vi.advanceTimersByTime(CAPTURE_LIMITS.flushMs);
    expect(page.batches.map((b) => [b.replay, b.frames.length])).toEqual([
      [true, 11],
      [false, 5],
    ]);

    page.relay.forwardLive(false, false);
    ws.serverSends('{"px":1}');
    vi.advanceTimersByTime(1000);
    expect(page.batches).toHaveLength(2);
  });

  it('flushes an error-looking frame or a close on the next tick', () => {
    const page = fakePage();
    const ws = new page.WebSocket(URL);
    ws.serverOpens();
    page.relay.forwardLive(true, false);
    vi.advanceTimersByTime(0);
    const before = page.batches.length;
    ws.serverSends('{"event":"error","code":"60012","msg":"Invalid request"}');
    vi.advanceTimersByTime(0);
    expect(page.batches.length).toBe(before + 1);
    ws.closes(1006, '', false);
    vi.advanceTimersByTime(0);
    expect(page.batches.at(-1)?.frames.map((f) => f.kind)).toEqual(['close']);
  });

  it("flushes Bybit's errors at once too: retCode, and op replies that carry no code", () => {
    const page = fakePage();
    const ws = new page.WebSocket(URL);
    ws.serverOpens();
    page.relay.forwardLive(true, false);
    vi.advanceTimersByTime(0);
    for (const frame of [
      '{"retCode":10404,"retMsg":"op type is not found","op":"order.create"}',
      '{"success":false,"ret_msg":"Params Error","op":"auth","conn_id":"c"}',
    ]) {
      const before = page.batches.length;
      ws.serverSends(frame);
      vi.advanceTimersByTime(0);
      expect(page.batches.length).toBe(before + 1);
    }
  });

  it('keeps errors through a flood and reports what the history dropped', () => {
    const page = fakePage();
    const ws = new page.WebSocket(URL);
    ws.serverOpens();
    ws.serverSends('{"code":"51008","msg":"Insufficient balance"}');
    for (let i = 0; i < CAPTURE_LIMITS.historyMessages + 500; i += 1) ws.serverSends(`{"px":${i}}`);
    page.relay.forwardLive(true, true);
    vi.advanceTimersByTime(5);
    const frames = page.frames();
    expect(frames.map((f) => f.text).slice(0, 3)).toEqual([
      undefined,
      '{"code":"51008","msg":"Insufficient balance"}',
      '{"px":500}',
    ]);
    expect(frames).toHaveLength(CAPTURE_LIMITS.historyMessages + 2);
    expect(page.batches.every((b) => b.dropped === 500)).toBe(true);
  });

  it('records nothing the page dispatches on its own sockets', () => {
    const page = fakePage();
    const ws = new page.WebSocket(URL);
    ws.serverOpens();
    page.relay.forwardLive(true, false);
    // Events a page script dispatches are untrusted: the network carried none of them.
    ws.dispatchEvent(new MessageEvent('message', { data: '{"event":"error","code":"60009"}' }));
    ws.dispatchEvent(new FakeCloseEvent('close', { code: 4001, reason: 'forged', wasClean: true }));
    ws.dispatchEvent(new Event('error'));
    ws.dispatchEvent(new Event('open'));
    const never = new page.WebSocket(`${URL}?never`);
    never.dispatchEvent(new MessageEvent('message', { data: '{"code":"60009"}' }));
    ws.serverSends('{"code":"0","msg":"real"}');
    vi.advanceTimersByTime(1000);
    expect(page.frames().map((f) => [f.kind, f.text])).toEqual([
      ['receive', '{"code":"0","msg":"real"}'],
    ]);
  });

  it('marks a send on a closing or closed socket as refused, not sent', () => {
    const page = fakePage();
    const ws = new page.WebSocket(URL);
    ws.serverOpens();
    ws.send('{"op":"order"}');
    ws.close(1000);
    ws.send('{"op":"after close"}');
    ws.send(new Uint8Array([1, 2, 3]));
    page.relay.forwardLive(true, true);
    expect(summary(page.frames())).toEqual([
      { socket: 1, kind: 'open', protocol: '' },
      { socket: 1, kind: 'send', text: '{"op":"order"}', size: 14 },
      { socket: 1, kind: 'send', text: '{"op":"after close"}', size: 20, refused: true },
      { socket: 1, kind: 'send', size: 3, refused: true },
    ]);
    expect(ws.wire).toEqual(['{"op":"order"}']);
  });

  it('links whichever of wrapper and relay starts first, once', () => {
    const relayFirst = fakePage({ relayFirst: true });
    expect(relayFirst.relay.probe()).toBe('capturing');
    expect(relayFirst.linked()).toBe(1);
    new relayFirst.WebSocket(URL).serverOpens();
    relayFirst.relay.forwardLive(true, true);
    expect(relayFirst.frames().map((f) => f.kind)).toEqual(['open']);
    const wrapperFirst = fakePage();
    expect(wrapperFirst.relay.probe()).toBe('capturing');
    expect(wrapperFirst.linked()).toBe(1);
  });

  it('answers no announcement or request once linked, and keeps capturing after them', () => {
    const page = fakePage();
    const ws = new page.WebSocket(URL);
    ws.serverOpens();
    const heard: Event[] = [];
    page.document.addEventListener(PAGE_TO_RELAY_EVENT, (event) => heard.push(event));
    page.document.addEventListener(RELAY_TO_PAGE_EVENT, (event) => heard.push(event));
    // A page script asks the wrapper to announce itself, and announces its own element.
    page.document.dispatchEvent(new CustomEvent(RELAY_TO_PAGE_EVENT));
    const decoy = new FakeElement();
    decoy.attachShadow({ mode: 'closed' });
    page.document.dispatchEvent(new FakeMouseEvent(PAGE_TO_RELAY_EVENT, { relatedTarget: decoy }));
    expect(heard.map((event) => event.type)).toEqual([RELAY_TO_PAGE_EVENT, PAGE_TO_RELAY_EVENT]);
    page.relay.forwardLive(true, true);
    expect(page.frames().map((f) => f.kind)).toEqual(['open']);
    expect(page.relay.probe()).toBe('capturing');
  });

  it('links and says so even when the page has no WebSocket to wrap', () => {
    const { global } = fakeGlobals();
    let host: unknown;
    global.document.addEventListener(PAGE_TO_RELAY_EVENT, (event) => {
      host = (event as FakeMouseEvent).relatedTarget;
    });
    (global as { WebSocket: unknown }).WebSocket = undefined;
    expect(installCapture(global as unknown as CaptureTarget)).toBe(false);
    const states: unknown[] = [];
    const ping = () => {
      const root = openShadow(host);
      root?.addEventListener(LINK_EVENTS.state, (event) => {
        states.push((event as CustomEvent).detail);
      });
      root?.dispatchEvent(new CustomEvent(LINK_EVENTS.ping));
    };
    ping();
    const { global: other } = fakeGlobals();
    Object.defineProperty(other, 'WebSocket', { value: other.WebSocket, writable: false });
    other.document.addEventListener(PAGE_TO_RELAY_EVENT, (event) => {
      host = (event as FakeMouseEvent).relatedTarget;
    });
    expect(installCapture(other as unknown as CaptureTarget)).toBe(false);
    ping();
    expect(states).toEqual(['not-wrapped', 'not-wrapped']);
  });

  it('never throws into the page, even for events it cannot read', () => {
    const page = fakePage();
    const ws = new page.WebSocket(URL);
    // A plain Event named "message"/"close" has no data/code getters: capture must swallow it.
    expect(() => ws.dispatchEvent(new Event('message'))).not.toThrow();
    expect(() => ws.dispatchEvent(new Event('close'))).not.toThrow();
  });
});
