import { describe, expect, it } from 'vitest';
import type { FindingJson } from '../../../src/cli/json-item.ts';
import { cliWith } from './run-cli.ts';

type Findings = { findings: FindingJson[] };

const GATEWAY_ERROR = JSON.stringify({ code: -1121, msg: 'Invalid symbol.' });

function har(entries: unknown[]): string {
  return JSON.stringify({
    log: { version: '1.2', creator: { name: 'test', version: '1' }, entries },
  });
}

function httpEntry(url: string, status: number, text: string, extra: object = {}) {
  return {
    request: { method: 'POST', url, headers: [] },
    response: {
      status,
      content: { size: text.length, mimeType: 'application/json', text, ...extra },
    },
  };
}

describe('scan tells HAR from JSON Lines by content', () => {
  it('reads a HAR whatever its name, and JSON Lines named .har', async () => {
    const files = {
      'capture.txt': har([httpEntry('http://119.8.50.236:8088/fapi/v1/order', 400, GATEWAY_ERROR)]),
      'events.har': `${JSON.stringify({ type: 'http', url: 'http://119.8.50.236:8088/x', status: 400, body: GATEWAY_ERROR })}\n`,
    };
    const harRun = await cliWith({ files }, 'scan', 'capture.txt');
    expect(harRun.stdout).toContain(
      '  --> entry 1: POST http://119.8.50.236:8088/fapi/v1/order (HTTP 400)\n',
    );
    const jsonlRun = await cliWith({ files }, 'scan', 'events.har');
    expect(jsonlRun.stdout).toContain('  --> line 1: http://119.8.50.236:8088/x (HTTP 400)\n');
  });

  it('an empty capture is a capture of nothing: exit 0', async () => {
    const files = { 'empty.jsonl': '\n\n', 'empty.har': har([]), 'bom.har': `\uFEFF${har([])}` };
    for (const file of Object.keys(files)) {
      const { code, stdout } = await cliWith({ files }, 'scan', file);
      expect(code).toBe(0);
      expect(stdout).toBe('0 errors, 0 notes in 0 events\n');
    }
    const json = await cliWith({ files }, 'scan', 'empty.har', '--json');
    expect(JSON.parse(json.stdout)).toEqual({ findings: [] });
  });

  it('a JSON Lines file whose first line is broken is still JSON Lines', async () => {
    const files = {
      'a.jsonl': `{"type":"ws",\n{"type":"ws","url":"wss://ws.okx.com:8443/ws/v5/public","direction":"receive","data":"{\\"event\\":\\"error\\",\\"code\\":\\"60012\\",\\"msg\\":\\"Invalid request\\"}"}\n`,
    };
    const { code, stdout, stderr } = await cliWith({ files }, 'scan', 'a.jsonl');
    expect(stderr).toBe('warning: line 1: not JSON, skipped\n');
    expect(code).toBe(1);
    expect(stdout).toMatch(/^error\[okx 60012\]: Invalid request\n {2}--> line 2: /);
  });
});

