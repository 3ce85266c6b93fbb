import { act, fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BUNDLED_CATALOGUE, describeRetry } from '../../../../src/core/index.ts';
import {
  frame,
  GATEWAY_ORDER,
  harEntry,
  okxError,
  received,
  resetSeqs,
  T0,
  tabFrames,
} from '../support/frames.ts';
import { renderPanel } from '../support/render-panel.tsx';

let panel: ReturnType<typeof renderPanel> | undefined;
beforeEach(resetSeqs);
afterEach(() => panel?.cleanup());

function start(options: Parameters<typeof renderPanel>[0] = {}) {
  panel = renderPanel(options);
  return panel;
}

const rows = () => screen.queryAllByTestId('row');
const okx60009 = BUNDLED_CATALOGUE.byCode('60009').find((e) => e.exchange === 'okx');

describe('an error row', () => {
  it('carries its annotation inline: exchange, code, message, fix, category, retry', () => {
    const { session, flush } = start();
    session.ingestFrames(tabFrames([received(okxError('60009', 'Login failed.'))]));
    flush();
    const [row] = rows();
    expect(row?.dataset).toMatchObject({ kind: 'receive', error: 'true', code: '60009' });
    const annotation = within(row as HTMLElement).getByTestId('annotation');
    const text = annotation.textContent ?? '';
    expect(okx60009).toBeDefined();
    expect(text).toContain('OKX');
    expect(text).toContain('60009');
    expect(text).toContain(okx60009?.messages.en);
    expect(text).toContain(`Fix: ${okx60009?.fix}`);
    expect(within(annotation).getByTestId('category-badge').textContent).toBe('authentication');
    expect(text).toContain(
      `retry: ${describeRetry(okx60009?.retry ?? { kind: 'wait', source: 'exchange' })}`,
    );
    expect(screen.getByTestId('error-summary').textContent).toBe('1 error: OKX 1');
  });

  it('says "unknown code" with the server\'s message when no catalogue knows the code', () => {
    const { session, flush } = start();
    session.ingestFrames(tabFrames([received(okxError('99999', 'Something odd happened'))]));
    flush();
    const annotation = screen.getByTestId('annotation');
    expect(annotation.textContent).toContain('unknown code 99999 from OKX: Something odd happened');
    expect(within(annotation).getByTestId('category-badge').textContent).toBe('unknown');
    fireEvent.click(rows()[0] as HTMLElement);
    expect(screen.getByTestId('unknown-code').textContent).toBe(
      "No bundled catalogue documents code 99999 for OKX; the server's message is all there is to go on." +
        "Fix: Look code 99999 up in OKX's API documentation; the server's message often names the problem.",
    );
  });

  it('shows the words and the candidates, no meaning, when the exchange is unsure', () => {
    const { session, flush } = start();
    session.ingestFrames(
      tabFrames([
        received('{"code":-2019,"msg":"Order would immediately trigger."}', {
          url: 'ws://127.0.0.1:8088/ws-api',
        }),
      ]),
    );
    flush();
    const annotation = screen.getByTestId('annotation');
    expect(annotation.dataset.confidence).toBe('unsure');
    expect(annotation.textContent).toBe(
      'unknownunsureunsure which exchange sent code -2019: Order would immediately trigger.' +
        ' · could be Gateway "Invalid price", Binance USDⓈ-M "Margin is insufficient."',
    );
    fireEvent.click(rows()[0] as HTMLElement);
    expect(screen.getByTestId('attribution').textContent).toBe('unsure (binance-rest)');
    expect(screen.getByTestId('confidence').textContent).toMatch(
      /^unsure: a Binance-style \{"code","msg"\} envelope on 127\.0\.0\.1: the server's words match no row for -2019 of Gateway and Binance USDⓈ-M$/,
    );
    expect(screen.getByTestId('alternatives').textContent).toContain('The candidates');
  });

  it('shows the full entry, attribution and placeholders in the details pane', () => {
    const { session, flush } = start();
    const message = 'Parameter instId can not be empty.';
    session.ingestFrames(tabFrames([received(okxError('60027', message))]));
    flush();
    fireEvent.click(rows()[0] as HTMLElement);
    const details = screen.getByTestId('details');
    const entry = within(details).getByTestId('catalogue-entry');
    const okx = BUNDLED_CATALOGUE.byCode('60027').find((e) => e.exchange === 'okx');
    expect(entry.textContent).toContain(okx?.messages.en);
    expect(entry.textContent).toContain(okx?.messages.zh);
    expect(entry.textContent).toContain(okx?.fix);
    expect(entry.textContent).toContain('written by exchange-lens');
    expect(entry.textContent).toContain(okx?.source);
    expect(within(details).getByTestId('attribution').textContent).toBe(
      'OKX, by host (okx-ws-event)',
    );
    expect(within(details).getByTestId('observed-message').textContent).toBe(message);
    expect(within(details).getByTestId('placeholders').textContent).toBe('{0} = instId');
    // The row's message has the placeholder filled.
    expect(screen.getByTestId('annotation').textContent).toContain('instId');
    expect(within(details).getByTestId('payload').dataset.format).toBe('json');
  });

  it('annotates HTTP errors from the network log', () => {
    const { session, flush } = start();
    const body = '{"code":-1021,"msg":"Timestamp for this request is outside of the recvWindow."}';
    session.ingestHar(harEntry({ url: GATEWAY_ORDER, status: 400, method: 'POST' }), body);
    session.ingestFrames(tabFrames([received(okxError('60009', 'Login failed.'))]));
    flush();
    expect(rows().map((row) => row.dataset.kind)).toEqual(['http', 'receive']);
    expect(rows()[0]?.dataset.code).toBe('-1021');
    expect(screen.getAllByTestId('annotation')[0]?.textContent).toContain('Gateway -1021');
    expect(screen.getByTestId('error-summary').textContent).toBe('2 errors: Gateway 1 · OKX 1');
  });
});

