import { describe, expect, it } from 'vitest';
import type { FindingJson } from '../../../src/cli/json-item.ts';
import { cli, cliJson, cliWith, HAR } from './run-cli.ts';

type Findings = { findings: FindingJson[] };

/** An OKX batch reply whose item code no catalogue documents. */
const UNKNOWN_ITEM = `${JSON.stringify({
  type: 'http',
  url: 'https://www.okx.com/api/v5/trade/batch-orders',
  status: 200,
  body: JSON.stringify({
    code: '1',
    msg: 'All operations failed',
    data: [{ clOrdId: 'a', ordId: '', sCode: '59999', sMsg: 'Order failed. Something new.' }],
  }),
})}\n`;

describe('exchange-lens scan FILE.har', () => {
  it('explains every error in entry order, then a summary, and exits 1', async () => {
    const { code, stdout, stderr } = await cli('scan', HAR);
    expect(code).toBe(1);
    expect(stderr).toBe('');
    const blocks = stdout.split('\n\n');
    expect(blocks).toHaveLength(5);
    expect(blocks[0]?.split('\n')).toEqual([
      'error[gateway -1022]: Invalid signature',
      '  --> entry 3: POST http://119.8.50.236:8088/fapi/v1/order (HTTP 400)',
      '   | server said: "Signature for this request is not valid."',
      '   = means: Signature verification failed',
      '   = fix: Check your signing logic',
      '   = steps:',
      '       1. Verify timestamp: Must be within 5000ms of server time (`curl http://119.8.50.236:8088/api/gateway/time`)',
      '       2. Check signature algorithm: Use HMAC-SHA256',
      '       3. Verify parameter order: Parameters must be sorted alphabetically',
      '       4. Check encoding: URL-encode all parameter values',
      '   = category: signature · retry: retry after fixing the request · attributed by host, likely',
      "   = why: the host 119.8.50.236 is Gateway's; the server's words differ from the row, which is shown all the same",
      '   = also: binance -1022: Signature for this request is not valid.',
      '   = also: binance-usdm -1022: Signature for this request is not valid.',
    ]);
    expect(blocks[4]).toBe('4 errors, 0 notes in 15 events\n');
  });

  it('reads a base64-encoded WOO body and lists the other exchange that uses the code', async () => {
    const { stdout } = await cli('scan', HAR);
    expect(stdout).toContain(
      [
        'error[woo -1102]: The order value (price * size) is too small. (MIN_NOTIONAL)',
        '  --> entry 4: POST https://api.woox.io/v1/order (HTTP 400)',
        '   | server said: "The order value (price * size) is too small."',
        "   = fix: Raise price * quantity to at least the symbol's minimum notional (min_notional in v1, minNotional in v3 public instrument info).",
        '   = category: order · retry: retry after fixing the request · attributed by host, certain',
        '   = also: gateway -1102: Mandatory parameter missing',
      ].join('\n'),
    );
  });

  it('explains an OKX batch item code by the row its message names, and fills it', async () => {
    const { stdout } = await cli('scan', HAR);
    expect(stdout).toContain(
      [
        'error[okx 51008]: Order failed. Insufficient USDT balance in account',
        '  --> entry 5: POST https://www.okx.com/api/v5/trade/batch-orders (HTTP 200), item data[1]',
        '   | server said: "Order failed. Insufficient USDT balance in account."',
      ].join('\n'),
    );
    expect(stdout).toContain('   = placeholders: {param0} = USDT\n');
  });

  it('says plainly when no catalogue knows an OKX batch item code, and still shows the message', async () => {
    const { stdout } = await cliWith(
      { files: { 'unknown.jsonl': UNKNOWN_ITEM } },
      'scan',
      'unknown.jsonl',
    );
    expect(stdout).toContain(
      [
        'error[okx 59999]: unknown code 59999 from okx: no bundled catalogue knows it',
        '  --> line 1: https://www.okx.com/api/v5/trade/batch-orders (HTTP 200), item data[0]',
        '   | server said: "Order failed. Something new."',
        "   = fix: Look code 59999 up in okx's API documentation; the server's message often names the problem.",
        '   = attributed by host, certain',
      ].join('\n'),
    );
  });

  it('points at the WebSocket frame and fills the placeholder', async () => {
    const { stdout } = await cli('scan', HAR);
    expect(stdout).toContain(
      [
        'error[okx 60027]: Parameter instId can not be empty.',
        '  --> entry 7: GET wss://ws.okx.com:8443/ws/v5/public, frame 5 (received)',
        '   | server said: "Parameter instId can not be empty."',
      ].join('\n'),
    );
    expect(stdout).toContain('   = placeholders: {0} = instId\n');
  });

  it('does not report success envelopes, market data, acks or binary frames', async () => {
    const { json } = await cliJson<Findings>('scan', HAR);
    expect(json.findings.map((f) => [f.index, f.frame, f.exchange, f.code])).toEqual([
      [2, undefined, 'gateway', '-1022'],
      [3, undefined, 'woo', '-1102'],
      [4, undefined, 'okx', '51008'],
      [6, 4, 'okx', '60027'],
    ]);
  });

  it('--json: a known REST error carries the explanation and where it was seen', async () => {
    const { code, json } = await cliJson<Findings>('scan', HAR);
    expect(code).toBe(1);
    expect(json.findings[0]).toEqual({
      exchange: 'gateway',
      code: '-1022',
      message: 'Invalid signature',
      description: 'Signature verification failed',
      fix: 'Check your signing logic',
      category: 'signature',
      retry: { kind: 'after-fix', text: 'retry after fixing the request' },
      surface: 'rest',
      fixSource: 'exchange',
      source: 'catalogue/seeds/000_d3de87d9020803db.txt',
      entryId: 'gateway:rest:-1022',
      steps: expect.arrayContaining(['Check signature algorithm: Use HMAC-SHA256']),
      placeholders: {},
      alternatives: [
        { exchange: 'binance', code: '-1022', message: 'Signature for this request is not valid.' },
        {
          exchange: 'binance-usdm',
          code: '-1022',
          message: 'Signature for this request is not valid.',
        },
      ],
      httpStatus: 400,
      file: HAR,
      capture: 'har',
      index: 2,
      line: 203,
      eventType: 'http',
      url: 'http://119.8.50.236:8088/fapi/v1/order',
      method: 'POST',
      attribution: 'host',
      confidence: 'likely',
      reason:
        "the host 119.8.50.236 is Gateway's; the server's words differ from the row, which is shown all the same",
      dialect: 'binance-rest',
      observedMessage: 'Signature for this request is not valid.',
      severity: 'error',
      known: true,
      catalogue: 'gateway',
    });
    expect(json.findings[1]).toMatchObject({
      name: 'MIN_NOTIONAL',
      dialect: 'woo-rest',
      alternatives: expect.arrayContaining([
        { exchange: 'gateway', code: '-1102', message: 'Mandatory parameter missing' },
      ]),
    });
  });

  it('--json: an unknown code keeps every field, with honest text', async () => {
    const { stdout } = await cliWith(
      { files: { 'unknown.jsonl': UNKNOWN_ITEM } },
      'scan',
      'unknown.jsonl',
      '--json',
    );
    const { findings } = JSON.parse(stdout) as Findings;
    expect(findings[0]).toEqual({
      exchange: 'okx',
      code: '59999',
      message: 'Order failed. Something new.',
      description: expect.stringContaining('No bundled catalogue documents code 59999 for okx'),
      fix: expect.stringContaining("okx's API documentation"),
      category: 'unknown',
      retry: { kind: 'unknown', text: 'no advice: the code is not catalogued' },
      surface: 'rest',
      fixSource: 'exchange-lens',
      source: null,
      entryId: null,
      placeholders: {},
      alternatives: [],
      httpStatus: 200,
      file: 'unknown.jsonl',
      capture: 'jsonl',
      index: 0,
      line: 1,
      eventType: 'http',
      url: 'https://www.okx.com/api/v5/trade/batch-orders',
      attribution: 'host',
      confidence: 'certain',
      reason: "the host www.okx.com is OKX's; no bundled catalogue explains 59999",
      dialect: 'okx-rest-item',
      observedMessage: 'Order failed. Something new.',
      severity: 'error',
      known: false,
      catalogue: null,
      path: 'data[0]',
    });
  });

  it('--json: a WebSocket frame has its frame index, direction and placeholders', async () => {
    const { json } = await cliJson<Findings>('scan', HAR);
    expect(json.findings[3]).toMatchObject({
      exchange: 'okx',
      code: '60027',
      index: 6,
      frame: 4,
      eventType: 'ws',
      direction: 'receive',
      method: 'GET',
      url: 'wss://ws.okx.com:8443/ws/v5/public',
      surface: 'ws-message',
      dialect: 'okx-ws-event',
      placeholders: { '0': 'instId' },
      known: true,
    });
  });
});
