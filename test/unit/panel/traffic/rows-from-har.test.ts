import { describe, expect, it } from 'vitest';
import { decodeBody, isWebSocketEntry } from '../../../../src/core/capture/har-entry.ts';
import { createDetector } from '../../../../src/core/index.ts';
import {
  FALLBACK_NOTE,
  fallbackRowsFromEntry,
  httpRowFromEntry,
  MAX_BODY_CHARS,
  wantsBody,
} from '../../../../src/panel/traffic/rows-from-har.ts';
import { GATEWAY_ORDER, harEntry, harSocket, T0 } from '../support/frames.ts';

const detector = createDetector();
const counter = () => {
  let id = 0;
  return { next: () => ++id };
};

describe('httpRowFromEntry', () => {
  it('annotates an exchange error body', () => {
    const body = '{"code":-1021,"msg":"Timestamp for this request is outside of the recvWindow."}';
    const entry = harEntry({ url: GATEWAY_ORDER, status: 400, method: 'POST' });
    const row = httpRowFromEntry(entry, body, 1, detector);
    expect(row).toMatchObject({
      kind: 'http',
      source: 'network',
      method: 'POST',
      status: 400,
      level: 'error',
      where: '119.8.50.236:8088/fapi/v1/order',
      time: T0 + 12,
    });
    expect(row?.preview.startsWith('POST 400 · {"code":-1021')).toBe(true);
    expect(row?.findings[0]?.entry?.id).toBe('gateway:rest:-1021');
    expect(row?.payload).toEqual({ text: body, size: body.length });
  });

  it('holds at most MAX_BODY_CHARS of a body and says it cut it', () => {
    const body = `{"data":"${'x'.repeat(MAX_BODY_CHARS)}"}`;
    const row = httpRowFromEntry(harEntry({ url: GATEWAY_ORDER, status: 200 }), body, 1, detector);
    expect(row?.payload?.text).toHaveLength(MAX_BODY_CHARS);
    expect(row?.payload).toMatchObject({ truncated: true, size: body.length });
  });

  it('skips WebSockets and extension URLs', () => {
    expect(httpRowFromEntry(harSocket('wss://a/b', []), undefined, 1, detector)).toBeUndefined();
    const own = harEntry({ url: 'chrome-extension://abc/x.js', status: 200 });
    expect(httpRowFromEntry(own, undefined, 1, detector)).toBeUndefined();
  });

  it('fetches bodies of API-looking responses and failures only', () => {
    expect(wantsBody(harEntry({ url: 'https://a/api', status: 200 }))).toBe(true);
    expect(
      wantsBody(harEntry({ url: 'https://a/x.png', status: 200, mimeType: 'image/png' })),
    ).toBe(false);
    expect(wantsBody(harEntry({ url: 'https://a/x', status: 502, mimeType: 'text/html' }))).toBe(
      true,
    );
  });

  it('decodes base64 bodies as UTF-8', () => {
    expect(decodeBody(btoa('{"a":1}'), 'base64')).toBe('{"a":1}');
    expect(decodeBody('plain', '')).toBe('plain');
    expect(decodeBody(null, 'base64')).toBeUndefined();
  });
});

describe('fallbackRowsFromEntry', () => {
  const url = 'wss://ws.okx.com:8443/ws/v5/public';
  const entry = harSocket(url, [
    { type: 'send', opcode: 1, data: '{"op":"subscribe"}' },
    { type: 'receive', opcode: 1, data: '{"event":"error","code":"60018","msg":"x"}' },
    { type: 'receive', opcode: 2, data: btoa('\u0001\u0002binary') },
    { type: 'receive', opcode: 9, data: '' },
  ]);

  it('recognises Chromium WebSocket entries', () => {
    expect(isWebSocketEntry(entry)).toBe(true);
    expect(isWebSocketEntry(harEntry({ url: GATEWAY_ORDER, status: 200 }))).toBe(false);
  });

  it('shows a note row, then each data message, with seconds turned into milliseconds', () => {
    const rows = fallbackRowsFromEntry(entry, counter(), detector);
    expect(rows.map((r) => [r.kind, r.source, r.level])).toEqual([
      ['open', 'devtools', 'plain'],
      ['send', 'devtools', 'plain'],
      ['receive', 'devtools', 'error'],
      ['receive', 'devtools', 'plain'],
    ]);
    expect(rows[0]?.preview).toBe(FALLBACK_NOTE);
    expect(rows[1]?.time).toBe(T0);
    expect(rows[3]?.payload?.binary).toBe(btoa('\u0001\u0002binary'));
    expect(rows[3]?.preview).toBe('binary, 8 bytes: 01 02 62 69 6e 61 72 79');
  });
});
