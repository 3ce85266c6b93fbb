import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  hasCodeKey,
  hasRetMsgKey,
  isPlainSuccess,
  mayHoldEnvelope,
} from '../../../../src/core/detect/quick-scan.ts';
import { readEnvelopes } from '../../../../src/core/detect/read-envelopes.ts';

describe('the quick scans that spare JSON.parse', () => {
  it('find every code key of every dialect, not other keys that end in code', () => {
    expect(hasCodeKey('{"code":-1}')).toBe(true);
    expect(hasCodeKey('{"a":1, "code" : 5}')).toBe(true);
    expect(hasCodeKey('{"retCode":110007,"retMsg":"x"}')).toBe(true);
    expect(hasCodeKey('{"ret_code":10001,"ret_msg":"x"}')).toBe(true);
    expect(hasCodeKey('{"data":[{"sCode":"51008"}]}')).toBe(true);
    expect(hasCodeKey('{"errcode":1,"x":"codes","tdMode":"cross","node":"a"}')).toBe(false);
    // A value spelt like the key is let through to the full parse: a prefilter may only over-match.
    expect(hasCodeKey('{"x":"code"}')).toBe(true);
    expect(hasCodeKey('code"')).toBe(false);
  });

  it("find Bybit's ret_msg, which its failed ops carry without any code", () => {
    const op = '{"success":false,"ret_msg":"Params Error","op":"auth","conn_id":"c"}';
    expect(hasCodeKey(op)).toBe(false);
    expect(hasRetMsgKey(op)).toBe(true);
    expect(mayHoldEnvelope(op)).toBe(true);
    expect(hasRetMsgKey('{"err_msg":"x","ret_msgs":1}')).toBe(false);
    expect(mayHoldEnvelope('{"topic":"orderbook.50.BTCUSDT","type":"snapshot","data":{}}')).toBe(
      false,
    );
  });

  it('call plain success only frames whose codes are all zero', () => {
    expect(isPlainSuccess('{"code":0,"msg":"success","data":{}}')).toBe(true);
    expect(isPlainSuccess('{"event":"login","code": "0","msg":""}')).toBe(true);
    expect(
      isPlainSuccess('{"id":"1","op":"order","data":[{"sCode":"0"},{"sCode":"0"}],"code":"0"}'),
    ).toBe(true);
    expect(isPlainSuccess('{"retCode":0,"retMsg":"OK","result":{},"time":1}')).toBe(true);
    expect(isPlainSuccess('{"retCode":0,"retExtInfo":{"list":[{"code":0},{"code":170130}]}}')).toBe(
      false,
    );
    expect(isPlainSuccess('{"code":"0","data":[{"sCode":"0"},{"sCode":"51008"}]}')).toBe(false);
    expect(isPlainSuccess('{"code":0,"data":{"code":-1021}}')).toBe(false);
    expect(isPlainSuccess('{"code":-1021}')).toBe(false);
    expect(isPlainSuccess('{"code":0.5,"msg":"x"}')).toBe(false);
    expect(isPlainSuccess('{"code":"00","msg":"x"}')).toBe(false);
    expect(isPlainSuccess('{"code":05}')).toBe(false);
    // A failed Bybit op names no code: a zero elsewhere does not make it a success.
    expect(isPlainSuccess('{"success":false,"ret_msg":"x","code":0}')).toBe(false);
  });

  it('never skip a frame the full reading would report', () => {
    const code = fc.constantFrom(0, '0', -1021, '51008', 200, '-1011', 110007);
    const envelope = fc.record(
      {
        code,
        retCode: code,
        ret_code: code,
        msg: fc.string(),
        message: fc.string(),
        retMsg: fc.string(),
        ret_msg: fc.string(),
        op: fc.constantFrom('auth', 'subscribe'),
        success: fc.boolean(),
        event: fc.constantFrom('error', 'login', 'notice'),
        data: fc.array(fc.record({ sCode: fc.constantFrom('0', '51008'), sMsg: fc.string() })),
        error: fc.record({ code: fc.constantFrom(0, -1022), msg: fc.string() }),
        retExtInfo: fc.record({
          list: fc.array(fc.record({ code: fc.constantFrom(0, 170130), msg: fc.string() })),
        }),
      },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(envelope, fc.boolean(), (object, pretty) => {
        const text = JSON.stringify(object, null, pretty ? 1 : 0);
        const reported = readEnvelopes(JSON.parse(text));
        if (!mayHoldEnvelope(text) || isPlainSuccess(text)) expect(reported).toEqual([]);
      }),
      { numRuns: 5000 },
    );
  });
});
