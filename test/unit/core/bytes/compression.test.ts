import { deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { compressionOf, decodeInflated } from '../../../../src/core/bytes/compression.ts';

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

describe('decodeInflated', () => {
  const utf8 = (text: string) => new TextEncoder().encode(text);

  it('reads whole text as it is', () => {
    expect(decodeInflated(utf8('{"msg":"签名错误 €"}'))).toEqual({
      text: '{"msg":"签名错误 €"}',
      cut: false,
    });
  });

  it('drops a character cut in two at the end, says so, and keeps the rest as text', () => {
    const whole = utf8('{"msg":"签名€😀');
    for (const dropped of [1, 2, 3]) {
      // 😀 is 4 bytes: cut after 1, 2 or 3 of them.
      expect(decodeInflated(whole.subarray(0, whole.length - dropped))).toEqual({
        text: '{"msg":"签名€',
        cut: true,
      });
    }
    const beforeEuro = utf8('{"msg":"签名').length;
    expect(decodeInflated(whole.subarray(0, beforeEuro + 2))).toEqual({
      text: '{"msg":"签名',
      cut: true,
    });
  });

  it('says bytes that are not UTF-8 are not text', () => {
    // A protobuf market frame: 0x96 is a continuation byte with no lead.
    expect(decodeInflated(new Uint8Array([0x08, 0x96, 0x01, 0x12, 0x04, 0x42]))).toBeUndefined();
    expect(decodeInflated(new Uint8Array([0x7b, 0xff, 0x7d]))).toBeUndefined();
  });
});
