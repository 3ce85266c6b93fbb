// Compressed binary frames are inflated with DecompressionStream before their row is built:
// explained like text, in arrival order, bounded, and left as hex when they only looked
// compressed.
import { deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { inflateFrame } from '../../../../src/cli/inflate-frame.ts';
import { compressionOf, INFLATE_LIMITS } from '../../../../src/core/bytes/compression.ts';
import { createTrafficSession } from '../../../../src/panel/traffic/traffic-session.ts';
import { fakeClock } from '../support/fake-clock.ts';
import { frame, okxError, resetSeqs, T0, tabFrames } from '../support/frames.ts';

const CHANNEL_ERROR = okxError(
  '60018',
  "Wrong URL or channel:tickerz,instId:BTC-USDT doesn't exist. Please use the correct URL, channel and parameters referring to API document.",
);
const binary = (bytes: Uint8Array, overrides: Parameters<typeof frame>[0] = {}) =>
  frame({
    kind: 'receive',
    binary: Buffer.from(bytes).toString('base64'),
    size: bytes.length,
    ...overrides,
  });

function start() {
  const session = createTrafficSession({ clock: fakeClock(T0).clock });
  /** Feeds frames and waits until `count` rows are in the store. */
  async function feed(frames: ReturnType<typeof frame>[], count: number) {
    session.ingestFrames(tabFrames(frames));
    await vi.waitFor(() => {
      session.flushNow();
      expect(session.snapshot().rows).toHaveLength(count);
    });
    return session.snapshot().rows;
  }
  return { session, feed };
}

beforeEach(resetSeqs);

describe('compressed frames', () => {
  it('explains a gzip error frame, says what it inflated from, and keeps arrival order', async () => {
    const { feed } = start();
    const compressed = gzipSync(CHANNEL_ERROR);
    const rows = await feed(
      [received('{"event":"subscribe"}'), binary(compressed), received('after')],
      3,
    );
    expect(rows.map((row) => row.preview)).toEqual([
      '{"event":"subscribe"}',
      `${CHANNEL_ERROR.slice(0, 159)}…`,
      'after',
    ]);
    const [, error] = rows;
    expect(error?.findings.map((f) => [f.exchange, f.code])).toEqual([['okx', '60018']]);
    expect(error?.level).toBe('error');
    expect(error?.payload?.inflated).toEqual({
      format: 'gzip',
      text: CHANNEL_ERROR,
      fromBytes: compressed.length,
      bytes: CHANNEL_ERROR.length,
    });
    // The compressed bytes stay for the hex view.
    expect(error?.payload?.binary).toBe(compressed.toString('base64'));
  });

  it('inflates zlib and raw deflate (older OKX streams) too', async () => {
    const { feed } = start();
    const rows = await feed(
      [binary(deflateSync(CHANNEL_ERROR)), binary(deflateRawSync(CHANNEL_ERROR))],
      2,
    );
    expect(rows.map((row) => [row.payload?.inflated?.format, row.findings[0]?.code])).toEqual([
      ['deflate', '60018'],
      ['deflate-raw', '60018'],
    ]);
  });

  it('leaves a frame that only looked like raw deflate as hex', async () => {
    const { feed } = start();
    // A protobuf-ish market frame: no gzip or zlib header, a valid-looking first deflate block.
    const bytes = Uint8Array.from([
      0x08, 0x96, 0x01, 0x12, 0x07, 0x42, 0x54, 0x43, 0x55, 0x53, 0x44, 0x54, 0x18, 0x01,
    ]);
    expect(compressionOf(bytes)).toBe('deflate-raw');
    const [row] = await feed([binary(bytes)], 1);
    expect(row?.payload?.inflated).toBeUndefined();
    expect(row?.preview).toBe('binary, 14 bytes: 08 96 01 12 07 42 54 43 55 53 44 54 18 01');
  });

  it('cuts a compression bomb at the output bound and says so', async () => {
    const { feed } = start();
    const bomb = gzipSync(Buffer.alloc(3 * INFLATE_LIMITS.maxOutputBytes, 0x20));
    const [row] = await feed([binary(bomb)], 1);
    expect(row?.payload?.inflated).toMatchObject({
      format: 'gzip',
      bytes: INFLATE_LIMITS.maxOutputBytes,
      cut: true,
    });
  });

  it('reads a bomb cut inside a character as text, explained, as the CLI reads it', async () => {
    const { feed } = start();
    // OKX's Chinese message padded with € (3 bytes): the 4 MB bound falls inside one.
    const error = JSON.stringify({ event: 'error', code: '60012', msg: '不合法的请求' });
    const padded = `${error.slice(0, -1)},"pad":"${'€'.repeat(INFLATE_LIMITS.maxOutputBytes / 3 + 10)}"}`;
    const head = Buffer.byteLength(`${error.slice(0, -1)},"pad":"`);
    expect((INFLATE_LIMITS.maxOutputBytes - head) % 3).not.toBe(0);
    const bomb = gzipSync(padded);
    const [row] = await feed([binary(bomb)], 1);
    const inflated = row?.payload?.inflated;
    expect(inflated).toMatchObject({ format: 'gzip', cut: true });
    expect(inflated?.text?.startsWith(`${error.slice(0, -1)},"pad":"€€€`)).toBe(true);
    expect(inflated?.text?.endsWith('€')).toBe(true);
    expect(row?.findings.map((f) => f.code)).toEqual(['60012']);
    const cli = await inflateFrame(bomb);
    expect(cli).toMatchObject({ compression: 'gzip', cut: true });
    expect(cli?.data).toBe(inflated?.text);
  });

  it('shows what came out of a compressed frame the capture cut short', async () => {
    const { feed } = start();
    const long = JSON.stringify({ arg: { channel: 'books' }, data: 'x'.repeat(50_000) });
    const whole = gzipSync(long, { level: 0 });
    const cut = whole.subarray(0, whole.length >> 1);
    const [row] = await feed([binary(cut, { truncated: true, size: whole.length })], 1);
    expect(row?.payload?.inflated?.cut).toBe(true);
    expect(row?.payload?.inflated?.text?.startsWith('{"arg":{"channel":"books"}')).toBe(true);
  });
});

function received(text: string) {
  return frame({ kind: 'receive', text, size: text.length });
}
