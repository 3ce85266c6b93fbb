import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasCodeKey, isPlainSuccess } from '../../../../src/core/detect/quick-scan.ts';
import { readEnvelopes } from '../../../../src/core/detect/read-envelopes.ts';

describe('the quick scans that spare JSON.parse', () => {
  it('find a "code" key, not other keys that end in code', () => {
    expect(hasCodeKey('{"code":-1}')).toBe(true);
    expect(hasCodeKey('{"a":1, "code" : 5}')).toBe(true);
    expect(hasCodeKey('{"sCode":"0","errcode":1,"x":"codes"}')).toBe(false);
    // A value spelt like the key is let through to the full parse: a prefilter may only over-match.
    expect(hasCodeKey('{"x":"code"}')).toBe(true);
    expect(hasCodeKey('code"')).toBe(false);
  });

  it('call plain success only a single zero code with zero item codes', () => {
    expect(isPlainSuccess('{"code":0,"msg":"success","data":{}}')).toBe(true);
    expect(isPlainSuccess('{"event":"login","code": "0","msg":""}')).toBe(true);
    expect(
      isPlainSuccess('{"id":"1","op":"order","data":[{"sCode":"0"},{"sCode":"0"}],"code":"0"}'),
    ).toBe(true);
    expect(isPlainSuccess('{"code":"0","data":[{"sCode":"0"},{"sCode":"51008"}]}')).toBe(false);
    expect(isPlainSuccess('{"code":0,"data":{"code":-1021}}')).toBe(false);
    expect(isPlainSuccess('{"code":-1021}')).toBe(false);
    expect(isPlainSuccess('{"code":0.5,"msg":"x"}')).toBe(false);
    expect(isPlainSuccess('{"code":"00","msg":"x"}')).toBe(false);
    expect(isPlainSuccess('{"code":05}')).toBe(false);
  });

  it('never skip a frame the full reading would report', () => {
    const envelope = fc.record(
      {
        code: fc.constantFrom(0, '0', -1021, '51008', 200),
        msg: fc.string(),
        message: fc.string(),
        success: fc.boolean(),
        event: fc.constantFrom('error', 'login'),
        data: fc.array(fc.record({ sCode: fc.constantFrom('0', '51008'), sMsg: fc.string() })),
        error: fc.record({ code: fc.constantFrom(0, -1022), msg: fc.string() }),
      },
      { requiredKeys: ['code'] },
    );
    fc.assert(
      fc.property(envelope, fc.boolean(), (object, pretty) => {
        const text = JSON.stringify(object, null, pretty ? 1 : 0);
        if (isPlainSuccess(text)) expect(readEnvelopes(JSON.parse(text))).toEqual([]);
      }),
      { numRuns: 3000 },
    );
  });
});
