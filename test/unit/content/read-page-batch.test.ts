// Unit (Node): the relay trusts nothing from the page: sizes, shapes, versions, fields.
import { describe, expect, it } from 'vitest';
import { MAX_DETAIL_CHARS, readPageMessage } from '../../../src/content/read-page-batch.ts';
import {
  FRAME_LIMITS,
  isPageReady,
  isRelayCommand,
  isRelayHandshake,
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
  doc: 'doc-1',
  frames: [frame],
  replay: false,
  dropped: 0,
};
const read = (value: unknown) => readPageMessage(JSON.stringify(value));

describe('what the relay accepts from the page', () => {
  it('accepts a well-formed batch and the ready announcement', () => {
    expect(read(batch)).toEqual({ type: 'batch', batch });
    expect(read({ source: SOURCE.page, v: PROTOCOL_VERSION, type: 'ready' })).toEqual({
      type: 'ready',
    });
  });

  it('refuses non-strings, bad JSON and oversized details without throwing', () => {
    expect(readPageMessage(batch)).toBeUndefined();
    expect(readPageMessage('{"source":')).toBeUndefined();
    expect(readPageMessage(' '.repeat(MAX_DETAIL_CHARS + 1))).toBeUndefined();
  });

  it('refuses the wrong source, version, type or shape', () => {
    expect(read({ ...batch, source: SOURCE.relay })).toBeUndefined();
    expect(read({ ...batch, v: PROTOCOL_VERSION + 1 })).toBeUndefined();
    expect(read({ ...batch, type: 'live' })).toBeUndefined();
    expect(read({ ...batch, doc: 'x'.repeat(65) })).toBeUndefined();
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
    expect(message?.type === 'batch' && message.batch.frames).toEqual([frame]);
  });
});

describe('page bridge guards', () => {
  const command = {
    source: SOURCE.relay,
    v: PROTOCOL_VERSION,
    type: 'live',
    live: true,
    replay: false,
  };
  const handshake = {
    source: SOURCE.relay,
    v: PROTOCOL_VERSION,
    type: 'handshake',
    channel: 'ab'.repeat(16),
  };

  it('accept exactly the relay command, the handshake and the ready message', () => {
    expect(isRelayCommand(command)).toBe(true);
    expect(isRelayCommand({ ...command, source: SOURCE.page })).toBe(false);
    expect(isRelayCommand({ ...command, live: 'yes' })).toBe(false);
    expect(isRelayHandshake(handshake)).toBe(true);
    expect(isRelayHandshake({ ...handshake, channel: 'short' })).toBe(false);
    expect(isRelayHandshake({ ...handshake, channel: 'x'.repeat(32) })).toBe(false);
    expect(isPageReady({ source: SOURCE.page, v: PROTOCOL_VERSION, type: 'ready' })).toBe(true);
    expect(isPageReady({ source: SOURCE.relay, v: PROTOCOL_VERSION, type: 'ready' })).toBe(false);
    for (const junk of [null, undefined, 'live', 1, []]) {
      expect([isRelayCommand(junk), isRelayHandshake(junk), isPageReady(junk)]).toEqual([
        false,
        false,
        false,
      ]);
    }
  });
});
