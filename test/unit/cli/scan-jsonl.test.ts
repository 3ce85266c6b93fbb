import { describe, expect, it } from 'vitest';
import type { FindingJson } from '../../../src/cli/json-item.ts';
import { cli, cliJson, cliWith, JSONL } from './run-cli.ts';

type Findings = { findings: FindingJson[] };

describe('exchange-lens scan FILE.jsonl', () => {
  it('warns once about the malformed line and explains the others', async () => {
    const { code, stdout, stderr } = await cli('scan', JSONL);
    expect(code).toBe(1);
    expect(stderr).toBe('warning: line 4: not JSON, skipped\n');
    const headlines = stdout.split('\n').filter((line) => /^(error|note)\[/.test(line));
    expect(headlines).toEqual([
      'error[gateway -1021]: Timestamp outside recv window',
      'error[okx 60009]: Login failure',
      'error[okx 4004]: No data received in 30s',
      'note[okx 1000]: Normal Closure',
    ]);
    expect(stdout.endsWith('\n3 errors, 1 note in 6 events; 1 line skipped\n')).toBe(true);
  });

  it('points at lines counted from 1', async () => {
    const { stdout } = await cli('scan', JSONL);
    expect(stdout).toContain(
      '  --> line 1: POST http://119.8.50.236:8088/fapi/v1/order (HTTP 400)\n' +
        '   | server said: "Timestamp for this request is outside of the recvWindow."\n',
    );
    expect(stdout).toContain('  --> line 3: wss://ws.okx.com:8443/ws/v5/private (received)\n');
    expect(stdout).toContain(
      [
        'error[okx 4004]: No data received in 30s',
        '  --> line 6: wss://ws.okx.com:8443/ws/v5/public (close frame)',
        '   | server said: "No data received in 30s"',
        "   = fix: Send 'ping' text frames at least every 30 s (or subscribe to a channel that pushes data) and reconnect when closed.",
        '   = category: connection · retry: reconnect · attributed by host, certain',
      ].join('\n'),
    );
  });

  it('a normal close is a note explained by the RFC 6455 catalogue', async () => {
    const { stdout } = await cli('scan', JSONL);
    expect(stdout).toContain(
      '  --> line 7: wss://ws.okx.com:8443/ws/v5/business (close frame)\n' +
        '   = means: The connection was closed normally',
    );
    expect(stdout).toContain(
      '   = category: connection · retry: reconnect · attributed by host, certain · explained by the rfc6455 catalogue\n',
    );
  });

  it('--json: indexes are line indexes among all lines, 0-based', async () => {
    const { code, json } = await cliJson<Findings>('scan', JSONL);
    expect(code).toBe(1);
    expect(
      json.findings.map((f) => [f.index, f.eventType, f.code, f.severity, f.catalogue]),
    ).toEqual([
      [0, 'http', '-1021', 'error', 'gateway'],
      [2, 'ws', '60009', 'error', 'okx'],
      [5, 'close', '4004', 'error', 'okx'],
      [6, 'close', '1000', 'info', 'rfc6455'],
    ]);
    expect(json.findings[2]).toMatchObject({
      exchange: 'okx',
      surface: 'close-frame',
      dialect: 'close-frame',
      observedMessage: 'No data received in 30s',
      retry: { kind: 'reconnect', text: 'reconnect' },
      wasClean: true,
      known: true,
    });
    expect(json.findings[2]).not.toHaveProperty('frame');
  });

  it('exits 0 when only notes are found', async () => {
    const files = {
      'closed.jsonl': '{"type":"close","url":"wss://ws.okx.com:8443/ws/v5/public","code":1000}\n',
    };
    const { code, stdout } = await cliWith({ files }, 'scan', 'closed.jsonl');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^note\[okx 1000\]: Normal Closure\n/);
    expect(stdout).toMatch(/\n0 errors, 1 note in 1 event\n$/);
  });

  it('skips lines that are JSON but not events, saying why, and counts blank lines', async () => {
    const lines = [
      '{"type":"http","url":"https://www.okx.com/api/v5/public/time","status":"200"}',
      '',
      '{"type":"ws","url":"wss://ws.okx.com:8443/ws/v5/public","data":"{}"}',
      '[1, 2]',
      '{"type":"sse","url":"https://example.com"}',
      '{"type":"close","code":4001}',
      '{"type":"close","url":"wss://ws.okx.com:8443/ws/v5/private","code":4001,"reason":"Login Failed"}\r',
    ];
    const files = { 'odd.jsonl': lines.join('\n') };
    const { code, stdout, stderr } = await cliWith({ files }, 'scan', 'odd.jsonl');
    expect(stderr.split('\n')).toEqual([
      'warning: line 1: http event without an integer "status", skipped',
      'warning: line 3: ws event without a "direction" of "send" or "receive", skipped',
      'warning: line 4: not a JSON object, skipped',
      'warning: line 5: no "type" of "http", "ws" or "close", skipped',
      'warning: line 6: close event without a "url", skipped',
      '',
    ]);
    expect(code).toBe(1);
    expect(stdout).toContain('  --> line 7: wss://ws.okx.com:8443/ws/v5/private (close frame)\n');
    expect(stdout).toMatch(/\n1 error, 0 notes in 1 event; 5 lines skipped\n$/);
  });

  it('takes a body logged as a JSON value, and method and headers when given', async () => {
    const line = JSON.stringify({
      type: 'http',
      method: 'DELETE',
      url: 'https://api.woox.io/v1/order',
      status: 400,
      headers: { 'content-type': 'application/json' },
      body: { success: false, code: -1006, message: 'The data is not found in server.' },
    });
    const { stdout } = await cliWith({ files: { 'a.jsonl': line } }, 'scan', 'a.jsonl', '--json');
    expect((JSON.parse(stdout) as Findings).findings).toMatchObject([
      { exchange: 'woo', code: '-1006', method: 'DELETE', name: 'RESOURCE_NOT_FOUND', index: 0 },
    ]);
  });

  it('a close that was not clean says so', async () => {
    const line = '{"type":"close","url":"wss://ws.example.com/feed","code":1006,"wasClean":false}';
    const { stdout } = await cliWith({ files: { 'a.jsonl': line } }, 'scan', 'a.jsonl');
    expect(stdout).toContain(
      'error[rfc6455 1006]: Abnormal Closure\n  --> line 1: wss://ws.example.com/feed (close frame, not clean)\n',
    );
  });
});
