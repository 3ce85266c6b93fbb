import { describe, expect, it } from 'vitest';
import { detect, type Finding } from '../../../../src/core/index.ts';

const GATEWAY = 'http://119.8.50.236:8088';
const OKX_WS = 'wss://ws.okx.com:8443/ws/v5/private';
const LOCAL = 'http://127.0.0.1:8080';

const summary = (f: Finding) => ({
  exchange: f.exchange,
  attribution: f.attribution,
  confidence: f.confidence,
  dialect: f.dialect,
  code: f.code,
  entry: f.entry?.id,
  observedMessage: f.observedMessage,
});

function http(url: string, status: number, body: unknown) {
  return detect({ type: 'http', url, status, body: JSON.stringify(body) });
}
function ws(url: string, data: unknown) {
  return detect({ type: 'ws', url, direction: 'receive', data: JSON.stringify(data) });
}

describe('gateway REST envelopes', () => {
  it('reports a non-zero code with its catalogue entry', () => {
    const findings = http(`${GATEWAY}/fapi/v1/order`, 400, {
      code: -1121,
      msg: 'Invalid symbol status',
    });
    expect(findings.map(summary)).toEqual([
      {
        exchange: 'gateway',
        attribution: 'host',
        confidence: 'certain',
        dialect: 'binance-rest',
        code: '-1121',
        entry: 'gateway:rest:-1121',
        observedMessage: 'Invalid symbol status',
      },
    ]);
    expect(findings[0]?.httpStatus).toBe(400);
  });

  it('treats code 0 as success', () => {
    expect(http(`${GATEWAY}/api/x`, 200, { code: 0, msg: 'success', data: {} })).toEqual([]);
  });

  it("recognises the shape on an unknown host, and lets the gateway's words name it", () => {
    const [finding] = http(`${LOCAL}/api`, 200, { code: -2010, msg: 'Insufficient balance' });
    expect(finding).toMatchObject({ exchange: 'gateway', attribution: 'message' });
    expect(finding?.confidence).toBe('likely');
    expect(finding?.entry?.fix).toBe('Deposit funds or reduce order size');
  });

  it('takes a Binance-style code written as a string', () => {
    const [finding] = http(`${LOCAL}/api`, 400, {
      code: '-1022',
      msg: 'Signature for this request is not valid.',
    });
    expect(finding).toMatchObject({ dialect: 'binance-rest', exchange: 'binance', code: '-1022' });
  });
});

describe('OKX envelopes', () => {
  it('reports a WebSocket error event', () => {
    const findings = ws(OKX_WS, {
      event: 'error',
      code: '60012',
      msg: 'Invalid request: {"op":"x"}',
      connId: 'a4',
    });
    expect(findings.map(summary)).toEqual([
      {
        exchange: 'okx',
        attribution: 'host',
        confidence: 'certain',
        dialect: 'okx-ws-event',
        code: '60012',
        entry: 'okx:ws-message:60012',
        observedMessage: 'Invalid request: {"op":"x"}',
      },
    ]);
  });

  it('ignores login success and subscribe acknowledgements', () => {
    expect(ws(OKX_WS, { event: 'login', code: '0', msg: '', connId: 'a4' })).toEqual([]);
    expect(
      ws(OKX_WS, { event: 'subscribe', arg: { channel: 'tickers', instId: 'BTC-USDT' } }),
    ).toEqual([]);
  });

  it('reports REST errors and leaves REST success alone', () => {
    const url = 'https://www.okx.com/api/v5/account/balance';
    expect(http(url, 200, { code: '0', msg: '', data: [{ totalEq: '1' }] })).toEqual([]);
    const [finding] = http(url, 401, { code: '50113', msg: 'Invalid Sign', data: [] });
    expect(finding).toMatchObject({ exchange: 'okx', dialect: 'okx-rest', code: '50113' });
    // The OKX REST catalogue explains it; the server's words are kept as sent.
    expect(finding?.entry?.id).toBe('okx:rest:50113');
    expect(finding?.observedMessage).toBe('Invalid Sign');
  });

  it('reports each failed item of a batch reply with its own code and path', () => {
    const body = {
      code: '2',
      msg: '',
      data: [
        { clOrdId: 'a', ordId: '1', sCode: '0', sMsg: 'Order placed' },
        {
          clOrdId: 'b',
          ordId: '',
          sCode: '51008',
          sMsg: 'Order failed. Insufficient USDT balance in account.',
        },
        {
          clOrdId: 'c',
          ordId: '',
          sCode: '51121',
          sMsg: 'Order quantity must be a multiple of the lot size.',
        },
      ],
    };
    const findings = http('https://www.okx.com/api/v5/trade/batch-orders', 200, body);
    expect(findings.map((f) => [f.dialect, f.code, f.path])).toEqual([
      ['okx-rest-item', '51008', 'data[1]'],
      ['okx-rest-item', '51121', 'data[2]'],
    ]);
  });

  it('reads per-item errors of a WebSocket order operation', () => {
    const reply = {
      id: '1512',
      op: 'order',
      code: '1',
      msg: '',
      data: [{ sCode: '51000', sMsg: 'Parameter px error' }],
    };
    expect(ws(OKX_WS, reply).map((f) => [f.code, f.observedMessage])).toEqual([
      ['51000', 'Parameter px error'],
    ]);
  });
});

