// Unit (Node): the byte arena never writes over a frame the page's history still holds, whatever
// the sizes and the mix of text and binary frames, as it grows and once it wraps.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { arenaCapacity, createByteArena } from '../../../src/page/byte-arena.ts';
import type { FrameEntry } from '../../../src/page/frame-entry.ts';
import { base64Length } from '../../../src/page/native-bytes.ts';
import { captureNatives } from '../../../src/page/natives.ts';
import { createPageHistory } from '../../../src/page/page-history.ts';
import { fakeGlobals } from '../../support/fake-page.ts';
import { entry, list, toArray } from './entries.ts';

const n = captureNatives(fakeGlobals().global as never);
const LIMITS = { historyMessages: 300, historyChars: 256 * 1024, keptFrames: 10, keptChars: 1000 };
const FRAME_BYTES = 4096;

/** Bytes that say which frame they belong to. */
function pattern(frame: number, length: number): Buffer {
  const bytes = Buffer.alloc(length, frame & 0xff);
  if (length >= 4) bytes.writeUInt32LE(frame, 0);
  return bytes;
}

describe('the byte arena', () => {
  it('keeps every byte the history holds, through growth and wraps', () => {
    // Mostly big binary frames: the history then holds the most bytes it can.
    const binaryLength = fc.oneof(
      { arbitrary: fc.integer({ min: FRAME_BYTES - 300, max: FRAME_BYTES + 100 }), weight: 3 },
      { arbitrary: fc.integer({ min: 0, max: FRAME_BYTES }), weight: 1 },
    );
    const frame = fc.oneof(
      { arbitrary: fc.record({ binary: fc.constant(true), length: binaryLength }), weight: 6 },
      { arbitrary: fc.record({ binary: fc.constant(false), length: fc.nat(5000) }), weight: 1 },
    );
    fc.assert(
      fc.property(fc.array(frame, { minLength: 100, maxLength: 600, size: 'max' }), (frames) => {
        const arena = createByteArena(n, arenaCapacity(LIMITS.historyChars, FRAME_BYTES));
        const history = createPageHistory(LIMITS, list);
        const expected = new Map<FrameEntry, Buffer>();
        frames.forEach(({ binary, length }, i) => {
          if (!binary) {
            history.keep(entry('x'.repeat(length)));
            return;
          }
          const kept = Math.min(length, FRAME_BYTES);
          const bytes = arena.keep(pattern(i, length), FRAME_BYTES);
          const held: FrameEntry = { ...entry(''), bytes, cost: base64Length(kept) + 120 };
          expected.set(held, pattern(i, kept));
          history.keep(held);
          for (const kept of toArray(history.entries())) {
            const want = expected.get(kept);
            if (want && !want.equals(kept.bytes as Uint8Array)) {
              throw new Error(`frame ${kept.frame.seq} was written over`);
            }
          }
        });
      }),
      { numRuns: 40 },
    );
  });

  it('copies, so that the page may change its buffer afterwards', () => {
    const arena = createByteArena(n, 1024);
    const page = new Uint8Array([1, 2, 3]);
    const kept = arena.keep(page, 2);
    page.fill(0);
    expect([...kept]).toEqual([1, 2]);
  });
});
