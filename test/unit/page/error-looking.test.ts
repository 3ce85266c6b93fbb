// Unit (Node): which text frames the page keeps in its store of important frames. The page's
// plain-success scan is a copy of core's (the page may call only natives captured at
// document_start): both are held to the same cases here. And a busy socket's acks do not push
// the real errors out of the history.
import fc from 'fast-check';
import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { isPlainSuccess as coreIsPlainSuccess } from '../../../src/core/detect/quick-scan.ts';
import { CAPTURE_LIMITS } from '../../../src/page/capture-limits.ts';
import { createErrorLooking } from '../../../src/page/error-looking.ts';
import { languageNatives } from '../../../src/page/native-language.ts';
import { fakePage } from '../../support/fake-page.ts';

const page = createErrorLooking(languageNatives);

/** [text, plain success] */
const CASES: [string, boolean][] = [
  ['{"code":0,"msg":"success","data":{}}', true],
  ['{"event":"login","code": "0","msg":""}', true],
  ['{"id":"1","op":"order","data":[{"sCode":"0"},{"sCode":"0"}],"code":"0"}', true],
  ['{"code" : 0 }', true],
  ['{"code":"0","data":[{"sCode":"0"},{"sCode":"51008"}]}', false],
  ['{"code":0,"data":{"code":-1021}}', false],
  ['{"code":-1021}', false],
  ['{"code":0.5,"msg":"x"}', false],
  ['{"code":"00","msg":"x"}', false],
  ['{"code":05}', false],
  ['{"code":', false],
  ['{"code":0', true],
  ['code"', false],
  ['{"retCode":0,"retMsg":"OK","result":{},"time":1}', true],
  ['{"retCode":0,"retExtInfo":{"list":[{"code":0},{"code":170130}]}}', false],
  ['{"ret_code":0,"ret_msg":"OK"}', false],
  ['{"success":false,"ret_msg":"x","code":0}', false],
  [`{"code":0,"data":"${'x'.repeat(2100)}","ret_msg":"late"}`, true],
  ['{"errcode":1,"x":"codes","tdMode":"cross","node":"a"}', false],
  ['', false],
];

// Texts built of the pieces the scan looks at, in any order: keys, separators, zeros and not.
const piece = fc.constantFrom(
  '"code"',
  '"sCode"',
  '"retCode"',
  '"ret_code"',
  '"ret_msg"',
  '_msg"',
  'code"',
  'Code"',
  '"',
  ':',
  ' ',
  '0',
  '"0"',
  '00',
  '0.',
  '-1',
  '5',
  ',',
  '{',
  '}',
  '[',
  ']',
  'x',
);
const pieced = fc.array(piece, { maxLength: 24 }).map((pieces) => pieces.join(''));
const envelope = fc
  .record(
    {
      code: fc.constantFrom(0, '0', -1021, '51008', '00', 0.5),
      retCode: fc.constantFrom(0, 110007),
      // Before ret_msg: it is looked for in the first 2,048 characters only.
      padding: fc.constantFrom('', 'x'.repeat(2040)),
      ret_msg: fc.constantFrom('OK', 'Params Error'),
      msg: fc.string(),
      data: fc.array(fc.record({ sCode: fc.constantFrom('0', '51008'), sMsg: fc.string() })),
      inner: fc.record({ code: fc.constantFrom(0, -1022) }),
    },
    { requiredKeys: [] },
  )
  .chain((object) => fc.boolean().map((pretty) => JSON.stringify(object, null, pretty ? 1 : 0)));

describe("the page's plain-success scan", () => {
  it.each(CASES)('reads %s as core does (plain success: %s)', (text, plain) => {
    expect(coreIsPlainSuccess(text)).toBe(plain);
    expect(page.isPlainSuccess(text)).toBe(plain);
  });

  it('agrees with core on any text', () => {
    fc.assert(
      fc.property(fc.oneof(pieced, envelope, fc.string()), (text) => {
        expect(page.isPlainSuccess(text)).toBe(coreIsPlainSuccess(text));
      }),
      { numRuns: 5000 },
    );
  });
});

const OKX_ERROR =
  '{"id":"1512","op":"order","data":[{"clOrdId":"","ordId":"","tag":"","ts":"1695190491421","sCode":"51008","sMsg":"Order failed. Insufficient USDT balance in account."}],"code":"1","msg":"","inTime":"1695190491421339","outTime":"1695190491423240"}';
const OKX_ACK =
  '{"id":"1513","op":"order","data":[{"clOrdId":"","ordId":"312269865356374016","tag":"","ts":"1695190491421","sCode":"0","sMsg":""}],"code":"0","msg":"","inTime":"1695190491421339","outTime":"1695190491423240"}';
const GATEWAY_ACK = '{"id":"7","code":0,"msg":"success","data":{"orderId":4093372}}';
const OKX_EVENT_ERROR =
  '{"event":"error","code":"60012","msg":"Invalid request: {\\"op\\":\\"subscribe\\"}","connId":"a4d3ae55"}';

describe('error-looking frames', () => {
  it('are errors and error events, not acks or market data', () => {
    for (const text of [OKX_ERROR, OKX_EVENT_ERROR, '{"code":-1021,"msg":"Timestamp"}']) {
      expect(page.looksLikeError(text)).toBe(true);
    }
    expect(page.looksLikeError('{"status":400,"error":{"code":-2010}}')).toBe(true);
    expect(page.looksLikeError('{"code":0,"data":{"errorCount":0}}')).toBe(true);
    expect(page.looksLikeError('{"retCode":10404,"retMsg":"op type is not found"}')).toBe(true);
    expect(page.looksLikeError('{"success":false,"ret_msg":"Params Error","op":"auth"}')).toBe(
      true,
    );
    const acks = [OKX_ACK, GATEWAY_ACK, '{"retCode":0,"retMsg":"OK","op":"order.create"}'];
    for (const text of [...acks, '{"arg":{"channel":"tickers"},"data":[]}']) {
      expect(page.looksLikeError(text)).toBe(false);
    }
  });

  it('keep both errors of a socket that sends 5,000 acks between them', () => {
    // The page's timers (read by fakePage): the replay goes out one batch per task.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    onTestFinished(() => {
      vi.useRealTimers();
    });
    const fake = fakePage();
    const ws = fake.WebSocket;
    const socket = new ws('wss://ws.okx.com:8443/ws/v5/private');
    socket.serverOpens();
    socket.serverSends(OKX_ERROR);
    for (let i = 0; i < 5000; i += 1) socket.serverSends(i % 2 === 0 ? OKX_ACK : GATEWAY_ACK);
    socket.serverSends(OKX_EVENT_ERROR);
    // DevTools opens: the history replays.
    fake.relay.forwardLive(true, true);
    vi.advanceTimersByTime(100);
    const texts = fake.frames().map((frame) => frame.text);
    expect(texts.filter((text) => text === OKX_ERROR || text === OKX_EVENT_ERROR)).toEqual([
      OKX_ERROR,
      OKX_EVENT_ERROR,
    ]);
    // The acks are ordinary messages: the last ones the history holds.
    expect(texts.filter((text) => text === OKX_ACK || text === GATEWAY_ACK)).toHaveLength(
      CAPTURE_LIMITS.historyMessages,
    );
  });
});
