// A session exported as HAR and imported into a fresh session shows the same rows and findings,
// close codes included; the CLI's reader finds the same errors in it; credentials are redacted
// unless asked. (DevTools' own HAR files: har-import-foreign.test.ts.)
import { deflateRawSync } from 'node:zlib';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { eventsOfEntry, harEntries } from '../../../../src/core/capture/har-entry.ts';
import { createDetector } from '../../../../src/core/index.ts';
import { harFromRows } from '../../../../src/panel/traffic/har-export.ts';
import type { TrafficRow } from '../../../../src/panel/traffic/traffic-row.ts';
import {
  createTrafficSession,
  type TrafficSession,
} from '../../../../src/panel/traffic/traffic-session.ts';
import { OKX_LOGIN_ECHO, OKX_LOGIN_SECRETS } from '../../../support/okx-login-echo.ts';
import { fakeClock } from '../support/fake-clock.ts';
import {
  frame,
  GATEWAY_ORDER,
  harEntry,
  harSocket,
  okxError,
  T0,
  tabFrames,
} from '../support/frames.ts';

const OKX = 'wss://ws.okx.com:8443/ws/v5/private';
const WS_API = 'wss://ws-api.binance.com:443/ws-api/v3';
const SECRETS = [
  'mock-okx-api-key',
  'mock-passphrase',
  'S1gnatur3==',
  'vmPUZE6mv9SD5VNHk4Hl',
  'c8db56825ae71d6d',
  'mock-token',
];
const detector = createDetector();

/** What a user sees of a row, minus its id. */
function seen(row: TrafficRow) {
  return {
    kind: row.kind,
    source: row.source,
    where: row.where,
    time: row.time,
    size: row.size,
    preview: row.preview,
    level: row.level,
    close: row.close,
    findings: row.findings.map((f) => `${f.exchange} ${f.code} ${f.entry?.id ?? '?'}`),
    inflated: row.payload?.inflated?.format,
  };
}

async function imported(har: unknown, file = 'session.har'): Promise<TrafficSession> {
  const session = createTrafficSession();
  await session.importHar(harEntries(JSON.parse(JSON.stringify(har))) ?? [], { file });
  return session;
}

let live: readonly TrafficRow[];
/** Live rows in the order an import shows them: by time (a socket DevTools alone saw arrives
 * late but happened early), arrival order among equals. */
let timeline: readonly TrafficRow[];

