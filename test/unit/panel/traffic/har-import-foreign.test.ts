// DevTools' own HAR files, Chromium's and Firefox's, import into the panel with the findings the
// CLI's reader reports in them, in time order, their sockets saying close codes are not there.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCapture } from '../../../../src/cli/read-capture.ts';
import { harEntries } from '../../../../src/core/capture/har-entry.ts';
import { createDetector } from '../../../../src/core/index.ts';
import { IMPORTED_SOCKET_NOTE } from '../../../../src/panel/traffic/har-import.ts';
import {
  createTrafficSession,
  type TrafficSession,
} from '../../../../src/panel/traffic/traffic-session.ts';
import { repoPath } from '../../../support/repo.ts';

const detector = createDetector();

/** What `exchange-lens scan` finds in the file: its own reader, the bundled detector. */
async function scanned(har: unknown): Promise<string[]> {
  const found: string[] = [];
  async function* chunks() {
    yield JSON.stringify(har, null, 2);
  }
  for await (const batch of readCapture(chunks())) {
    for (const item of batch) {
      if (item.kind !== 'event') continue;
      for (const f of detector.detect(item.sourced.event)) found.push(`${f.exchange} ${f.code}`);
    }
  }
  return found;
}

async function imported(har: unknown, file: string): Promise<TrafficSession> {
  const session = createTrafficSession();
  await session.importHar(harEntries(har) ?? [], { file });
  return session;
}

describe("importing DevTools' own HAR", () => {
  it('explains the same errors the CLI finds in it, in time order, without close codes', async () => {
    const file = repoPath('test/fixtures/trading-session.har');
    const har = JSON.parse(readFileSync(file, 'utf8'));
    const rows = (await imported(har, 'trading-session.har')).snapshot().rows;
    const cli = await scanned(har);
    const panel = rows.flatMap((row) => row.findings.map((f) => `${f.exchange} ${f.code}`));
    expect(panel.sort()).toEqual(cli.sort());
    const times = rows.map((row) => row.time);
    expect(times).toEqual([...times].sort((a, b) => a - b));
    expect(rows.filter((row) => row.kind === 'open').map((row) => row.preview)).toEqual([
      IMPORTED_SOCKET_NOTE,
    ]);
  });
});

describe("importing Firefox's own HAR", () => {
  /** Firefox's layout: offsets in startedDateTime, base64 bodies, a socket's 101 with no frames. */
  const firefoxHar = () => {
    const woo = '{"success":false,"code":-1003,"message":"Rate limit exceed."}';
    const okx =
      '{"code":"1","msg":"All operations failed","data":[{"clOrdId":"","ordId":"","sCode":"51008","sMsg":"Order failed. Insufficient USDT balance in account.","tag":""}]}';
    const entry = (
      started: string,
      url: string,
      status: number,
      content: Record<string, unknown>,
    ) => ({
      pageref: 'page_1',
      startedDateTime: started,
      request: {
        bodySize: 0,
        method: 'POST',
        url,
        httpVersion: 'HTTP/2',
        headers: [],
        cookies: [],
        queryString: [],
        headersSize: 310,
      },
      response: {
        status,
        statusText: '',
        httpVersion: 'HTTP/2',
        headers: [{ name: 'content-type', value: 'application/json' }],
        cookies: [],
        content,
        redirectURL: '',
        headersSize: 250,
        bodySize: 90,
      },
      cache: {},
      timings: { blocked: 0, dns: 0, connect: 0, ssl: 0, send: 0, wait: 40, receive: 1 },
      time: 41,
      _securityState: 'secure',
    });
    return {
      log: {
        version: '1.2',
        creator: { name: 'Firefox', version: '153.0' },
        browser: { name: 'Firefox', version: '153.0' },
        pages: [
          {
            startedDateTime: '2026-01-05T10:30:00.000+01:00',
            id: 'page_1',
            title: 'Trade',
            pageTimings: {},
          },
        ],
        entries: [
          entry('2026-01-05T10:30:00.100+01:00', 'wss://ws.okx.com:8443/ws/v5/private', 101, {
            mimeType: '',
            size: 0,
          }),
          entry('2026-01-05T10:30:01.200+01:00', 'https://api.woox.io/v1/order', 429, {
            mimeType: 'application/json',
            size: woo.length,
            encoding: 'base64',
            text: Buffer.from(woo).toString('base64'),
          }),
          entry('2026-01-05T10:30:02.300+01:00', 'https://www.okx.com/api/v5/trade/order', 200, {
            mimeType: 'application/json',
            size: okx.length,
            text: okx,
          }),
        ],
      },
    };
  };

  it('explains what the CLI finds, and says its socket has no close codes', async () => {
    const har = firefoxHar();
    const rows = (await imported(har, 'firefox.har')).snapshot().rows;
    const cli = await scanned(har);
    expect(rows.flatMap((row) => row.findings.map((f) => `${f.exchange} ${f.code}`))).toEqual(cli);
    expect(cli).toEqual(['woo -1003', 'okx 51008']);
    expect(rows.map((row) => [row.kind, row.source])).toEqual([
      ['open', 'devtools'],
      ['http', 'network'],
      ['http', 'network'],
    ]);
    expect(rows[0]?.preview).toBe(IMPORTED_SOCKET_NOTE);
  });
});
