import { fireEvent, screen, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  frame,
  harSocket,
  OKX_PRIVATE,
  okxError,
  received,
  resetSeqs,
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

describe('toolbar', () => {
  function feed(p: ReturnType<typeof start>) {
    p.session.ingestFrames(
      tabFrames([
        received('{"arg":{"channel":"tickers"}}'),
        received(okxError('60009', 'Login failed.')),
        received(okxError('60012', 'Invalid request')),
        frame({ kind: 'close', code: 1000, wasClean: true }),
      ]),
    );
    p.flush();
  }

  it('shows errors only when asked', () => {
    const p = start();
    feed(p);
    expect(rows()).toHaveLength(4);
    fireEvent.click(screen.getByTestId('errors-only'));
    expect(rows().map((row) => row.dataset.code)).toEqual(['60009', '60012']);
    fireEvent.click(screen.getByTestId('errors-only'));
    expect(rows()).toHaveLength(4);
  });

  it('filters on URL, preview, code and message', () => {
    const p = start();
    feed(p);
    const filter = screen.getByTestId('filter');
    fireEvent.input(filter, { target: { value: 'tickers' } });
    expect(rows()).toHaveLength(1);
    fireEvent.input(filter, { target: { value: '60012' } });
    expect(rows().map((row) => row.dataset.code)).toEqual(['60012']);
    fireEvent.input(filter, { target: { value: 'LOGIN FAILURE' } });
    expect(rows().map((row) => row.dataset.code)).toEqual(['60009']);
    fireEvent.input(filter, { target: { value: 'ws.okx.com' } });
    expect(rows()).toHaveLength(4);
    fireEvent.input(filter, { target: { value: 'nothing like this' } });
    expect(rows()).toHaveLength(0);
    expect(screen.getByTestId('no-match')).toBeTruthy();
  });

  it('clears the list', () => {
    const p = start();
    feed(p);
    fireEvent.click(screen.getByTestId('clear'));
    p.flush();
    expect(rows()).toHaveLength(0);
    expect(screen.getByTestId('panel-placeholder')).toBeTruthy();
  });

  it('pauses: new rows are held and counted, and shown on resume', () => {
    const p = start();
    feed(p);
    fireEvent.click(screen.getByTestId('pause'));
    p.session.ingestFrames(tabFrames([received('a'), received('b')]));
    p.flush();
    expect(rows()).toHaveLength(4);
    expect(screen.getByTestId('paused-count').textContent).toBe(
      'Paused: 2 new rows held, shown on resume',
    );
    fireEvent.click(screen.getByTestId('pause'));
    expect(rows()).toHaveLength(6);
  });
});

describe('following the newest row', () => {
  it('holds the rows while the user is scrolled up, and counts what came since', () => {
    const { session, flush } = start();
    session.ingestFrames(tabFrames(Array.from({ length: 10 }, (_, i) => received(`old ${i}`))));
    flush();
    const list = screen.getByTestId('traffic-list');
    expect(list.dataset.follow).toBe('true');
    // What a user's scroll up does in a laid-out list: away from the bottom.
    Object.defineProperty(list, 'clientHeight', { configurable: true, value: 100 });
    Object.defineProperty(list, 'scrollHeight', { configurable: true, value: 1_000 });
    list.scrollTop = 0;
    fireEvent.scroll(list);
    expect(list.dataset.follow).toBe('false');
    session.ingestFrames(tabFrames([received('new 1'), received('new 2'), received('new 3')]));
    flush();
    expect(rows()).toHaveLength(10);
    expect(screen.getByTestId('jump-latest').textContent).toBe('3 new — jump to latest');
    fireEvent.click(screen.getByTestId('jump-latest'));
    expect(screen.queryByTestId('jump-latest')).toBeNull();
    expect(list.dataset.follow).toBe('true');
    expect(rows()).toHaveLength(13);
  });
});

describe('memory', () => {
  it('says how many older frames were dropped, and how many never reached the panel', () => {
    const { session, flush } = start({ session: { limits: { maxPlainRows: 3, maxRows: 10 } } });
    // The page's history had already lost frames 1-1,234 when the panel connected, and says so.
    const frames = [
      received(okxError('60009', 'Login failed.'), { seq: 1_235 }),
      ...Array.from({ length: 10 }, (_, i) => received(`{"tick":${i}}`, { seq: 1_236 + i })),
    ];
    session.ingestFrames(tabFrames(frames, { replay: true, dropped: 1_234 }));
    flush();
    expect(rows()).toHaveLength(4);
    expect(rows()[0]?.dataset.error).toBe('true');
    const notice = screen.getByTestId('dropped-notice');
    expect(within(notice).getByTestId('dropped-panel').textContent?.trim()).toBe(
      '7 older frames dropped to save memory; errors are kept.',
    );
    expect(within(notice).getByTestId('dropped-page').textContent).toMatch(
      /^1,234 frames never reached the panel/,
    );
  });

  it('shows no notice when nothing was dropped', () => {
    const { session, flush } = start();
    session.ingestFrames(tabFrames([received('x')]));
    flush();
    expect(screen.queryByTestId('dropped-notice')).toBeNull();
  });
});

describe('replays', () => {
  it('do not double frames already shown', () => {
    const { session, flush } = start();
    const history = [1, 2, 3].map((seq) => received(`m${seq}`, { seq }));
    session.ingestFrames(tabFrames(history));
    flush();
    session.ingestFrames(tabFrames([...history, received('m4', { seq: 4 })], { replay: true }));
    session.ingestFrames(tabFrames(history, { replay: true }));
    flush();
    expect(rows().map((row) => row.textContent?.match(/m\d/)?.[0])).toEqual([
      'm1',
      'm2',
      'm3',
      'm4',
    ]);
  });
});

describe('sockets only DevTools saw', () => {
  it('are shown with a note that close codes are not available', () => {
    const { session, advance } = start();
    session.ingestHar(
      harSocket('wss://ws.okx.com:8443/ws/v5/business', [
        { type: 'receive', opcode: 1, data: okxError('60012', 'Invalid request') },
      ]),
    );
    advance(2_000);
    const [open, message] = rows();
    expect(open?.dataset).toMatchObject({ kind: 'open', source: 'devtools' });
    expect(open?.textContent).toContain('close codes are not available for this socket');
    expect(message?.dataset).toMatchObject({ source: 'devtools', error: 'true', code: '60012' });
    expect(within(message as HTMLElement).getByTestId('fallback-note').textContent).toBe(
      'DevTools only · no close codes',
    );
    fireEvent.click(message as HTMLElement);
    expect(screen.getByTestId('fallback-details').textContent).toContain(
      'close codes are not available',
    );
  });

  it('are not shown when the wrapper reported the same socket', () => {
    const { session, advance } = start();
    session.ingestFrames(tabFrames([received('{"x":1}')]));
    session.ingestHar(harSocket(OKX_PRIVATE, [{ type: 'receive', opcode: 1, data: '{"x":1}' }]));
    advance(2_000);
    expect(rows().map((row) => row.dataset.source)).toEqual(['wrapper']);
  });
});

describe('theme', () => {
  it("follows DevTools' dark theme with a class", () => {
    start({ theme: 'dark' });
    expect(screen.getByTestId('panel').className).toContain('theme-dark');
    expect(screen.getByTestId('panel-heading').textContent).toBe('Exchange Lens');
  });
});
