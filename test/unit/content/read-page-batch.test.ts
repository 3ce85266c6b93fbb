// Unit (Node): the relay trusts nothing from the page: sizes, shapes, versions, fields.
import { describe, expect, it } from 'vitest';
import { MAX_DETAIL_CHARS, readPageBatch } from '../../../src/content/read-page-batch.ts';
import {
  COMMAND_DETAIL,
  commandDetail,
  FRAME_LIMITS,
  isWrapperState,
  PROTOCOL_VERSION,
  SOURCE,
} from '../../../src/protocol/index.ts';

const frame = {
  seq: 1,
  time: 1_700_000_000_000,
  socket: 1,
  url: 'wss://ws.example/ws',
  kind: 'receive',
  text: '{}',
};
const batch = {
  source: SOURCE.page,
  v: PROTOCOL_VERSION,
  type: 'frames',
  frames: [frame],
  replay: false,
  dropped: 0,
};
const read = (value: unknown) => readPageBatch(JSON.stringify(value));

describe('what the relay accepts from the page', () => {
  it('accepts a well-formed batch', () => {
    expect(read(batch)).toEqual(batch);
    expect(read({ ...batch, frames: [{ ...frame, kind: 'send', refused: true }] })).toEqual({
      ...batch,
      frames: [{ ...frame, kind: 'send', refused: true }],
    });
  });

  it('refuses non-strings, bad JSON and oversized details without throwing', () => {
    expect(readPageBatch(batch)).toBeUndefined();
    expect(readPageBatch('{"source":')).toBeUndefined();
    expect(readPageBatch(' '.repeat(MAX_DETAIL_CHARS + 1))).toBeUndefined();
  });

  it('refuses the wrong source, version, type or shape', () => {
    expect(read({ ...batch, source: SOURCE.relay })).toBeUndefined();
    expect(read({ ...batch, v: PROTOCOL_VERSION + 1 })).toBeUndefined();
    expect(read({ ...batch, type: 'live' })).toBeUndefined();
    expect(read({ ...batch, frames: [{ ...frame, refused: 'yes' }] })).toBeUndefined();
    expect(read({ ...batch, dropped: -0.5 })).toBeUndefined();
    expect(read({ ...batch, frames: {} })).toBeUndefined();
  });

  it('refuses batches with too many frames or a bad frame', () => {
    const many = Array.from({ length: FRAME_LIMITS.maxFramesPerBatch + 1 }, (_, i) => ({
      ...frame,
      seq: i,
    }));
    expect(read({ ...batch, frames: many })).toBeUndefined();
    expect(read({ ...batch, frames: [{ ...frame, kind: 'exfiltrate' }] })).toBeUndefined();
    expect(read({ ...batch, frames: [{ ...frame, seq: '1' }] })).toBeUndefined();
    expect(
      read({
        ...batch,
        frames: [{ ...frame, text: 'x'.repeat(FRAME_LIMITS.maxPayloadChars + 1) }],
      }),
    ).toBeUndefined();
    expect(
      read({ ...batch, frames: [{ ...frame, url: 'x'.repeat(FRAME_LIMITS.maxUrl + 1) }] }),
    ).toBeUndefined();
  });

  it('passes on only CapturedFrame fields', () => {
    const message = read({ ...batch, extra: 1, frames: [{ ...frame, secret: 'k'.repeat(100) }] });
    expect(message?.frames).toEqual([frame]);
  });
});

describe('link words', () => {
  it('name commands and states with fixed words only', () => {
    expect(commandDetail({ live: true, replay: true })).toBe(COMMAND_DETAIL.liveWithReplay);
    expect(commandDetail({ live: true, replay: false })).toBe(COMMAND_DETAIL.live);
    expect(commandDetail({ live: false, replay: true })).toBe(COMMAND_DETAIL.stop);
    expect(['capturing', 'not-wrapped', 'unlinked', '', null].map(isWrapperState)).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
  });
});
