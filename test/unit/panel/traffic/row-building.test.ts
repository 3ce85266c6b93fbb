// Every row builder goes through the same steps: caps on what a source claims (an imported file
// that calls itself ours included), one derivation of the filter text, level and weight (a
// compressed frame from an iframe keeps its frame in the filter once inflated), the user's host
// map in `exchange:`, and no detection of compressed bytes the inflater will replace.
import { gzipSync } from 'node:zlib';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { base64Bytes } from '../../../../src/core/bytes/base64.ts';
import { createDetector, type Detector } from '../../../../src/core/index.ts';
import { filterRows } from '../../../../src/panel/traffic/row-filter.ts';
import { rowFromFrame } from '../../../../src/panel/traffic/rows-from-frames.ts';
import { createTrafficSession } from '../../../../src/panel/traffic/traffic-session.ts';
import { FRAME_LIMITS, MAX_DOC_CHARS, PAYLOAD_CAP } from '../../../../src/protocol/index.ts';
import { fakeClock } from '../support/fake-clock.ts';
import { frame, harEntry, okxError, resetSeqs, T0, tabFrames } from '../support/frames.ts';

const MB = 1024 * 1024;
const OKX_PUBLIC = 'wss://ws.okx.com:8443/ws/v5/public';
const CHANNEL_ERROR = okxError(
  '60018',
  "Wrong URL or channel:tickerz,instId:BTC-USDT doesn't exist. Please use the correct URL, channel and parameters referring to API document.",
);

beforeEach(resetSeqs);

/** A socket entry as our export writes it, claiming the wrapper saw it. */
function wrapperSocketEntry(url: string, messages: unknown[], close: Record<string, unknown>) {
  return harEntry({
    url,
    status: 101,
    mimeType: '',
    extra: {
      _resourceType: 'websocket',
      _source: 'wrapper',
      _socket: 1,
      _document: 'd'.repeat(100_000),
      _webSocketMessages: messages,
      _webSocketClose: close,
    },
  });
}

describe('an imported file claiming to be ours', () => {
  it('is held to the caps of live frames: payloads, close reason, URL and document', async () => {
    const book = `{"arg":{"channel":"books"},"data":"${'x'.repeat(5 * MB)}"}`;
    // Bytes no inflater would try (0x06: a reserved deflate block type).
    const bytes = Buffer.alloc(5 * MB, 0x06);
    const reason = 'r'.repeat(100_000);
    const url = `${OKX_PUBLIC}?${'q'.repeat(100_000)}`;
    const session = createTrafficSession({ clock: fakeClock(T0).clock });
    await session.importHar(
      [
        wrapperSocketEntry(
          url,
          [
            { type: 'receive', time: T0 / 1000, opcode: 1, data: book },
            { type: 'receive', time: T0 / 1000, opcode: 2, data: bytes.toString('base64') },
          ],
          { time: T0 / 1000, code: 4004, reason, wasClean: true },
        ),
      ],
      { file: 'claims-wrapper.har' },
    );
    const [text, binary, close] = session.snapshot().rows;
    expect(text?.payload).toMatchObject({ size: book.length, truncated: true });
    expect(text?.payload?.text).toBe(book.slice(0, PAYLOAD_CAP.chars));
    expect(binary?.payload).toMatchObject({ size: 5 * MB, truncated: true });
    expect(base64Bytes(binary?.payload?.binary ?? '')).toHaveLength(PAYLOAD_CAP.bytes);
    expect(close?.close?.reason).toHaveLength(FRAME_LIMITS.maxReason);
    expect(close?.findings[0]?.code).toBe('4004');
    for (const row of session.snapshot().rows) {
      expect(row.url).toHaveLength(FRAME_LIMITS.maxUrl);
      expect(row.doc).toHaveLength(MAX_DOC_CHARS);
      expect(row.weight).toBeLessThan(2 * PAYLOAD_CAP.bytes);
    }
  });
});

describe('a compressed frame from an iframe', () => {
  it('is still found by its frame once inflated, and explained', async () => {
    const session = createTrafficSession({ clock: fakeClock(T0).clock });
    session.setDocuments([{ frameId: 3, url: 'https://widget.example.com/embed', timeOrigin: T0 }]);
    const compressed = gzipSync(CHANNEL_ERROR);
    session.ingestFrames(
      tabFrames(
        [
          frame({
            kind: 'receive',
            url: OKX_PUBLIC,
            binary: compressed.toString('base64'),
            size: compressed.length,
          }),
        ],
        { frameId: 3, doc: 'doc-iframe' },
      ),
    );
    await vi.waitFor(() => {
      session.flushNow();
      expect(session.snapshot().rows[0]?.payload?.inflated).toBeDefined();
    });
    const rows = session.snapshot().rows;
    expect(rows[0]?.where).toBe(
      'ws.okx.com:8443/ws/v5/public #1 · frame https://widget.example.com',
    );
    expect(rows[0]?.findings.map((f) => f.code)).toEqual(['60018']);
    expect(
      filterRows(rows, { errorsOnly: false, text: '"frame https://widget.example.com"' }),
    ).toHaveLength(1);
    expect(filterRows(rows, { errorsOnly: true, text: 'tickerz' })).toHaveLength(1);
  });
});

describe('exchange: and the host map', () => {
  it('finds the rows of a host the user mapped, as detection attributes them', () => {
    const session = createTrafficSession({
      clock: fakeClock(T0).clock,
      detector: createDetector({ hosts: { 'okx-proxy.internal': 'okx' } }),
    });
    const proxied = 'wss://okx-proxy.internal/ws/v5/public';
    session.ingestFrames(
      tabFrames([
        frame({ kind: 'receive', url: proxied, text: '{"arg":{"channel":"tickers"},"data":[]}' }),
        frame({ kind: 'receive', url: proxied, text: okxError('60018', 'Wrong URL or channel') }),
        frame({ kind: 'receive', url: 'wss://elsewhere.example/ws', text: '{"data":[]}' }),
      ]),
    );
    session.flushNow();
    const rows = session.snapshot().rows;
    expect(rows[1]?.findings[0]).toMatchObject({ exchange: 'okx', attribution: 'host' });
    expect(filterRows(rows, { errorsOnly: false, text: 'exchange:okx' }).map((r) => r.url)).toEqual(
      [proxied, proxied],
    );
  });
});

describe('compressed bytes', () => {
  it('are not run through the detector: the inflated text is', () => {
    const real = createDetector();
    const seen: unknown[] = [];
    const counting: Detector = {
      detect: (event) => {
        seen.push(event.type === 'ws' ? event.data : event.type);
        return real.detect(event);
      },
      exchangeOfUrl: (url) => real.exchangeOfUrl(url),
    };
    const from = { doc: 'doc-1', frameId: 0 };
    const compressed = gzipSync(CHANNEL_ERROR).toString('base64');
    rowFromFrame(frame({ kind: 'receive', binary: compressed }), from, 1, counting);
    expect(seen).toEqual([]);
    const json = Buffer.from(CHANNEL_ERROR).toString('base64');
    const plain = rowFromFrame(frame({ kind: 'receive', binary: json }), from, 2, counting);
    expect(seen).toHaveLength(1);
    expect(plain.findings[0]?.code).toBe('60018');
  });
});