describe('WOO envelopes', () => {
  it('reports success:false with the row that matches the message', () => {
    const [finding] = http('https://api.woox.io/v1/order', 429, {
      success: false,
      code: -1003,
      message: 'Rate limit exceed.',
    });
    expect(summary(finding as Finding)).toEqual({
      exchange: 'woo',
      attribution: 'host',
      confidence: 'certain',
      dialect: 'woo-rest',
      code: '-1003',
      entry: 'woo:rest:-1003',
      observedMessage: 'Rate limit exceed.',
    });
  });

  it('ignores success:true even with a code', () => {
    expect(http('https://api.woox.io/v1/order', 200, { success: true, code: 0, data: {} })).toEqual(
      [],
    );
  });
});

describe('Binance-style WebSocket API replies', () => {
  it('reports error.code with the reply status', () => {
    const [finding] = ws('wss://ws-api.example.test/ws-api/v3', {
      id: 'e2a85d9f',
      status: 400,
      error: { code: -1021, msg: 'Timestamp for this request is outside of the recvWindow.' },
    });
    // Binance's own words, on a host nobody knows: Spot's row, USD-M's identical one aside.
    expect(finding).toMatchObject({
      exchange: 'binance',
      attribution: 'message',
      dialect: 'binance-ws-api',
      code: '-1021',
      httpStatus: 400,
    });
    expect(finding?.entry?.category).toBe('timestamp');
  });

  it('ignores a successful reply', () => {
    expect(
      ws('wss://x.test/ws-api/v3', { id: '1', status: 200, result: { serverTime: 1 } }),
    ).toEqual([]);
  });
});

describe('close codes', () => {
  const close = (url: string, code: number, reason = '', wasClean = true) =>
    detect({ type: 'close', url, code, reason, wasClean });

  it('explains an exchange close code before the RFC', () => {
    const [finding] = close(OKX_WS, 4004, 'No data received in 30s');
    expect(finding).toMatchObject({ exchange: 'okx', attribution: 'host', severity: 'error' });
    expect(finding?.entry?.id).toBe('okx:close-frame:4004');
  });

  it("uses OKX's meaning of 1009 on OKX and the RFC's elsewhere", () => {
    const [onOkx] = close(OKX_WS, 1009);
    expect(onOkx?.entry?.id).toBe('okx:close-frame:1009');
    expect(onOkx?.alternatives.map((e) => e.id)).toEqual(['rfc6455:close-frame:1009']);
    const [elsewhere] = close('ws://127.0.0.1:9/ws', 1009);
    expect(elsewhere?.entry?.id).toBe('rfc6455:close-frame:1009');
    expect(elsewhere?.alternatives.map((e) => e.id)).toEqual(['okx:close-frame:1009']);
  });

  it('falls back to the RFC for codes the exchange does not list', () => {
    const [finding] = close(OKX_WS, 1006, '', false);
    expect(finding).toMatchObject({ exchange: 'okx', severity: 'error' });
    expect(finding?.entry?.id).toBe('rfc6455:close-frame:1006');
  });

  it('calls a normal close a note, not an error', () => {
    expect(close('ws://127.0.0.1:9/ws', 1000)[0]?.severity).toBe('info');
  });

  it('still reports a private close code nobody documents', () => {
    const [finding] = close('ws://127.0.0.1:9/ws', 4999, 'custom');
    expect(finding).toMatchObject({ exchange: 'unknown', code: '4999', observedMessage: 'custom' });
    expect(finding?.entry).toBeUndefined();
  });
});

