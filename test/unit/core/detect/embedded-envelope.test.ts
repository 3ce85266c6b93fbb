import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineEvent } from '../../../../src/core/capture/jsonl-event.ts';
import { hasCodeKey, mayEmbedEnvelope } from '../../../../src/core/detect/quick-scan.ts';
import { detect, type ObservedEvent } from '../../../../src/core/index.ts';

// Payloads of every dialect the detector reads, with values drawn at random.
const text = fc.string({
  unit: fc.constantFrom('a', 'c', 'o', 'd', 'e', '"', '\\', '\n', 'é', '\u0001', '😀', ' '),
});
const code = fc.oneof(
  fc.constantFrom(-1021, -1022, '60012', '51008', 4004, 0, '0'),
  fc.integer(),
  text,
);
const payload = fc.oneof(
  fc.record({ code, msg: text }),
  fc.record({ event: fc.constantFrom('error', 'login'), code, msg: text, connId: text }),
  fc.record({
    code: fc.constantFrom('1', '2'),
    msg: text,
    data: fc.array(fc.record({ sCode: code, sMsg: text }), { maxLength: 3 }),
  }),
  fc.record({ success: fc.boolean(), code, message: text }),
  fc.record({ id: text, status: fc.constantFrom(400, 429), error: fc.record({ code, msg: text }) }),
  fc.dictionary(text, text, { maxKeys: 3 }),
);

/** How a capture tool may write a payload into a JSON text: as a string or a value, any spacing. */
const written = fc.tuple(payload, fc.boolean(), fc.constantFrom(0, 1, '\t'), fc.boolean());

describe('mayEmbedEnvelope: a JSON text that says false embeds no payload the detector reports on', () => {
  it('never false for a line whose payload has findings or passes the prefilter', () => {
    fc.assert(
      fc.property(written, ([value, asString, space, asciiOnly]) => {
        const data = JSON.stringify(value, null, space);
        let line = JSON.stringify({
          type: 'ws',
          url: 'wss://ws.okx.com:8443/ws/v5/public',
          direction: 'receive',
          data: asString ? data : value,
        });
        // Writers that escape everything outside ASCII (Python's json.dumps) write \\u escapes.
        if (asciiOnly)
          line = line.replace(
            /[\u007f-\uffff]/g,
            (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
          );
        if (mayEmbedEnvelope(line)) return;
        const event = lineEvent(JSON.parse(line)) as ObservedEvent;
        expect(hasCodeKey(typeof value === 'string' ? value : data)).toBe(false);
        expect(detect(event)).toEqual([]);
      }),
      { numRuns: 3000 },
    );
  });

  it('says true for escapes that could spell a word, and false for plain market data', () => {
    expect(mayEmbedEnvelope('{"data":"{\\"\\u0063ode\\":1}"}')).toBe(true);
    expect(mayEmbedEnvelope('{"data":"{\\"code\\":-1021}"}')).toBe(true);
    expect(mayEmbedEnvelope('{"data":{"code":-1021}}')).toBe(true);
    expect(
      mayEmbedEnvelope('{"data":"{\\"arg\\":{\\"channel\\":\\"tickers\\"},\\"data\\":[]}"}'),
    ).toBe(false);
  });
});