describe('scan reads HAR entries as Chromium writes them', () => {
  it('skips an entry without a URL, with a warning, and goes on', async () => {
    const files = {
      'a.har': har([
        { request: { method: 'GET' }, response: { status: 200 } },
        httpEntry('http://119.8.50.236:8088/fapi/v1/order', 400, GATEWAY_ERROR),
      ]),
    };
    const { stdout, stderr } = await cliWith({ files }, 'scan', 'a.har');
    expect(stderr).toBe('warning: entry 1 at line 1: no request.url, skipped\n');
    expect(stdout).toMatch(/\n1 error, 0 notes in 1 event; 1 entry skipped\n$/);
  });

  it('decodes binary WebSocket frames from base64 and reads text frames as they are', async () => {
    const error = JSON.stringify({ event: 'error', code: '60012', msg: 'Invalid request' });
    const files = {
      'a.har': har([
        {
          request: { method: 'GET', url: 'wss://ws.okx.com:8443/ws/v5/public' },
          response: { status: 101, content: { size: 0, mimeType: 'x-unknown' } },
          _resourceType: 'websocket',
          _webSocketMessages: [
            { type: 'receive', time: 1, opcode: 2, data: Buffer.from(error).toString('base64') },
            { type: 'receive', time: 2, opcode: 1, data: error },
            { type: 'receive', time: 3, opcode: 9, data: '' },
          ],
        },
      ]),
    };
    const { stdout } = await cliWith({ files }, 'scan', 'a.har', '--json');
    const { findings } = JSON.parse(stdout) as Findings;
    expect(findings.map((f) => [f.index, f.frame, f.code, f.direction])).toEqual([
      [0, 0, '60012', 'receive'],
      [0, 1, '60012', 'receive'],
    ]);
  });

  it('reports an HTTP error without an envelope by its status', async () => {
    const files = {
      'a.har': har([httpEntry('http://119.8.50.236:8088/fapi/v1/order', 429, 'Too many requests')]),
    };
    const { stdout } = await cliWith({ files }, 'scan', 'a.har', '--json');
    expect((JSON.parse(stdout) as Findings).findings).toMatchObject([
      {
        exchange: 'gateway',
        code: '429',
        surface: 'http-status',
        retry: { kind: 'backoff', delayMs: 60000, text: 'retry with backoff (60 s)' },
      },
    ]);
  });
});

describe('scan output on a terminal', () => {
  const files = {
    'a.jsonl': JSON.stringify({
      type: 'ws',
      url: 'wss://ws.okx.com:8443/ws/v5/public\u001b[2J',
      direction: 'receive',
      data: JSON.stringify({
        event: 'error',
        code: '60012',
        msg: 'Invalid request\u001b[31m\u009b2J\u202e',
      }),
    }),
  };

  it('escapes control and bidi characters that came from the capture', async () => {
    const { stdout } = await cliWith({ files }, 'scan', 'a.jsonl');
    for (const raw of ['\u001b', '\u009b', '\u202e']) expect(stdout).not.toContain(raw);
    expect(stdout).toContain('--> line 1: wss://ws.okx.com:8443/ws/v5/public\\u001b[2J (received)');
    expect(stdout).toContain('| server said: "Invalid request\\u001b[31m\\u009b2J\\u202e"');
  });

  it('escapes isolates, zero-width characters, tags and lone surrogates too', async () => {
    const hostile = {
      'b.jsonl': JSON.stringify({
        type: 'ws',
        url: 'wss://ws.okx.com:8443/ws/v5/public?x=\u2066\u200b',
        direction: 'receive',
        data: JSON.stringify({
          event: 'error',
          code: '60012',
          msg: 'Invalid \u2067request\u2069\u061c\u200d\ufeff\u{e0041}',
        }),
      }),
    };
    const { stdout } = await cliWith({ files: hostile }, 'scan', 'b.jsonl');
    for (const raw of ['\u2066', '\u2067', '\u2069', '\u061c', '\u200b', '\u200d', '\ufeff']) {
      expect(stdout).not.toContain(raw);
    }
    expect(stdout).not.toContain('\u{e0041}');
    expect(stdout).toContain('ws/v5/public?x=\\u2066\\u200b (received)');
    expect(stdout).toContain(
      '| server said: "Invalid \\u2067request\\u2069\\u061c\\u200d\\ufeff\\u{e0041}"',
    );
  });

  it('colours the labels only when asked to', async () => {
    const plain = await cliWith({ files }, 'scan', 'a.jsonl');
    const coloured = await cliWith({ files, colour: true }, 'scan', 'a.jsonl');
    expect(plain.stdout.startsWith('error[okx 60012]')).toBe(true);
    expect(
      coloured.stdout.startsWith('\u001b[1m\u001b[31merror[okx 60012]\u001b[39m\u001b[22m'),
    ).toBe(true);
    const ESC = String.fromCharCode(27);
    expect(coloured.stdout.replace(new RegExp(`${ESC}\\[\\d+m`, 'g'), '')).toBe(plain.stdout);
  });
});
