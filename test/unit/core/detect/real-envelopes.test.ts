// The detector on what real exchanges send (test/fixtures/real-envelopes/index.ts): each error gets
// its own exchange's meaning, with how sure that is; successes and market data stay silent.
// Then the same envelopes through a local proxy, where no host tells and the words decide.
import { describe, expect, it } from 'vitest';
import {
  createDetector,
  detect,
  type Finding,
  messageSimilarity,
  messageVariants,
  type ObservedEvent,
} from '../../../../src/core/index.ts';
import { type CorpusCase, REAL_ENVELOPES } from '../../../fixtures/real-envelopes/index.ts';

const withoutRow = (id: string | undefined) => id?.replace(/#\d+$/, '') ?? null;

/** Whether one of the entry's documented messages fits what the server said. */
function wordsFit(finding: Finding): boolean {
  const { entry, observedMessage } = finding;
  if (!entry || !observedMessage) return false;
  return messageVariants(entry).some(
    (m) =>
      messageSimilarity(m.en, observedMessage) > 0 ||
      (m.zh !== undefined && messageSimilarity(m.zh, observedMessage) > 0),
  );
}

/** The case's event as a local proxy (or the mock exchange) on 127.0.0.1 would carry it. */
function throughProxy(event: ObservedEvent): ObservedEvent {
  return { ...event, url: event.url.replace(/^(\w+?)(s?):\/\/[^/]+/, '$1://127.0.0.1:8088') };
}

const errors = REAL_ENVELOPES.filter(
  (c): c is CorpusCase & { expect: Exclude<CorpusCase['expect'], 'silent'> } =>
    c.expect !== 'silent',
);
const silent = REAL_ENVELOPES.filter((c) => c.expect === 'silent');

describe('real envelopes on their exchanges hosts', () => {
  it('cover every exchange, errors and silence alike', () => {
    const exchanges = new Set(errors.map((c) => c.expect.exchange));
    expect([...exchanges].sort()).toEqual([
      'binance',
      'binance-usdm',
      'bybit',
      'gateway',
      'okx',
      'woo',
    ]);
    expect(silent.length).toBeGreaterThanOrEqual(10);
  });

  it.each(errors.map((c) => [c.name, c] as const))('%s', (_name, { event, expect: want }) => {
    const findings = detect(event);
    expect(findings).toHaveLength(1);
    const [finding] = findings as [Finding];
    expect({
      exchange: finding.exchange,
      attribution: finding.attribution,
      entry: withoutRow(finding.entry?.id),
      confidence: finding.confidence,
      severity: finding.severity,
    }).toEqual({
      exchange: want.exchange,
      attribution: 'host',
      entry: want.entry,
      confidence: want.confidence,
      severity: want.severity ?? 'error',
    });
    expect(finding.reason).toContain(`${new URL(event.url).hostname} is`);
    // Certain means the row's own words are the server's: the right row of a many-row code.
    if (want.confidence === 'certain' && want.entry) expect(wordsFit(finding)).toBe(true);
  });

  it.each(silent.map((c) => [c.name, c.event] as const))('%s stays silent', (_name, event) => {
    expect(detect(event)).toEqual([]);
  });
});

describe('the same envelopes through a local proxy: the shape and the words decide', () => {
  it.each(errors.map((c) => [c.name, c] as const))('%s', (_name, { event, expect: want }) => {
    const [finding] = detect(throughProxy(event)) as [Finding];
    expect(finding.attribution).not.toBe('host');
    expect(finding.confidence).not.toBe('unsure');
    if (want.entry === null) {
      expect(finding.entry).toBeUndefined();
      return;
    }
    // The meaning is the right one: Binance Spot and USDⓈ-M share -1021's words, so either
    // catalogue's row is right; the gateway's never is for Binance's words, nor theirs for its.
    expect(finding.entry?.code).toBe(want.entry.split(':')[2]);
    const family = (id: string) => (id.startsWith('binance') ? 'binance' : id.split(':')[0]);
    expect(family(finding.entry?.id ?? '')).toBe(family(want.entry));
    if (want.confidence === 'certain') expect(wordsFit(finding)).toBe(true);
  });

  it.each(silent.map((c) => [c.name, c.event] as const))('%s stays silent', (_name, event) => {
    expect(detect(throughProxy(event))).toEqual([]);
  });

  it('tells USDⓈ-M\'s -2019 "Margin is insufficient." from the gateway\'s "Invalid price"', () => {
    const local = 'http://127.0.0.1:8088/fapi/v1/order';
    const [usdm] = detect({
      type: 'http',
      url: local,
      status: 400,
      body: '{"code":-2019,"msg":"Margin is insufficient."}',
    });
    expect(usdm).toMatchObject({ exchange: 'binance-usdm', attribution: 'message' });
    expect(usdm?.entry?.messages.en).toBe('Margin is insufficient.');
    expect(usdm?.alternatives.map((e) => e.id)).toContain('gateway:rest:-2019');
    const [gateway] = detect({
      type: 'http',
      url: local,
      status: 400,
      body: '{"code":-2019,"msg":"Invalid price"}',
    });
    expect(gateway).toMatchObject({ exchange: 'gateway', attribution: 'message' });
    expect(gateway?.entry?.id).toBe('gateway:rest:-2019');
  });

  it('gives no meaning when the words contradict every candidate, and says so', () => {
    const [finding] = detect({
      type: 'http',
      url: 'http://127.0.0.1:8088/fapi/v1/order',
      status: 400,
      body: '{"code":-2019,"msg":"Order would immediately trigger."}',
    });
    expect(finding).toMatchObject({
      exchange: 'unknown',
      confidence: 'unsure',
      code: '-2019',
      observedMessage: 'Order would immediately trigger.',
    });
    expect(finding?.entry).toBeUndefined();
    expect(finding?.alternatives.map((e) => e.id)).toEqual([
      'gateway:rest:-2019',
      'binance-usdm:rest:-2019',
    ]);
    expect(finding?.reason).toBe(
      'a Binance-style {"code","msg"} envelope on 127.0.0.1: the server\'s words match no row for -2019 of Gateway and Binance USDⓈ-M',
    );
  });
});

describe('the gateway stays the gateway', () => {
  it("on its own host, even when the words are Binance's (the row is only likely then)", () => {
    const [finding] = detect({
      type: 'http',
      url: 'http://119.8.50.236:8088/fapi/v1/order',
      status: 400,
      body: '{"code":-2019,"msg":"Margin is insufficient."}',
    });
    expect(finding).toMatchObject({
      exchange: 'gateway',
      attribution: 'host',
      confidence: 'likely',
    });
    expect(finding?.entry?.id).toBe('gateway:rest:-2019');
    expect(finding?.alternatives.map((e) => e.id)).toContain('binance-usdm:rest:-2019');
  });

  it("where the user's host map sends a host, whatever the words", () => {
    const detector = createDetector({ hosts: { 'proxy.local': 'gateway' } });
    const [finding] = detector.detect({
      type: 'http',
      url: 'http://proxy.local:9000/fapi/v1/order',
      status: 400,
      body: '{"code":-1022,"msg":"Signature for this request is not valid."}',
    });
    expect(finding).toMatchObject({ exchange: 'gateway', attribution: 'host' });
    expect(finding?.entry?.id).toBe('gateway:rest:-1022');
    expect(finding?.reason).toMatch(/^your host map sends proxy\.local to Gateway/);
  });
});

describe('Bybit details', () => {
  const bybit = 'https://api.bybit.com/v5/order/create-batch';

  it('reports each failed order of a batch from retExtInfo.list, and nothing for the others', () => {
    const findings = detect({
      type: 'http',
      url: bybit,
      status: 200,
      body: JSON.stringify({
        retCode: 0,
        retMsg: 'OK',
        result: { list: [{ orderId: '1' }, { orderId: '' }] },
        retExtInfo: {
          list: [
            { code: 0, msg: 'OK' },
            { code: 10001, msg: 'params error: qty invalid' },
          ],
        },
        time: 1701000000000,
      }),
    });
    expect(findings.map((f) => [f.dialect, f.code, f.path, f.exchange])).toEqual([
      ['bybit-rest-item', '10001', 'retExtInfo.list[1]', 'bybit'],
    ]);
  });

  it('takes the code of an op reply that carries one', () => {
    const [finding] = detect({
      type: 'ws',
      url: 'ws://127.0.0.1:8088/v5/private',
      direction: 'receive',
      data: '{"op":"auth","success":false,"ret_msg":"ts","retCode":10002}',
    });
    expect(finding).toMatchObject({ dialect: 'bybit-ws-op', code: '10002', exchange: 'bybit' });
    expect(finding?.codeless).toBeUndefined();
    expect(finding?.entry?.id).toBe('bybit:rest:10002');
  });

  it('names the failed op when the reply has no code, and gives no meaning', () => {
    const [finding] = detect({
      type: 'ws',
      url: 'ws://127.0.0.1:8088/v5/public/linear',
      direction: 'receive',
      data: '{"success":false,"ret_msg":"error:handler not found,topic:orderbook.1.NOPEUSDT","conn_id":"c","req_id":"","op":"subscribe"}',
    });
    expect(finding).toMatchObject({
      dialect: 'bybit-ws-op',
      code: 'subscribe',
      codeless: true,
      exchange: 'bybit',
      attribution: 'envelope',
      observedMessage: 'error:handler not found,topic:orderbook.1.NOPEUSDT',
    });
    expect(finding?.entry).toBeUndefined();
    expect(finding?.alternatives).toEqual([]);
  });
});

describe('a code with several meanings at one exchange', () => {
  it('gives none when the words fit none of them, and lists them', () => {
    // Bybit's 10003: "API key is invalid..." in its UTA table, "Too many sessions under the
    // same UID" in its WebSocket order-entry table. This text fits neither closely enough.
    const [finding] = detect({
      type: 'http',
      url: 'https://api.bybit.com/v5/order/create',
      status: 200,
      body: '{"retCode":10003,"retMsg":"denied","result":{},"retExtInfo":{},"time":1}',
    });
    expect(finding).toMatchObject({ exchange: 'bybit', attribution: 'host', confidence: 'unsure' });
    expect(finding?.entry).toBeUndefined();
    expect(finding?.alternatives.map((e) => e.id)).toEqual([
      'bybit:rest:10003#0',
      'bybit:rest:10003#1',
    ]);
    expect(finding?.reason).toBe(
      "the host api.bybit.com is Bybit's; it documents 2 meanings of 10003 and the server's words match none",
    );
  });

  it('picks the one the words fit', () => {
    const [finding] = detect({
      type: 'http',
      url: 'https://api.bybit.com/v5/order/create',
      status: 200,
      // Bybit's servers send the table's first sentence only.
      body: '{"retCode":10003,"retMsg":"API key is invalid.","result":{},"retExtInfo":{},"time":1}',
    });
    expect(finding?.entry?.id).toBe('bybit:rest:10003#1');
  });
});
