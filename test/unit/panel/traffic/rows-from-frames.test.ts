import { describe, expect, it } from 'vitest';
import { createDetector } from '../../../../src/core/index.ts';
import { rowFromFrame, rowsFromTabFrames } from '../../../../src/panel/traffic/rows-from-frames.ts';
import { FrameDeduper } from '../../../../src/panel/traffic/seen-seqs.ts';
import { frame, OKX_PRIVATE, okxError, received, tabFrames } from '../support/frames.ts';

const detector = createDetector();
const from = { doc: 'doc-1', frameId: 0 };
const counter = () => {
  let id = 0;
  return { next: () => ++id };
};

describe('rowFromFrame', () => {
  it('annotates an exchange error frame on arrival', () => {
    const row = rowFromFrame(received(okxError('60009', 'Login failed.')), from, 1, detector);
    expect(row).toMatchObject({ kind: 'receive', level: 'error', source: 'wrapper' });
    expect(row.findings.map((f) => [f.exchange, f.code, f.entry?.id])).toEqual([
      ['okx', '60009', 'okx:ws-message:60009'],
    ]);
    expect(row.where).toBe('ws.okx.com:8443/ws/v5/private #1');
    expect(row.haystack).toContain('login failed');
  });

  it('leaves market data plain', () => {
    const row = rowFromFrame(
      received('{"arg":{"channel":"tickers"},"data":[]}'),
      from,
      1,
      detector,
    );
    expect(row).toMatchObject({ level: 'plain', findings: [] });
  });

  it('keeps a close frame with code, reason and meaning; a normal close is a note', () => {
    const abnormal = rowFromFrame(
      frame({ kind: 'close', code: 4004, reason: 'No data received in 30s', wasClean: true }),
      from,
      1,
      detector,
    );
    expect(abnormal.close).toEqual({
      code: 4004,
      reason: 'No data received in 30s',
      wasClean: true,
    });
    expect(abnormal.level).toBe('error');
    expect(abnormal.preview).toBe('4004 No data received in 30s · clean');
    const normal = rowFromFrame(
      frame({ kind: 'close', code: 1000, wasClean: true }),
      from,
      2,
      detector,
    );
    expect(normal.level).toBe('note');
  });

  it('detects JSON errors inside binary frames and previews the bytes', () => {
    const json = okxError('60012', 'Invalid request');
    const row = rowFromFrame(
      frame({ kind: 'receive', binary: btoa(json), size: json.length }),
      from,
      1,
      detector,
    );
    expect(row.findings[0]?.code).toBe('60012');
    expect(row.preview).toMatch(/^binary, \d+ bytes: 7b 22 65 76/);
  });

  it('lists a send the browser discarded as refused, not as sent', () => {
    const row = rowFromFrame(
      frame({ kind: 'send', text: '{"op":"order"}', size: 14, refused: true }),
      from,
      1,
      detector,
    );
    expect(row).toMatchObject({ kind: 'send', refused: true, preview: '{"op":"order"}' });
    expect(rowFromFrame(frame({ kind: 'send', text: 'x' }), from, 2, detector).refused).toBe(
      undefined,
    );
  });

  it('marks socket error events as errors', () => {
    const row = rowFromFrame(frame({ kind: 'error' }), from, 1, detector);
    expect(row.level).toBe('error');
  });
});

describe('rowsFromTabFrames', () => {
  it('drops frames of a replay that the panel already holds', () => {
    const seen = new FrameDeduper();
    const ids = counter();
    const history = [received('a', { seq: 1 }), received('b', { seq: 2 })];
    expect(rowsFromTabFrames(tabFrames(history), seen, ids, detector)).toHaveLength(2);
    const replay = tabFrames([...history, received('c', { seq: 3 })], { replay: true });
    const rows = rowsFromTabFrames(replay, seen, ids, detector);
    expect(rows.map((r) => [r.id, r.preview])).toEqual([[3, 'c']]);
    // Another document has its own numbers.
    const other = tabFrames([received('d', { seq: 1, url: OKX_PRIVATE })], { doc: 'doc-2' });
    expect(rowsFromTabFrames(other, seen, ids, detector)).toHaveLength(1);
    // So has another frame, whatever id it names.
    const child = tabFrames([received('e', { seq: 1 })], { frameId: 7 });
    expect(rowsFromTabFrames(child, seen, ids, detector)).toHaveLength(1);
  });
});
