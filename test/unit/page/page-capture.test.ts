// Unit (Node, fake WebSocket, fake timers): what the wrapper records per socket, and how the
// relay gets it: nothing until live, history first on replay, batches afterwards.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CAPTURE_LIMITS } from '../../../src/page/capture-limits.ts';
import {
  type CapturedFrame,
  channelEvents,
  FRAME_LIMITS,
  isPageBatch,
  PAGE_TO_RELAY_EVENT,
  PROTOCOL_VERSION,
  RELAY_TO_PAGE_EVENT,
  SOURCE,
} from '../../../src/protocol/index.ts';
import { fakePage, TEST_CHANNEL } from './fake-page.ts';

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
    page.relay.command(true, true);

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
    page.relay.command(true, true);
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
    page.relay.command(true, true);
    expect(page.frames().map((f) => f.kind)).toEqual(['open']);
  });

  it('sends a Blob right away and records its bytes when read', async () => {
    vi.useRealTimers();
    const page = fakePage();
    const ws = new page.WebSocket(URL);
    ws.serverOpens();
    page.relay.command(true, false);
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
    page.relay.command(true, true);
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
    page.relay.command(true, true);
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

    page.relay.command(true, true);
    expect(page.batches.map((b) => [b.replay, b.frames.length])).toEqual([[true, 11]]);

    for (let i = 0; i < 5; i += 1) ws.serverSends(`{"px":${i}}`);
    expect(page.batches).toHaveLength(1);
    vi.advanceTimersByTime(CAPTURE_LIMITS.flushMs);
    expect(page.batches.map((b) => [b.replay, b.frames.length])).toEqual([
      [true, 11],
      [false, 5],
    ]);

    page.relay.command(false, false);
    ws.serverSends('{"px":1}');
    vi.advanceTimersByTime(1000);
    expect(page.batches).toHaveLength(2);
  });

  it('flushes an error-looking frame or a close on the next tick', () => {
    const page = fakePage();
    const ws = new page.WebSocket(URL);
    ws.serverOpens();
    page.relay.command(true, false);
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
    page.relay.command(true, false);
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
    page.relay.command(true, true);
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

  it('ignores commands the page forges on the public event names', () => {
    const page = fakePage();
    const ws = new page.WebSocket(URL);
    ws.serverOpens();
    const forged = {
      source: SOURCE.relay,
      v: PROTOCOL_VERSION,
      type: 'live',
      live: true,
      replay: true,
    };
    page.document.dispatchEvent(
      new CustomEvent(RELAY_TO_PAGE_EVENT, { detail: JSON.stringify(forged) }),
    );
    const handshake = {
      source: SOURCE.relay,
      v: PROTOCOL_VERSION,
      type: 'handshake',
      channel: 'ab'.repeat(16),
    };
    page.document.dispatchEvent(
      new CustomEvent(RELAY_TO_PAGE_EVENT, { detail: JSON.stringify(handshake) }),
    );
    page.document.dispatchEvent(
      new CustomEvent(`${RELAY_TO_PAGE_EVENT}:${'ab'.repeat(16)}`, {
        detail: JSON.stringify(forged),
      }),
    );
    vi.advanceTimersByTime(1000);
    expect(page.batches).toEqual([]);
    // ...and the page cannot see batches on the public name either.
    const seen: unknown[] = [];
    page.document.addEventListener(PAGE_TO_RELAY_EVENT, (event) => seen.push(event));
    page.relay.command(true, true);
    expect(page.batches).toHaveLength(1);
    expect(seen).toEqual([]);
  });

  it('links whichever of wrapper and relay starts first', () => {
    const page = fakePage({ relayFirst: true });
    expect(page.relay.linked).toBe(true);
    new page.WebSocket(URL).serverOpens();
    page.relay.command(true, true);
    expect(page.frames().map((f) => f.kind)).toEqual(['open']);
    expect(fakePage().relay.linked).toBe(true);
  });

  it('keeps capturing when the page later patches the globals it uses', () => {
    const page = fakePage();
    // The relay lives in the isolated world, out of the page's reach: its command is made now.
    const goLive = new CustomEvent(channelEvents(TEST_CHANNEL).toPage, {
      detail: JSON.stringify({
        source: SOURCE.relay,
        v: PROTOCOL_VERSION,
        type: 'live',
        live: true,
        replay: true,
      }),
    });
    // Raw batches as the relay's world would receive them; parsed once the patches are undone.
    const raw: string[] = [];
    page.document.addEventListener(channelEvents(TEST_CHANNEL).toRelay, (event) => {
      raw[raw.length] = (event as CustomEvent<string>).detail;
    });
    const dispatch = EventTarget.prototype.dispatchEvent;
    const saved = {
      stringify: JSON.stringify,
      parse: JSON.parse,
      add: EventTarget.prototype.addEventListener,
      slice: String.prototype.slice,
      indexOf: String.prototype.indexOf,
    };
    const trap = () => {
      throw new Error('page patch called');
    };
    try {
      JSON.stringify = trap;
      EventTarget.prototype.addEventListener = trap;
      String.prototype.indexOf = trap;
      String.prototype.slice = trap;
      Object.defineProperty(Object.prototype, 'toJSON', { value: trap, configurable: true });
      Object.defineProperty(Object.prototype, 'get', { value: trap, configurable: true });
      const ws = new page.WebSocket(URL);
      ws.serverOpens();
      ws.send('{"op":"order"}');
      ws.serverSends(`{"code":"1","data":"${'y'.repeat(CAPTURE_LIMITS.frameChars)}"}`);
      // JSON.parse is patched last: the relay's own parse runs in its world, the page's must not.
      JSON.parse = trap;
      EventTarget.prototype.dispatchEvent = trap;
      dispatch.call(page.document, goLive);
    } finally {
      Object.assign(JSON, { stringify: saved.stringify, parse: saved.parse });
      EventTarget.prototype.addEventListener = saved.add;
      EventTarget.prototype.dispatchEvent = dispatch;
      String.prototype.slice = saved.slice;
      String.prototype.indexOf = saved.indexOf;
      delete (Object.prototype as Record<string, unknown>).toJSON;
      delete (Object.prototype as Record<string, unknown>).get;
    }
    const batches = raw.map((detail) => JSON.parse(detail)).filter(isPageBatch);
    expect(batches.map((batch) => batch.frames.map((f) => f.kind).join())).toEqual([
      'open,send,receive',
    ]);
    expect(batches[0]?.frames[2]?.truncated).toBe(true);
  });

  it('never throws into the page, even for events it cannot read', () => {
    const page = fakePage();
    const ws = new page.WebSocket(URL);
    // A plain Event named "message"/"close" has no data/code getters: capture must swallow it.
    expect(() => ws.dispatchEvent(new Event('message'))).not.toThrow();
    expect(() => ws.dispatchEvent(new Event('close'))).not.toThrow();
  });
});
