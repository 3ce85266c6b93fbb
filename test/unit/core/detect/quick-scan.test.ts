import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lineEvent } from '../../../../src/core/capture/jsonl-event.ts';
import {
  hasCodeKey,
  hasRetMsgKey,
  isPlainSuccess,
  mayEmbedEnvelope,
  mayHoldEnvelope,
  passesPrefilter,
} from '../../../../src/core/detect/quick-scan.ts';
import { readEnvelopes } from '../../../../src/core/detect/read-envelopes.ts';
import { detect, httpMayHaveFinding, type ObservedEvent } from '../../../../src/core/index.ts';
import { dialectPayload, frameData } from '../../../support/dialect-frames.ts';

/** Where a frame may come from: a bundled exchange's host (which keeps every finding), an IP
 * the bundled hosts name, a host nobody knows. */
const url = fc.constantFrom(
  'wss://ws.okx.com:8443/ws/v5/public',
  'ws://119.8.50.236:8088/ws',
  'wss://stream.example.test/ws',
);
const frameEvent = (data: string, at: string): ObservedEvent => ({
  type: 'ws',
  url: at,
  direction: 'receive',
  data,
});
/** Writers that escape everything outside ASCII (Python's json.dumps) write \\u escapes. */
const asciiOnly = (json: string) =>
  json.replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);

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
        if (!passesPrefilter(text)) expect(reported).toEqual([]);
      }),
      { numRuns: 5000 },
    );
  });

  it("passesPrefilter, the detector's prefilter: a payload it turns away has no finding, at any URL", () => {
    fc.assert(
      fc.property(frameData, url, (data, at) => {
        if (!passesPrefilter(data)) expect(detect(frameEvent(data, at))).toEqual([]);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('httpMayHaveFinding: a response it turns away has no finding', () => {
  it('whatever its status, body, headers and URL', () => {
    const status = fc.oneof(
      fc.constantFrom(0, 101, 200, 204, 301, 399, 400, 404, 429, 500, 503),
      fc.integer(),
    );
    const contentType = fc.constantFrom(undefined, 'application/json', 'text/html');
    const at = fc.constantFrom(
      'https://www.okx.com/api/v5/trade/order',
      'https://shop.example.test/cart',
    );
    fc.assert(
      fc.property(
        status,
        fc.option(frameData, { nil: undefined }),
        contentType,
        at,
        (code, body, type, where) => {
          if (httpMayHaveFinding(code, body)) return;
          const headers: Record<string, string> =
            type === undefined ? {} : { 'content-type': type };
          const event: ObservedEvent = {
            type: 'http',
            url: where,
            status: code,
            headers,
            ...(body === undefined ? {} : { body }),
          };
          expect(detect(event)).toEqual([]);
        },
      ),
      { numRuns: 3000 },
    );
    expect(httpMayHaveFinding(200, '{"code":-1021,"msg":"Timestamp outside recvWindow"}')).toBe(
      true,
    );
    expect(httpMayHaveFinding(404, '<html>Not found</html>')).toBe(true);
    expect(httpMayHaveFinding(200, '{"code":"0","msg":"","data":[]}')).toBe(false);
  });
});

describe('mayEmbedEnvelope: a JSON text it says false of embeds no payload the detector reports on', () => {
  it('for frames of every dialect written as a HAR message or a JSON Lines event, escaped or not', () => {
    fc.assert(
      fc.property(frameData, url, fc.boolean(), fc.boolean(), (data, at, pretty, ascii) => {
        // As Chromium writes a message (its data a string), and as the scan's JSON Lines do.
        const message = JSON.stringify(
          { type: 'receive', time: 1.5, opcode: 1, data },
          null,
          pretty ? 2 : 0,
        );
        const written = ascii ? asciiOnly(message) : message;
        const value = JSON.stringify(data);
        const dataText = ascii ? asciiOnly(value) : value;
        if (mayEmbedEnvelope(dataText.slice(1, -1))) return;
        expect(JSON.parse(written).data).toBe(data);
        expect(passesPrefilter(data)).toBe(false);
        expect(detect(frameEvent(data, at))).toEqual([]);
      }),
      { numRuns: 5000 },
    );
  });

  it('for JSON Lines events whose data is the payload as a string or as a JSON value', () => {
    fc.assert(
      fc.property(dialectPayload, url, fc.boolean(), fc.boolean(), (value, at, asString, ascii) => {
        const data = JSON.stringify(value);
        let line = JSON.stringify({
          type: 'ws',
          url: at,
          direction: 'receive',
          data: asString ? data : value,
        });
        if (ascii) line = asciiOnly(line);
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
