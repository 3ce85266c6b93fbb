// The protocol's guards are the boundary every hop trusts: what the page, a relay or a stale
// panel sends is accepted only in the declared shapes, within the declared caps. Each typed
// constructor's output passes its own guard, and each way of getting one field wrong fails it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CapturedFrame,
  COMMAND_DETAIL,
  captureStatus,
  commandDetail,
  FRAME_LIMITS,
  hubReconnect,
  isCapturedFrame,
  isHubReconnect,
  isHubToPanel,
  isHubToRelay,
  isPageBatch,
  isPanelToHub,
  isRelayToHub,
  liveSwitch,
  MAX_DOC_CHARS,
  PROTOCOL_VERSION,
  panelHello,
  parseDetail,
  relayFrames,
  relayHello,
  SOURCE,
  tabFrames,
} from '../../../src/protocol/index.ts';

const TIME_ORIGIN = Date.parse('2026-12-04T05:00:00Z');
const frame: CapturedFrame = {
  seq: 1,
  time: 12.5,
  socket: 1,
  url: 'wss://ws.okx.com:8443/ws/v5/private',
  kind: 'receive',
  text: '{"event":"error","code":"60009","msg":"Login failed."}',
};
const batch = { doc: 'a'.repeat(32), frames: [frame], replay: false, dropped: 0 };
const pageBatch = {
  source: SOURCE.page,
  v: PROTOCOL_VERSION,
  type: 'frames',
  frames: [frame],
  replay: false,
  dropped: 0,
};

/** A copy of `value` with `key` set to `to` (or removed, for undefined). */
function changed<T extends object>(value: T, key: string, to: unknown): Record<string, unknown> {
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  if (to === undefined) delete copy[key];
  else copy[key] = to;
  return copy;
}

describe('captured frames', () => {
  it('accepts a frame of every kind, with its optional fields', () => {
    for (const kind of ['open', 'send', 'receive', 'close', 'error']) {
      expect(isCapturedFrame({ ...frame, kind })).toBe(true);
    }
    expect(
      isCapturedFrame({
        ...frame,
        kind: 'close',
        code: 4001,
        reason: 'Login failed.',
        wasClean: true,
      }),
    ).toBe(true);
    expect(isCapturedFrame({ ...frame, kind: 'send', refused: true })).toBe(true);
  });

  it.each([
    ['seq', 1.5],
    ['seq', '1'],
    ['socket', Number.NaN],
    ['time', '12'],
    ['url', undefined],
    ['url', 'x'.repeat(FRAME_LIMITS.maxUrl + 1)],
    ['kind', 'message'],
    ['text', 42],
    ['text', 'x'.repeat(FRAME_LIMITS.maxPayloadChars + 1)],
    ['reason', 'x'.repeat(FRAME_LIMITS.maxReason + 1)],
    ['truncated', 'yes'],
    ['refused', 1],
  ])('refuses a frame whose %s is %j', (key, value) => {
    expect(isCapturedFrame(changed(frame, key, value))).toBe(false);
  });
});

describe('page -> relay batches', () => {
  it('accepts the batch the wrapper builds', () => {
    expect(isPageBatch(pageBatch)).toBe(true);
    expect(isPageBatch(parseDetail(JSON.stringify(pageBatch)))).toBe(true);
  });

  it.each([
    ['source', 'page'],
    ['v', PROTOCOL_VERSION + 1],
    ['type', 'frame'],
    ['replay', 'false'],
    ['dropped', -0.5],
    ['frames', [{ ...frame, kind: 'forged' }]],
    ['frames', Array.from({ length: FRAME_LIMITS.maxFramesPerBatch + 1 }, () => frame)],
  ])('refuses a batch whose %s is wrong', (key, value) => {
    expect(isPageBatch(changed(pageBatch, key, value))).toBe(false);
  });

  it('reads a detail only when it is a JSON string, and never throws', () => {
    expect(parseDetail({ frames: [] })).toBeUndefined();
    expect(parseDetail('{"frames":')).toBeUndefined();
    expect(commandDetail({ live: true, replay: true })).toBe(COMMAND_DETAIL.liveWithReplay);
    expect(commandDetail({ live: false, replay: true })).toBe(COMMAND_DETAIL.stop);
  });
});

describe('relay <-> hub <-> panel', () => {
  it('lets each constructor pass its own guard and no other direction', () => {
    const hello = relayHello('http://127.0.0.1:5173/', TIME_ORIGIN, 'capturing');
    const frames = relayFrames(batch);
    expect(isRelayToHub(hello)).toBe(true);
    expect(isRelayToHub(frames)).toBe(true);
    expect(isHubToRelay(liveSwitch(true, false))).toBe(true);
    expect(isHubReconnect(hubReconnect())).toBe(true);
    expect(isPanelToHub(panelHello(7))).toBe(true);
    expect(isHubToPanel(tabFrames(0, batch))).toBe(true);
    expect(
      isHubToPanel(
        captureStatus([{ frameId: 0, url: 'http://127.0.0.1/', timeOrigin: TIME_ORIGIN }]),
      ),
    ).toBe(true);

    // A relay's batch lacks the frame id the hub adds: it is not a panel message.
    expect(isHubToPanel(frames)).toBe(false);
    expect(isHubToRelay(hello)).toBe(false);
    expect(isPanelToHub(liveSwitch(true, true))).toBe(false);
  });

  it.each([
    ['doc', ''],
    ['doc', 'd'.repeat(MAX_DOC_CHARS + 1)],
    ['doc', 7],
    ['dropped', Number.POSITIVE_INFINITY],
    ['v', undefined],
  ])('refuses frames from a relay whose %s is %j', (key, value) => {
    expect(isRelayToHub(changed(relayFrames(batch), key, value))).toBe(false);
  });

  it.each([
    ['timeOrigin', 0],
    ['timeOrigin', Number.NaN],
    ['url', undefined],
    ['wrapper', 'yes'],
  ])('refuses a relay hello whose %s is %j', (key, value) => {
    expect(
      isRelayToHub(changed(relayHello('http://x/', TIME_ORIGIN, 'unlinked'), key, value)),
    ).toBe(false);
  });

  it('refuses a capture status with a document that is not one', () => {
    const bad = [{ frameId: '0', url: 'http://x/', timeOrigin: TIME_ORIGIN }];
    expect(isHubToPanel(captureStatus(bad as never))).toBe(false);
    const late = [{ frameId: 0, url: 'http://x/', timeOrigin: 1, capturing: true }];
    expect(isHubToPanel(captureStatus(late))).toBe(false);
  });

  it('takes a reconnect without a version, not one of another version', () => {
    expect(isHubReconnect({ type: 'reconnect' })).toBe(true);
    expect(isHubReconnect({ type: 'reconnect', v: PROTOCOL_VERSION + 1 })).toBe(false);
  });

  it('answers false, never throws, for any JSON value', () => {
    const guards = [
      isCapturedFrame,
      isPageBatch,
      isRelayToHub,
      isHubToRelay,
      isHubReconnect,
      isPanelToHub,
      isHubToPanel,
    ];
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        for (const guard of guards) expect(typeof guard(value)).toBe('boolean');
      }),
    );
  });
});