describe('HTTP statuses', () => {
  it('explains an error status without an envelope', () => {
    const [finding] = detect({
      type: 'http',
      url: `${GATEWAY}/x`,
      status: 503,
      body: '<html>down</html>',
    });
    expect(finding).toMatchObject({ dialect: 'http-status', code: '503', exchange: 'gateway' });
    expect(finding?.entry?.messages.en).toBe('Service Unavailable');
  });

  it('leaves failing assets of other sites alone', () => {
    const favicon = { type: 'http' as const, url: 'https://example.test/favicon.ico', status: 404 };
    expect(detect({ ...favicon, body: '<html>Not Found</html>' })).toEqual([]);
  });

  it('reports an API error status on an unknown host without naming an exchange', () => {
    const [finding] = detect({
      type: 'http',
      url: 'http://127.0.0.1:8080/api/orders',
      status: 502,
      headers: { 'Content-Type': 'application/json' },
      body: '{"error":"upstream"}',
    });
    expect(finding).toMatchObject({ exchange: 'unknown', attribution: 'guess', code: '502' });
    expect(finding?.entry?.messages.en).toBe('Bad Gateway');
  });

  it('reports nothing for 2xx without an error envelope', () => {
    expect(detect({ type: 'http', url: `${GATEWAY}/x`, status: 204 })).toEqual([]);
  });
});

describe('codes no catalogue knows', () => {
  it('are still errors, with their own message', () => {
    const [finding] = http(`${GATEWAY}/x`, 400, { code: -9999, msg: 'Something new' });
    expect(finding).toMatchObject({
      code: '-9999',
      exchange: 'gateway',
      observedMessage: 'Something new',
    });
    expect(finding?.entry).toBeUndefined();
    expect(finding?.alternatives).toEqual([]);
  });
});

describe('ordinary JSON on sites that are not exchanges', () => {
  const http200 = (body: unknown) =>
    detect({
      type: 'http',
      url: 'https://shop.example.test/api/cart',
      status: 200,
      body: JSON.stringify(body),
    });

  it('is not an error when an app says success its own way', () => {
    expect(http200({ code: 200, msg: '成功' })).toEqual([]);
    expect(http200({ code: 1, message: '操作成功' })).toEqual([]);
    expect(http200({ code: 7, msg: 'cart updated' })).toEqual([]);
  });

  it('still reports Binance-style negative codes and failing statuses', () => {
    expect(http200({ code: -1003, msg: 'Too many requests' })[0]?.code).toBe('-1003');
    const [failing] = detect({
      type: 'http',
      url: 'https://shop.example.test/api/cart',
      status: 500,
      body: '{"code":7,"msg":"boom"}',
    });
    expect(failing).toMatchObject({ code: '7', observedMessage: 'boom' });
  });
});

describe('batch replies that are top-level arrays', () => {
  it('report each failed item with its index', () => {
    const body = [
      { code: -2022, msg: 'ReduceOnly Order is rejected.' },
      { orderId: 1, symbol: 'BTCUSDT', status: 'NEW' },
      { code: -1021, msg: 'Timestamp for this request is outside of the recvWindow.' },
    ];
    const findings = detect({
      type: 'http',
      url: 'http://119.8.50.236:8088/fapi/v1/batchOrders',
      status: 200,
      body: JSON.stringify(body),
    });
    expect(findings.map((f) => [f.code, f.path])).toEqual([
      ['-2022', '[0]'],
      ['-1021', '[2]'],
    ]);
  });
});
