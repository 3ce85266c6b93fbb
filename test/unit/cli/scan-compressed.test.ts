import { deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import type { FindingJson } from '../../../src/cli/json-item.ts';
import { INFLATE_LIMITS } from '../../../src/core/bytes/compression.ts';
import { cliWith } from './run-cli.ts';

type Findings = { findings: FindingJson[] };

// OKX's reply to a subscription it cannot parse, as its gzip-compressing gateways send it.
const OKX_ERROR = JSON.stringify({
  event: 'error',
  code: '60012',
  msg: 'Invalid request: {"op": "subscribe", "args":[{ "channel" : "tickers", "instId" : "BTC-USDT"}]}',
  connId: 'a4d3ae55',
});
const MARKET = JSON.stringify({
  ch: 'market.btcusdt.ticker',
  ts: 1795684443000,
  tick: { close: 65012.4 },
});

function socketHar(frames: Uint8Array[]): string {
  return JSON.stringify({
    log: {
      version: '1.2',
      entries: [
        {
          request: { method: 'GET', url: 'wss://ws.okx.com:8443/ws/v5/public' },
          response: { status: 101, content: { size: 0, mimeType: 'x-unknown' } },
          _resourceType: 'websocket',
          _webSocketMessages: frames.map((bytes, i) => ({
            type: 'receive',
            time: 1795684443.1 + i,
            opcode: 2,
            data: Buffer.from(bytes).toString('base64'),
          })),
        },
      ],
    },
  });
}

describe('scan inflates compressed binary frames of a HAR', () => {
  it('gzip, zlib and raw deflate frames are read as the text they carry', async () => {
    const files = {
      'socket.har': socketHar([
        gzipSync(MARKET),
        gzipSync(OKX_ERROR),
        deflateSync(OKX_ERROR),
        deflateRawSync(OKX_ERROR),
        new Uint8Array([0x08, 0x96, 0x01, 0x12, 0x04]),
      ]),
    };
    const { code, stdout } = await cliWith({ files }, 'scan', 'socket.har', '--json');
    expect(code).toBe(1);
    const { findings } = JSON.parse(stdout) as Findings;
    expect(findings.map((f) => [f.frame, f.code, f.compression])).toEqual([
      [1, '60012', 'gzip'],
      [2, '60012', 'deflate'],
      [3, '60012', 'deflate-raw'],
    ]);
    expect(findings[0]).toMatchObject({ exchange: 'okx', dialect: 'okx-ws-event', known: true });
    const human = await cliWith({ files }, 'scan', 'socket.har');
    expect(human.stdout).toContain(
      'error[okx 60012]: Invalid request\n  --> entry 1: GET wss://ws.okx.com:8443/ws/v5/public, frame 2 (received, gzip-compressed)\n',
    );
  });

  it('a compression bomb is cut at the limit, said so, and its beginning still read', async () => {
    const padding = ' '.repeat(INFLATE_LIMITS.maxOutputBytes * 2);
    const bomb = gzipSync(
      `{"event":"error","code":"60012","msg":"Invalid request","pad":"${padding}"}`,
    );
    expect(bomb.length).toBeLessThan(INFLATE_LIMITS.maxInputBytes);
    const files = { 'bomb.har': socketHar([bomb]) };
    const { stdout, stderr } = await cliWith(
      { files, chunkSize: 65536 },
      'scan',
      'bomb.har',
      '--json',
    );
    expect(stderr).toBe(
      'warning: entry 1 at line 1, frame 1: gzip frame inflates past the limit; only its beginning was read\n',
    );
    const { findings } = JSON.parse(stdout) as Findings;
    expect(findings).toMatchObject([{ code: '60012', compression: 'gzip', partial: true }]);
  });
});
