// The panel holds what DevTools hands it to the page's own per-frame cap: logged WebSocket
// messages and HTTP bodies are cut, say by how much, and the kept part is what rows, previews
// and detection read.
import { describe, expect, it } from 'vitest';
import { base64Bytes } from '../../../../src/core/bytes/base64.ts';
import { createDetector } from '../../../../src/core/index.ts';
import { CAPTURE_LIMITS } from '../../../../src/page/capture-limits.ts';
import { keptBase64, keptText } from '../../../../src/panel/traffic/kept-payload.ts';
import { createTrafficSession } from '../../../../src/panel/traffic/traffic-session.ts';
import { PAYLOAD_CAP } from '../../../../src/protocol/index.ts';
import { fakeClock } from '../support/fake-clock.ts';
import { harEntry, harSocket, T0 } from '../support/frames.ts';

const MB = 1024 * 1024;
const bigBook = (mb: number) => `{"arg":{"channel":"books"},"data":"${'x'.repeat(mb * MB)}"}`;

describe('the per-frame cap', () => {
  it("is one number, the page's and the panel's", () => {
    expect(CAPTURE_LIMITS.frameChars).toBe(PAYLOAD_CAP.chars);
    expect(CAPTURE_LIMITS.frameBytes).toBe(PAYLOAD_CAP.bytes);
  });

  it('cuts text to the cap without splitting a surrogate pair, and says how much there was', () => {
    const text = `${'a'.repeat(PAYLOAD_CAP.chars - 1)}😀tail`;
    expect(keptText(text)).toEqual({
      text: 'a'.repeat(PAYLOAD_CAP.chars - 1),
      size: text.length,
      truncated: true,
    });
    expect(keptText('{"code":"60012"}')).toEqual({
      text: '{"code":"60012"}',
      size: 16,
      truncated: false,
    });
  });

  it('cuts binary to exactly the cap in bytes', () => {
    const bytes = new Uint8Array(PAYLOAD_CAP.bytes + 1000).map((_, i) => i % 251);
    const kept = keptBase64(Buffer.from(bytes).toString('base64'));
    expect(kept.size).toBe(bytes.length);
    expect(kept.truncated).toBe(true);
    expect([...base64Bytes(kept.binary)]).toEqual([...bytes.subarray(0, PAYLOAD_CAP.bytes)]);
  });
});

describe('what DevTools logged, kept', () => {
  function setup() {
    const time = fakeClock(T0);
    const created = createTrafficSession({ clock: time.clock, fallbackDelayMs: 1_500 });
    return { session: created, time };
  }

  it("keeps a socket's 3 MB messages (the wrapper never saw it) at the cap, with their size", () => {
    const { session, time } = setup();
    const book = bigBook(3);
    const binary = Buffer.alloc(2 * MB, 7).toString('base64');
    session.ingestHar(
      harSocket('wss://ws.okx.com:8443/ws/v5/public', [
        { type: 'receive', opcode: 1, data: book },
        { type: 'receive', opcode: 2, data: binary },
        { type: 'receive', opcode: 1, data: '{"event":"error","code":"60012","msg":"Invalid"}' },
      ]),
    );
    time.advance(1_600);
    const [, text, bytes, error] = session.snapshot().rows;
    expect(text?.payload).toMatchObject({ size: book.length, truncated: true });
    expect(text?.payload?.text).toBe(book.slice(0, PAYLOAD_CAP.chars));
    expect(text?.size).toBe(book.length);
    expect(bytes?.payload).toMatchObject({ size: 2 * MB, truncated: true });
    expect(base64Bytes(bytes?.payload?.binary ?? '')).toHaveLength(PAYLOAD_CAP.bytes);
    expect(error?.findings[0]?.code).toBe('60012');
    const held = session.snapshot().rows.reduce((sum, row) => sum + row.weight, 0);
    expect(held).toBeLessThan(3 * PAYLOAD_CAP.bytes);
  });

  it('keeps an HTTP body at the cap and still reads an error envelope at its head', () => {
    const detector = createDetector();
    const { session } = setup();
    session.setDetector(detector);
    const body = `{"code":-1003,"msg":"Too many requests; current limit is 2400.","data":"${'y'.repeat(2 * MB)}"}`;
    session.ingestHar(
      harEntry({ url: 'http://119.8.50.236:8088/fapi/v1/order', status: 429 }),
      body,
    );
    session.flushNow();
    const [row] = session.snapshot().rows;
    expect(row?.payload).toMatchObject({ size: body.length, truncated: true });
    expect(row?.payload?.text).toHaveLength(PAYLOAD_CAP.chars);
    expect(row?.findings.map((finding) => finding.code)).toContain('-1003');
  });
});
