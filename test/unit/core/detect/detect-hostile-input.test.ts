import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detect, type ObservedEvent } from '../../../../src/core/index.ts';

const URL_LOCAL = 'ws://127.0.0.1:9/ws';
const ws = (data: string | Uint8Array): ObservedEvent => ({
  type: 'ws',
  url: URL_LOCAL,
  direction: 'receive',
  data,
});

const urls = fc.oneof(
  fc.constantFrom(
    'wss://ws.okx.com:8443/ws/v5/public',
    'https://api.woox.io/v1/order',
    'http://119.8.50.236:8088/fapi/v1/order',
    'ws://127.0.0.1:9/ws',
    '',
    'not a url',
    'http://[::1]:80/x',
    'http://user:pw@okx.com@evil.test/x',
  ),
  fc.string(),
);

const anyEvent: fc.Arbitrary<ObservedEvent> = fc.oneof(
  fc.record({
    type: fc.constant('http' as const),
    url: urls,
    status: fc.oneof(fc.integer({ min: -1, max: 999 }), fc.double()),
    body: fc.oneof(fc.string(), fc.json(), fc.constant(undefined)),
  }),
  fc.record({
    type: fc.constant('ws' as const),
    url: urls,
    direction: fc.constantFrom('send' as const, 'receive' as const),
    data: fc.oneof(fc.string(), fc.json(), fc.uint8Array({ maxLength: 300 })),
  }),
  fc.record({
    type: fc.constant('close' as const),
    url: urls,
    code: fc.oneof(fc.integer(), fc.double()),
    reason: fc.string(),
    wasClean: fc.boolean(),
  }),
) as fc.Arbitrary<ObservedEvent>;

/** Objects shaped like error envelopes, with arbitrary values in every field. */
const envelopeLike = fc.record(
  {
    code: fc.oneof(fc.integer(), fc.string(), fc.constant(null), fc.object()),
    msg: fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.object()),
    message: fc.string(),
    success: fc.oneof(fc.boolean(), fc.string()),
    event: fc.oneof(fc.constant('error'), fc.string()),
    status: fc.integer(),
    error: fc.oneof(fc.object(), fc.record({ code: fc.anything(), msg: fc.anything() })),
    data: fc.oneof(
      fc.array(fc.record({ sCode: fc.anything(), sMsg: fc.anything() })),
      fc.anything(),
    ),
    __proto__: fc.anything(),
  },
  { requiredKeys: [] },
);