beforeAll(async () => {
  const time = fakeClock(T0);
  const session = createTrafficSession({ clock: time.clock });
  const text = (kind: 'send' | 'receive', url: string, value: string, at: number, socket = 1) =>
    frame({ kind, url, text: value, size: value.length, time: T0 + at, socket });
  session.ingestHar(
    harEntry({
      url: GATEWAY_ORDER,
      status: 400,
      method: 'POST',
      extra: {
        request: {
          method: 'POST',
          url: GATEWAY_ORDER,
          headers: [
            {
              name: 'X-MBX-APIKEY',
              value: 'vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A',
            },
            { name: 'Authorization', value: 'Bearer mock-token' },
            { name: 'Content-Type', value: 'application/x-www-form-urlencoded' },
          ],
          postData: {
            text: 'symbol=LTCBTC&side=BUY&timestamp=1499827319559&signature=c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71',
          },
        },
      },
    }),
    '{"code":-1022,"msg":"Signature for this request is not valid."}',
  );
  session.ingestFrames(
    tabFrames([
      frame({ kind: 'open', url: OKX, time: T0 + 1, protocol: '' }),
      text(
        'send',
        OKX,
        '{"op":"login","args":[{"apiKey":"mock-okx-api-key","passphrase":"mock-passphrase","timestamp":"1538054050","sign":"S1gnatur3=="}]}',
        2,
      ),
      text('receive', OKX, okxError('60009', 'Login failed.'), 30),
      frame({ kind: 'error', url: OKX, time: T0 + 31 }),
      frame({
        kind: 'close',
        url: OKX,
        time: T0 + 32,
        code: 4001,
        reason: 'Login failed.',
        wasClean: true,
      }),
      text(
        'send',
        WS_API,
        '{"id":"order-2","method":"order.place","params":{"symbol":"BTCUSDT","apiKey":"vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A","signature":"c8db56825ae71d6d","timestamp":1}}',
        40,
        2,
      ),
      text(
        'receive',
        WS_API,
        '{"id":"order-2","status":400,"error":{"code":-1021,"msg":"Timestamp for this request is outside of the recvWindow."}}',
        63,
        2,
      ),
      frame({
        kind: 'receive',
        url: 'wss://real.okex.com:8443/ws/v3',
        binary: deflateRawSync(okxError('60012', 'Invalid request: {"op":"subscribe"}')).toString(
          'base64',
        ),
        time: T0 + 70,
        socket: 3,
      }),
    ]),
  );
  // A socket in an iframe: listed under its frame's origin, numbered from #1 there.
  session.setDocuments([{ frameId: 3, url: 'https://widget.example.com/embed', timeOrigin: T0 }]);
  session.ingestFrames(
    tabFrames(
      [text('receive', OKX, okxError('60011', 'Please log in'), 80, 1)].map((f) => ({
        ...f,
        seq: 1,
      })),
      { frameId: 3, doc: 'doc-iframe' },
    ),
  );
  // A socket inside a Worker: DevTools saw it, the wrapper did not.
  session.ingestHar(
    harSocket('wss://ws.okx.com:8443/ws/v5/public', [
      { type: 'send', opcode: 1, data: '{"op":"subscribe","args":[{"channel":"tickers"}]}' },
      { type: 'receive', opcode: 1, data: okxError('60027', 'Parameter instId can not be empty.') },
    ]),
  );
  await vi.waitFor(() => {
    session.flushNow();
    expect(session.snapshot().rows.filter((row) => row.payload?.inflated)).toHaveLength(1);
  });
  // The Worker's socket waits for the wrapper's frames before DevTools' log is shown.
  time.advance(2_000);
  session.flushNow();
  expect(session.snapshot().rows.some((row) => row.source === 'devtools')).toBe(true);
  live = session.snapshot().rows;
  timeline = [...live].sort((a, b) => a.time - b.time || a.id - b.id);
});

describe('HAR export and import', () => {
  it('imports what it exported as the same rows, close codes and inflated frames included', async () => {
    const har = harFromRows(live, { keepCredentials: true, creatorVersion: '0.1.0' });
    const back = (await imported(har)).snapshot().rows;
    expect(back.map(seen)).toEqual(timeline.map(seen));
    expect(back.find((row) => row.frameId === 3)?.where).toBe(
      'ws.okx.com:8443/ws/v5/private #1 · frame https://widget.example.com',
    );
    expect(back.find((row) => row.kind === 'close')?.close).toEqual({
      code: 4001,
      reason: 'Login failed.',
      wasClean: true,
    });
    expect(back.every((row) => row.imported?.file === 'session.har')).toBe(true);
    // Pairing works on imported rows too.
    const reply = back.find((row) => row.findings[0]?.code === '-1021');
    const snapshot = (await imported(har)).snapshot();
    expect(snapshot.pairs.requestOf(reply?.id ?? 0)).toMatchObject({
      label: 'order.place',
      latencyMs: 23,
    });
  });

  it('writes HAR 1.2 with Chromium messages and our own fields', () => {
    const { log } = harFromRows(live, { keepCredentials: false, creatorVersion: '0.1.0' });
    expect(log).toMatchObject({
      version: '1.2',
      creator: { name: 'Exchange Lens' },
      _credentials: 'redacted',
    });
    const okx = log.entries.find(
      (entry) => (entry.request as { url: string }).url === OKX,
    ) as Record<string, unknown>;
    expect(okx).toMatchObject({
      _resourceType: 'websocket',
      _source: 'wrapper',
      _socket: 1,
      _webSocketOpen: { time: (T0 + 1) / 1000 },
      _webSocketClose: {
        time: (T0 + 32) / 1000,
        code: 4001,
        reason: 'Login failed.',
        wasClean: true,
        _findings: [
          { exchange: 'okx', code: '4001', entry: 'okx:close-frame:4001', severity: 'error' },
        ],
      },
    });
    expect(okx._webSocketMessages).toEqual([
      expect.objectContaining({ type: 'send', opcode: 1, time: (T0 + 2) / 1000 }),
      expect.objectContaining({
        type: 'receive',
        opcode: 1,
        _findings: [
          { exchange: 'okx', code: '60009', entry: 'okx:ws-message:60009', severity: 'error' },
        ],
      }),
      expect.objectContaining({ type: 'error', opcode: -1 }),
    ]);
  });

  it('redacts credentials by default, keeps them when asked, and findings stay the same', async () => {
    const redacted = JSON.stringify(
      harFromRows(live, { keepCredentials: false, creatorVersion: '0' }),
    );
    for (const secret of SECRETS) expect(redacted).not.toContain(secret);
    const asCaptured = JSON.stringify(
      harFromRows(live, { keepCredentials: true, creatorVersion: '0' }),
    );
    for (const secret of SECRETS) expect(asCaptured).toContain(secret);
    const back = (await imported(JSON.parse(redacted))).snapshot().rows;
    expect(back.map((row) => seen(row).findings)).toEqual(
      timeline.map((row) => seen(row).findings),
    );
  });

  // Core's reader hands compressed frames over as bytes; the CLI and the panel inflate them.
  it("reads back through core's entry reader with the same findings, the compressed one aside", () => {
    const har = harFromRows(live, { keepCredentials: false, creatorVersion: '0' });
    const scanned: string[] = [];
    for (const entry of har.log.entries) {
      for (const { event } of eventsOfEntry(entry)) {
        for (const f of detector.detect(event)) scanned.push(`${f.exchange} ${f.code}`);
      }
    }
    const shown = live
      .filter((row) => !row.payload?.inflated)
      .flatMap((row) => row.findings.map((f) => `${f.exchange} ${f.code}`));
    expect(scanned.sort()).toEqual(shown.sort());
    expect(scanned).toContain('okx 4001');
  });
});

