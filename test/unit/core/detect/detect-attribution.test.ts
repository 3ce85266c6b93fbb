import { describe, expect, it } from 'vitest';
import { BUNDLED_CATALOGUE, createDetector, detect } from '../../../../src/core/index.ts';

const LOCAL = 'http://127.0.0.1:8080/api';
/** The row's own words, as the exchange sends them. */
const wordsOf = (exchange: string, code: string) =>
  BUNDLED_CATALOGUE.byCode(code).find((e) => e.exchange === exchange)?.messages.en ?? '';
const gatewayShape = (code: string, msg = wordsOf('gateway', code)) =>
  JSON.stringify({ code: Number(code), msg });
const wooShape = (code: string, message = wordsOf('woo', code)) =>
  JSON.stringify({ success: false, code: Number(code), message });

/** Codes both the gateway and WOO define, each with a different meaning. */
const shared = [...new Set(BUNDLED_CATALOGUE.byExchange('woo').map((e) => e.code))].filter((code) =>
  BUNDLED_CATALOGUE.byCode(code).some((e) => e.exchange === 'gateway'),
);

describe('codes that collide across exchanges', () => {
  it('include -1001: Disconnected on the gateway, INVALID_SIGNATURE on WOO', () => {
    expect(shared).toContain('-1001');
    expect(shared.length).toBeGreaterThanOrEqual(10);
  });

  it.each(shared)('%s is decided by the shape and the words on an unknown host', (code) => {
    const [asGateway] = detect({ type: 'http', url: LOCAL, status: 400, body: gatewayShape(code) });
    // Binance and USDⓈ-M write the gateway's shape too: its words tell it from them.
    expect(asGateway).toMatchObject({ exchange: 'gateway', attribution: 'message' });
    expect(asGateway?.entry?.exchange).toBe('gateway');
    expect(asGateway?.alternatives.some((e) => e.exchange === 'woo')).toBe(true);

    const [asWoo] = detect({ type: 'http', url: LOCAL, status: 400, body: wooShape(code) });
    expect(asWoo).toMatchObject({ exchange: 'woo', attribution: 'envelope' });
    expect(asWoo?.entry?.exchange).toBe('woo');
    expect(asWoo?.alternatives.some((e) => e.exchange === 'gateway')).toBe(true);
  });

  it('is decided by the host before the shape', () => {
    const [onWoo] = detect({
      type: 'http',
      url: 'https://api.woox.io/v1/x',
      status: 401,
      body: gatewayShape('-1001'),
    });
    expect(onWoo).toMatchObject({ exchange: 'woo', attribution: 'host' });
    expect(onWoo?.entry?.name).toBe('INVALID_SIGNATURE');
    expect(onWoo?.alternatives.map((e) => e.id)).toEqual([
      'gateway:rest:-1001',
      'binance:rest:-1001',
      'binance-usdm:rest:-1001',
    ]);

    const [onGateway] = detect({
      type: 'http',
      url: 'http://119.8.50.236:8088/api/x',
      status: 200,
      body: wooShape('-1001'),
    });
    expect(onGateway).toMatchObject({ exchange: 'gateway', attribution: 'host' });
    expect(onGateway?.entry?.messages.en).toBe('Disconnected');
  });

  it('recognises every bundled host and its subdomains', () => {
    const hostOf = (url: string) =>
      detect({ type: 'http', url, status: 400, body: gatewayShape('-1003') })[0]?.exchange;
    expect(hostOf('https://www.okx.com/api/v5/x')).toBe('okx');
    expect(hostOf('https://api.woox.io/v1/x')).toBe('woo');
    expect(hostOf('https://api.woo.org/v1/x')).toBe('woo');
    expect(hostOf('http://119.8.50.236:8088/fapi/v1/x')).toBe('gateway');
    expect(hostOf('https://api.binance.com/api/v3/order')).toBe('binance');
    expect(hostOf('wss://ws-api.binance.com/ws-api/v3')).toBe('binance');
    expect(hostOf('wss://stream.binance.com:9443/ws')).toBe('binance');
    expect(hostOf('https://testnet.binance.vision/api/v3/order')).toBe('binance');
    expect(hostOf('https://fapi.binance.com/fapi/v1/order')).toBe('binance-usdm');
    expect(hostOf('wss://fstream.binance.com/ws')).toBe('binance-usdm');
    expect(hostOf('wss://ws-fapi.binance.com/ws-fapi/v1')).toBe('binance-usdm');
    expect(hostOf('https://testnet.binancefuture.com/fapi/v1/order')).toBe('binance-usdm');
    expect(hostOf('https://api.bybit.com/v5/order/create')).toBe('bybit');
    expect(hostOf('https://api-testnet.bybit.com/v5/order/create')).toBe('bybit');
    expect(hostOf('wss://stream-testnet.bybit.com/v5/private')).toBe('bybit');
    // The words decide where no host does: -1003 is the gateway's "Rate limit exceeded".
    expect(hostOf('https://notokx.com/x')).toBe('gateway');
  });

  it("follows the user's host map before the bundled hosts", () => {
    const detector = createDetector({
      hosts: { 'staging.example.test': 'woo', 'okx.com': 'gateway' },
    });
    const [staging] = detector.detect({
      type: 'http',
      url: 'https://api.staging.example.test/v1/x',
      status: 401,
      body: gatewayShape('-1001'),
    });
    expect(staging).toMatchObject({ exchange: 'woo', attribution: 'host' });
    const [remapped] = detector.detect({
      type: 'http',
      url: 'https://www.okx.com/x',
      status: 400,
      body: gatewayShape('-1022'),
    });
    expect(remapped?.entry?.id).toBe('gateway:rest:-1022');
  });

  it('lets the words name the exchange of a string code with no tell-tale shape', () => {
    const [finding] = detect({
      type: 'ws',
      url: 'ws://127.0.0.1:9/ws',
      direction: 'receive',
      data: '{"code":"60009","msg":"Login failed."}',
    });
    expect(finding).toMatchObject({ exchange: 'okx', attribution: 'message', code: '60009' });
    expect(finding?.confidence).toBe('likely');
  });
});

describe('codes with several rows', () => {
  const multiRow = BUNDLED_CATALOGUE.entries.filter(
    (e) => e.exchange === 'woo' && e.id.includes('#'),
  );

  it.each(multiRow.map((e) => [e.id, e] as const))(
    '%s is chosen by its own message',
    (_id, entry) => {
      const [finding] = detect({
        type: 'http',
        url: LOCAL,
        status: 400,
        body: wooShape(entry.code, entry.description),
      });
      expect(finding?.entry?.id).toBe(entry.id);
      const siblings = BUNDLED_CATALOGUE.byCode(entry.code).filter(
        (e) => e.exchange === 'woo' && e !== entry,
      );
      for (const sibling of siblings) expect(finding?.alternatives).toContain(sibling);
    },
  );

  it('picks the closest row when the message is paraphrased', () => {
    const [finding] = detect({
      type: 'http',
      url: LOCAL,
      status: 400,
      body: wooShape('-1201', 'least req ratio should = 0.5'),
    });
    expect(finding?.entry?.id).toBe('woo:rest:-1201#1');
  });
});
