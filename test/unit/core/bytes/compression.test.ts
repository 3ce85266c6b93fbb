import { deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compressionOf } from '../../../../src/core/bytes/compression.ts';

const frame = Buffer.from('{"ch":"market.btcusdt.depth.step0","ts":1700000000000,"tick":{}}');

describe('compressionOf', () => {
  it('reads gzip, zlib and raw deflate from the bytes as Node compresses them', () => {
    expect(compressionOf(gzipSync(frame))).toBe('gzip');
    expect(compressionOf(deflateSync(frame))).toBe('deflate');
    expect(compressionOf(deflateSync(frame, { level: 1 }))).toBe('deflate');
    expect(compressionOf(deflateSync(frame, { level: 9 }))).toBe('deflate');
    expect(compressionOf(deflateRawSync(frame))).toBe('deflate-raw');
  });

  it('leaves text and tiny frames alone', () => {
    expect(compressionOf(frame)).toBeUndefined();
    expect(compressionOf(Buffer.from('[1,2]'))).toBeUndefined();
    expect(compressionOf(new Uint8Array([0x1f]))).toBeUndefined();
    expect(compressionOf(new Uint8Array([]))).toBeUndefined();
  });
});