// Thousands of generated cases: generous time when the whole suite shares two cores.
describe('the detector under arbitrary input', { timeout: 60_000 }, () => {
  it('never throws and always returns a list of findings', () => {
    fc.assert(
      fc.property(anyEvent, (event) => {
        const findings = detect(event);
        expect(Array.isArray(findings)).toBe(true);
        for (const f of findings) expect(typeof f.code).toBe('string');
      }),
      { numRuns: 3000 },
    );
  });

  it('never throws on envelope-shaped objects with hostile field values', () => {
    fc.assert(
      fc.property(envelopeLike, (object) => {
        expect(Array.isArray(detect(ws(JSON.stringify(object))))).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('never reports market data that has no code field', () => {
    const marketData = fc.json().filter((text) => !text.includes('"code"'));
    fc.assert(
      fc.property(marketData, (text) => {
        expect(detect(ws(text))).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  });

  it('finds the code of every well-formed error envelope, whatever the code and message', () => {
    const envelope = fc
      .tuple(
        fc.integer({ min: -99_999, max: 99_999 }).filter((c) => c !== 0),
        fc.string({ maxLength: 200 }),
      )
      .filter(([, msg]) => !/^(success|succeed(ed)?|ok|done)$/i.test(msg.trim()))
      .chain(([code, msg]) =>
        fc.constantFrom(
          // Generic {code, msg} from an unknown host counts only in the Binance-style range.
          { code: -Math.abs(code), msg },
          { event: 'error', code: String(code), msg },
          { success: false, code, message: msg },
          { id: 1, status: 400, error: { code, msg } },
        ),
      );
    fc.assert(
      fc.property(envelope, (object) => {
        const findings = detect(ws(JSON.stringify(object)));
        expect(findings).toHaveLength(1);
        const code = object.error ? object.error.code : object.code;
        expect(findings[0]?.code).toBe(String(code));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads no more than the first 1000 items of a batch reply', () => {
    const data = Array.from({ length: 25_000 }, () => ({ sCode: '51008', sMsg: 'x' }));
    const findings = detect(ws(JSON.stringify({ code: '1', msg: '', data })));
    expect(findings).toHaveLength(1000);
  });
});

describe('the detector on bad input', { timeout: 60_000 }, () => {
  it('salvages a truncated error frame and marks it partial', () => {
    const [finding] = detect(ws('{"event":"error","code":"60014","msg":"Requests too freq'));
    expect(finding).toMatchObject({ code: '60014', partial: true, exchange: 'okx' });
    expect(finding?.observedMessage).toBe('Requests too freq');
  });

  it('reports nothing for truncated market data', () => {
    expect(detect(ws('{"arg":{"channel":"books"},"data":[{"asks":[["1","2"'))).toEqual([]);
  });

  it('reads an error envelope sent as a binary frame', () => {
    const bytes = new TextEncoder().encode('{"code":-1022,"msg":"Invalid signature"}');
    expect(detect(ws(bytes))[0]?.entry?.id).toBe('gateway:rest:-1022');
  });

  it('ignores binary frames that are not text, and invalid UTF-8', () => {
    expect(detect(ws(new Uint8Array([0x1f, 0x8b, 0x08, 0x00, 0xff])))).toEqual([]);
    const invalid = new Uint8Array([
      ...new TextEncoder().encode('{"code":-1003,"msg":"'),
      0xff,
      0xfe,
      0x22,
      0x7d,
    ]);
    expect(detect(ws(invalid))[0]?.code).toBe('-1003');
  });

  it('handles a 20 MB frame without parsing it', () => {
    const huge = `{"data":[${'{"p":"1.0","q":"2.0"},'.repeat(1_000_000)}{}]}`;
    expect(huge.length).toBeGreaterThan(20_000_000);
    expect(detect(ws(huge))).toEqual([]);
    const hugeError = `{"code":-1003,"msg":"${'x'.repeat(20_000_000)}"}`;
    const [finding] = detect(ws(hugeError));
    expect(finding).toMatchObject({ code: '-1003', partial: true });
    expect(finding?.observedMessage?.length).toBeLessThanOrEqual(1000);
  });

  it('handles deeply nested JSON', () => {
    const depth = 150_000;
    // Only the top level is an envelope: an error buried in arrays is market data's business.
    const buried = `${'['.repeat(depth)}{"code":-1003,"msg":"x"}${']'.repeat(depth)}`;
    expect(detect(ws(buried))).toEqual([]);
    expect(
      detect(ws(`{"code":-1003,"msg":"x","a":${'{"b":'.repeat(depth)}1${'}'.repeat(depth)}}`)),
    ).toHaveLength(1);
  });

  it('is not fooled by __proto__ keys and pollutes nothing', () => {
    const text = '{"__proto__":{"code":-1022,"msg":"polluted"},"code":-1003,"msg":"real"}';
    const findings = detect(ws(text));
    expect(findings.map((f) => [f.code, f.observedMessage])).toEqual([['-1003', 'real']]);
    expect(({} as Record<string, unknown>).code).toBeUndefined();
    expect(detect(ws('{"__proto__":{"code":-1022,"msg":"x"}}'))).toEqual([]);
    expect(detect(ws('{"code":"__proto__","msg":"x"}'))).toEqual([]);
    expect(detect(ws('{"event":"error","code":"constructor"}'))).toEqual([]);
  });
});

describe('salvaging oversized or broken frames', () => {
  it('reads only a top-level code, not one inside the data', () => {
    const big = `{"data":[{"code":-1,"msg":"x"},${'{"p":"1"},'.repeat(120_000)}{}],"code":0}`;
    expect(big.length).toBeGreaterThan(1_000_000);
    expect(detect(ws(big))).toEqual([]);
    expect(
      detect(ws('{"data":[{"code":-1,"msg":"inner"}],"code":-1003,"msg":"outer'))[0]?.code,
    ).toBe('-1003');
  });
});