describe('HTTP statuses', () => {
  it('name no exchange when only the status tells', () => {
    const { session, flush } = start();
    const entry = harEntry({ url: 'http://127.0.0.1:8080/api/balance', status: 502 });
    session.ingestHar(entry, '{"error":"upstream down"}');
    flush();
    const annotation = screen.getByTestId('annotation');
    expect(annotation.textContent).toMatch(/^\S+HTTP 502 Bad Gateway/);
    expect(screen.getByTestId('error-summary').textContent).toBe('1 error: HTTP 1');
  });
});

describe('close rows', () => {
  it('show code, reason, cleanliness and the exchange-specific meaning', () => {
    const { session, flush } = start();
    session.ingestFrames(
      tabFrames([
        frame({ kind: 'close', code: 4004, reason: 'No data received in 30s', wasClean: true }),
      ]),
    );
    flush();
    const [row] = rows();
    expect(row?.dataset).toMatchObject({ kind: 'close', error: 'true', code: '4004' });
    fireEvent.click(row as HTMLElement);
    const close = screen.getByTestId('close-details');
    expect(within(close).getByTestId('close-code').textContent).toBe('4004');
    expect(within(close).getByTestId('close-reason').textContent).toBe('No data received in 30s');
    expect(within(close).getByTestId('close-clean').textContent).toBe('yes');
    expect(within(close).getByTestId('close-meaning').textContent).toBe(
      'No data received in 30s: No data received in 30s (exchange-specific)',
    );
  });

  it('style a normal close as a note, with the RFC 6455 meaning', () => {
    const { session, flush } = start();
    session.ingestFrames(
      tabFrames([frame({ kind: 'close', code: 1000, reason: '', wasClean: true })]),
    );
    flush();
    const [row] = rows();
    expect(row?.dataset.error).toBeUndefined();
    expect(row?.dataset.note).toBe('true');
    expect(within(row as HTMLElement).getByTestId('annotation').className).toContain(
      'severity-info',
    );
    fireEvent.click(row as HTMLElement);
    expect(screen.getByTestId('close-reason').textContent).toBe('(none)');
    expect(screen.getByTestId('close-meaning').textContent).toContain('Normal Closure');
    expect(screen.getByTestId('close-meaning').textContent).toContain('(RFC 6455)');
    expect(screen.getByTestId('error-summary').dataset.errors).toBe('0');
  });
});

describe('page text', () => {
  it('is rendered as text, never as HTML', () => {
    const { session, flush, container } = start();
    const hostile = '<img src=x onerror=alert(1)><script>alert(2)</script>';
    session.ingestFrames(
      tabFrames([
        received(hostile, { url: `wss://evil.test/<img src=x onerror=alert(3)>` }),
        received(okxError('99999', hostile)),
        frame({ kind: 'close', code: 4999, reason: hostile, wasClean: false }),
      ]),
    );
    flush();
    expect(rows()[0]?.textContent).toContain(hostile);
    expect(screen.getAllByTestId('annotation')[0]?.textContent).toContain(hostile);
    for (const row of rows()) {
      fireEvent.click(row);
      expect(screen.getByTestId('details').textContent).toContain(hostile);
    }
    expect(container.querySelectorAll('img, script')).toHaveLength(0);
    expect(document.querySelectorAll('img, script')).toHaveLength(0);
  });
});

describe('payloads in the details pane', () => {
  it('dumps binary frames in hex and says where a frame was cut', () => {
    const { session, flush } = start();
    session.ingestFrames(
      tabFrames([
        received('{"a":', { size: 300_000, truncated: true }),
        frame({ kind: 'receive', binary: btoa('\u0000\u0001hi'), size: 4 }),
      ]),
    );
    flush();
    fireEvent.click(rows()[0] as HTMLElement);
    expect(screen.getByTestId('payload').dataset.format).toBe('text');
    expect(screen.getByTestId('payload-truncated').textContent).toBe(
      'truncated at 5 of 300,000 bytes',
    );
    fireEvent.click(rows()[1] as HTMLElement);
    expect(screen.getByTestId('payload').dataset.format).toBe('hex');
    expect(screen.getByTestId('payload').textContent).toContain('00 01 68 69');
  });
});

describe('a socket in a frame', () => {
  it('names the frame origin on the row, finds it by filter, and shows the frame URL', () => {
    const { session, flush } = start();
    const widget = 'http://127.0.0.1:9090/widget.html';
    act(() =>
      session.setDocuments([
        { frameId: 0, url: 'http://127.0.0.1:8080/', timeOrigin: T0 - 10 },
        { frameId: 15, url: widget, timeOrigin: T0 - 5 },
      ]),
    );
    session.ingestFrames(tabFrames([received('{"top":1}')], { frameId: 0, doc: 'top' }));
    session.ingestFrames(tabFrames([received('{"in":1}')], { frameId: 15, doc: 'widget' }));
    flush();
    const where = rows().map((row) => row.querySelector('.cell-where')?.textContent);
    expect(where).toEqual([
      'ws.okx.com:8443/ws/v5/private #1',
      'ws.okx.com:8443/ws/v5/private #1 · frame http://127.0.0.1:9090',
    ]);
    fireEvent.input(screen.getByTestId('filter'), { target: { value: '127.0.0.1:9090' } });
    expect(rows()).toHaveLength(1);
    fireEvent.click(rows()[0] as HTMLElement);
    expect(screen.getByTestId('details-frame').textContent).toBe(
      `${widget} (frame 15, not the top document)`,
    );
    expect(screen.getByTestId('details-socket').textContent).toBe('#1');
  });
});
