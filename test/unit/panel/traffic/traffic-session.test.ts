import { describe, expect, it } from 'vitest';
import { createTrafficSession } from '../../../../src/panel/traffic/traffic-session.ts';
import { fakeClock } from '../support/fake-clock.ts';
import { harSocket, received, T0, tabFrames } from '../support/frames.ts';

function setup(options: Parameters<typeof createTrafficSession>[0] = {}) {
  const time = fakeClock(T0);
  const session = createTrafficSession({ clock: time.clock, ...options });
  let renders = 0;
  session.subscribe(() => renders++);
  return { session, time, renders: () => renders, rows: () => session.snapshot().rows };
}

describe('traffic session cadence', () => {
  function stream(framesPerMs: number, ms: number) {
    const { session, time, renders, rows } = setup();
    for (let at = 0; at < ms; at++) {
      const batch = Array.from({ length: framesPerMs }, () => received('{"p":1}'));
      session.ingestFrames(tabFrames(batch));
      time.advance(1);
    }
    time.advance(300);
    return { renders: renders(), rows: rows().length, added: session.snapshot().added };
  }

  it('applies busy traffic in batches: at most one render per 100 ms', () => {
    // 1,000 frames per second for one second: 100 rows per batch.
    const { renders, rows } = stream(1, 1_000);
    expect(rows).toBe(1_000);
    expect(renders).toBeLessThanOrEqual(11);
    expect(renders).toBeGreaterThanOrEqual(9);
  });

  it('slows to one render per 250 ms under a flood, taking every frame', () => {
    // 5,000 frames per second for two seconds: 500 rows per batch.
    const { renders, rows, added } = stream(5, 2_000);
    expect(added).toBe(10_000);
    expect(rows).toBe(5_000);
    expect(renders).toBeLessThanOrEqual(10);
    expect(renders).toBeGreaterThanOrEqual(7);
  });

  it('renders the first batch at once, not after the interval', () => {
    const { session, time, rows } = setup();
    session.ingestFrames(tabFrames([received('x')]));
    time.advance(0);
    expect(rows()).toHaveLength(1);
  });

  it('keeps its queue bounded when timers are throttled (hidden panel)', () => {
    const { session, rows } = setup({ limits: { maxPlainRows: 100, maxRows: 200 } });
    for (let i = 0; i < 50; i++) {
      session.ingestFrames(tabFrames(Array.from({ length: 10 }, () => received('x'))));
    }
    // No timer ran, yet the store took the frames and kept within its caps.
    expect(rows().length).toBeLessThanOrEqual(100);
    expect(session.snapshot().droppedPlain).toBeGreaterThan(0);
  });
});

describe('DevTools-only WebSockets', () => {
  const url = 'wss://ws.okx.com:8443/ws/v5/business';
  const entry = harSocket(url, [{ type: 'receive', opcode: 1, data: '{"x":1}' }]);

  it('shows a socket the wrapper never reported, after a short wait', () => {
    const { session, time, rows } = setup();
    session.ingestHar(entry);
    time.advance(1_000);
    expect(rows()).toHaveLength(0);
    time.advance(600);
    expect(rows().map((r) => [r.kind, r.source])).toEqual([
      ['open', 'devtools'],
      ['receive', 'devtools'],
    ]);
  });

  it('does not double a socket the wrapper reported, even a little later', () => {
    const { session, time, rows } = setup();
    session.ingestHar(entry);
    time.advance(200);
    session.ingestFrames(tabFrames([received('{"x":1}', { url })]));
    time.advance(2_000);
    expect(rows().map((r) => r.source)).toEqual(['wrapper']);
  });
});

describe('navigation, clear and drop counts', () => {
  it('without preserve log, drops rows older than the new document, late ones included', () => {
    const { session, time, rows } = setup();
    session.ingestFrames(tabFrames([received('old', { time: T0 - 50 })]));
    time.advance(100);
    session.navigated(T0);
    session.ingestFrames(tabFrames([received('late old', { time: T0 - 10 })]));
    session.ingestFrames(tabFrames([received('new', { time: T0 + 5 })], { doc: 'doc-2' }));
    time.advance(100);
    expect(rows().map((r) => r.preview)).toEqual(['new']);
  });

  it('with preserve log, keeps everything across navigation', () => {
    const { session, time, rows } = setup();
    session.setPreserveLog(true);
    session.ingestFrames(tabFrames([received('old', { time: T0 - 50 })]));
    time.advance(100);
    session.navigated(T0);
    expect(rows().map((r) => r.preview)).toEqual(['old']);
    expect(session.snapshot().preserveLog).toBe(true);
  });

  it('counts frames that never arrived from gaps in sequence numbers, not from `dropped`', () => {
    const { session, time, rows } = setup();
    // The page's history kept frames 101-102 of doc-1 only; its `dropped` is a running total
    // that also counts frames delivered live, so the panel does not rely on it.
    const a = received('a', { seq: 101 });
    session.ingestFrames(tabFrames([a], { dropped: 5_000, replay: true }));
    session.ingestFrames(tabFrames([received('b', { seq: 102 })], { dropped: 5_000 }));
    session.ingestFrames(tabFrames([received('c', { seq: 1 })], { dropped: 0, doc: 'doc-2' }));
    time.advance(0);
    expect(session.snapshot().pageDropped).toBe(100);
    // A replay that fills a gap takes it off the count.
    session.ingestFrames(tabFrames([received('gap', { seq: 50 })], { replay: true }));
    time.advance(100);
    expect(session.snapshot().pageDropped).toBe(99);
    session.clear();
    expect(session.snapshot()).toMatchObject({ pageDropped: 0, rows: [] });
    // A replay of what was cleared stays cleared; only what is new shows.
    session.ingestFrames(tabFrames([a, received('d', { seq: 103 })], { replay: true }));
    time.advance(100);
    expect(rows().map((r) => r.preview)).toEqual(['d']);
    expect(session.snapshot().pageDropped).toBe(0);
  });
});
