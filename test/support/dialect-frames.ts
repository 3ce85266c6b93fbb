// Test support: payloads of every envelope dialect, values drawn at random (fast-check), for the
// property tests that prove a skipped frame yields no finding (quick-scan.ts's invariant). The
// map is typed by the detector's Dialect union: a dialect added to src/core/detect fails the
// typecheck here until its frames are generated.
import fc from 'fast-check';
import type { Dialect } from '../../src/core/index.ts';

/** Text with the letters of the envelope words, quotes, escapes, controls and non-ASCII. */
export const frameText = fc.string({
  unit: fc.constantFrom(
    'a',
    'c',
    'o',
    'd',
    'e',
    'C',
    'r',
    't',
    '_',
    '"',
    '\\',
    '\n',
    'é',
    '\u0001',
    '😀',
    ' ',
    '{',
    '}',
  ),
});

const code = fc.oneof(
  fc.constantFrom(-1021, -1022, '60012', '51008', 4004, 10001, 0, '0'),
  fc.integer(),
  frameText,
);

const DIALECTS: Record<Dialect, fc.Arbitrary<unknown> | 'not a frame'> = {
  'binance-rest': fc.record({ code, msg: frameText }),
  'binance-ws-api': fc.record({
    id: frameText,
    status: fc.constantFrom(400, 429),
    error: fc.record({ code, msg: frameText }),
  }),
  'okx-ws-event': fc.record({
    event: fc.constantFrom('error', 'login'),
    code,
    msg: frameText,
    connId: frameText,
  }),
  'okx-ws-notice': fc.record({
    event: fc.constant('notice'),
    code,
    msg: frameText,
    connId: frameText,
  }),
  'okx-rest': fc.record({
    code: fc.oneof(code, fc.constantFrom('1', '2')),
    msg: frameText,
    data: fc.constant([]),
  }),
  'okx-rest-item': fc.record({
    code: fc.constantFrom('1', '2', '0'),
    msg: frameText,
    data: fc.array(fc.record({ sCode: code, sMsg: frameText }), { maxLength: 3 }),
  }),
  'woo-rest': fc.record({ success: fc.boolean(), code, message: frameText }),
  'bybit-rest': fc.oneof(
    fc.record({ retCode: code, retMsg: frameText, result: fc.constant({}), time: fc.integer() }),
    fc.record({ ret_code: code, ret_msg: frameText }),
  ),
  'bybit-rest-item': fc.record({
    retCode: fc.constantFrom(0, '0'),
    retMsg: fc.constantFrom('OK', ''),
    retExtInfo: fc.record({
      list: fc.array(fc.record({ code, msg: frameText }), { maxLength: 3 }),
    }),
  }),
  'bybit-ws-op': fc.record({
    success: fc.constant(false),
    ret_msg: frameText,
    conn_id: frameText,
    op: fc.constantFrom('auth', 'subscribe', ''),
  }),
  // A close code and an HTTP status are events of their own, not payloads of a frame.
  'close-frame': 'not a frame',
  'http-status': 'not a frame',
};

/** A payload of any dialect, or plain market data. */
export const dialectPayload: fc.Arbitrary<unknown> = fc.oneof(
  ...Object.values(DIALECTS).filter((frame) => frame !== 'not a frame'),
  fc.dictionary(frameText, frameText, { maxKeys: 3 }),
  fc.record({
    arg: fc.record({ channel: frameText }),
    data: fc.array(fc.record({ last: frameText })),
  }),
);

/** How a frame's text is written: the payload as JSON (any spacing) or a non-JSON string. */
export const frameData: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc
      .tuple(dialectPayload, fc.constantFrom(0, 1, '\t'))
      .map(([value, space]) => JSON.stringify(value, null, space)),
  },
  { weight: 1, arbitrary: frameText },
);