describe('HAR export of what a server echoes', () => {
  it('redacts credentials echoed in a frame, a close reason and a socket error', async () => {
    const time = fakeClock(T0);
    const session = createTrafficSession({ clock: time.clock });
    session.ingestFrames(
      tabFrames([
        frame({ kind: 'receive', url: OKX, text: OKX_LOGIN_ECHO, time: T0 + 1 }),
        frame({
          kind: 'close',
          url: OKX,
          time: T0 + 2,
          code: 4001,
          reason: `Login failed: sign=${encodeURIComponent(OKX_LOGIN_SECRETS[2] ?? '')}`,
          wasClean: true,
        }),
      ]),
    );
    // A socket only DevTools saw, whose error text quotes the login.
    session.ingestHar(
      harSocket('wss://ws.okx.com:8443/ws/v5/business', [
        { type: 'error', opcode: -1, data: `Invalid frame ${OKX_LOGIN_ECHO}` },
      ]),
    );
    time.advance(2_000);
    session.flushNow();
    const rows = session.snapshot().rows;
    const redacted = JSON.stringify(
      harFromRows(rows, { keepCredentials: false, creatorVersion: '0' }),
    );
    for (const secret of OKX_LOGIN_SECRETS) {
      expect(redacted).not.toContain(secret);
      expect(redacted).not.toContain(encodeURIComponent(secret));
    }
    const socket = JSON.parse(redacted).log.entries.find(
      (entry: { _source?: string }) => entry._source === 'wrapper',
    );
    expect(socket._webSocketClose.reason).toBe('Login failed: sign=[redacted]');
    expect(JSON.parse(socket._webSocketMessages[0].data)).toMatchObject({ code: '60012' });
    const logged = JSON.parse(redacted).log.entries.find(
      (entry: { _source?: string }) => entry._source === 'devtools',
    );
    expect(logged._webSocketMessages).toEqual([
      expect.objectContaining({ type: 'error', data: expect.stringContaining('[redacted]') }),
    ]);
    const kept = JSON.stringify(harFromRows(rows, { keepCredentials: true, creatorVersion: '0' }));
    for (const secret of OKX_LOGIN_SECRETS) expect(kept).toContain(secret);
  });
});
