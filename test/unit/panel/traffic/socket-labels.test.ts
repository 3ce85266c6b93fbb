// Rows name the frame and origin of a socket outside the top document, and number sockets per
// frame so that no two listed sockets read alike.
import { describe, expect, it } from 'vitest';
import { createTrafficSession } from '../../../../src/panel/traffic/traffic-session.ts';
import { fakeClock } from '../support/fake-clock.ts';
import { received, T0, tabFrames } from '../support/frames.ts';

const TOP = 'http://127.0.0.1:8080/console';
const WIDGET = 'http://127.0.0.1:9090/widget.html?pair=BTC';
const FEED = 'ws://127.0.0.1:8088/ws';

function setup() {
  const time = fakeClock(T0);
  const session = createTrafficSession({ clock: time.clock });
  session.setDocuments([
    { frameId: 0, url: TOP, timeOrigin: T0 - 1_000 },
    { frameId: 15, url: WIDGET, timeOrigin: T0 - 500 },
  ]);
  const where = () => session.snapshot().rows.map((row) => row.where);
  return { session, time, where };
}

const frames = (socket: number, seqs: number[], at = T0) =>
  seqs.map((seq) => received(`{"n":${seq}}`, { seq, socket, url: FEED, time: at + seq }));

describe('socket labels', () => {
  it("say which frame's origin a socket lives in, and number sockets per frame", () => {
    const { session, where } = setup();
    session.ingestFrames(tabFrames(frames(1, [1, 2]), { frameId: 0, doc: 'top-a' }));
    session.ingestFrames(tabFrames(frames(1, [1]), { frameId: 15, doc: 'widget-a' }));
    session.ingestFrames(tabFrames(frames(2, [3]), { frameId: 0, doc: 'top-a' }));
    session.flushNow();
    expect(where()).toEqual([
      '127.0.0.1:8088/ws #1',
      '127.0.0.1:8088/ws #1',
      '127.0.0.1:8088/ws #1 · frame http://127.0.0.1:9090',
      '127.0.0.1:8088/ws #2',
    ]);
    const inFrame = session.snapshot().rows[2];
    expect(inFrame).toMatchObject({ frameId: 15, frameUrl: WIDGET, socket: 1, listNumber: 1 });
    expect(inFrame?.haystack).toContain('frame http://127.0.0.1:9090');
  });

  it('give a reloaded frame its own numbers, and start again on a new page', () => {
    const { session, where } = setup();
    session.ingestFrames(tabFrames(frames(1, [1]), { frameId: 15, doc: 'widget-a' }));
    // The iframe reloads: its new document counts its first socket as 1 again.
    session.ingestFrames(tabFrames(frames(1, [1]), { frameId: 15, doc: 'widget-b' }));
    session.flushNow();
    expect(where()).toEqual([
      '127.0.0.1:8088/ws #1 · frame http://127.0.0.1:9090',
      '127.0.0.1:8088/ws #2 · frame http://127.0.0.1:9090',
    ]);
    expect(session.snapshot().rows[1]).toMatchObject({ socket: 1, listNumber: 2 });

    session.navigated(T0 + 100);
    session.ingestFrames(tabFrames(frames(1, [1], T0 + 200), { frameId: 15, doc: 'widget-c' }));
    session.flushNow();
    expect(where()).toEqual(['127.0.0.1:8088/ws #1 · frame http://127.0.0.1:9090']);
  });

  it('keep the numbers of the sockets a navigation keeps', () => {
    const { session, where } = setup();
    session.ingestFrames(tabFrames(frames(1, [1], T0 + 500), { frameId: 0, doc: 'top-b' }));
    session.ingestFrames(tabFrames(frames(2, [2], T0 + 500), { frameId: 0, doc: 'top-b' }));
    // A second witness of the same load, a little later than its time origin.
    session.navigated(T0 + 300);
    session.ingestFrames(tabFrames(frames(2, [3], T0 + 500), { frameId: 0, doc: 'top-b' }));
    session.ingestFrames(tabFrames(frames(3, [4], T0 + 500), { frameId: 0, doc: 'top-b' }));
    session.flushNow();
    expect(where()).toEqual([
      '127.0.0.1:8088/ws #1',
      '127.0.0.1:8088/ws #2',
      '127.0.0.1:8088/ws #2',
      '127.0.0.1:8088/ws #3',
    ]);
  });

  it('name the frame by its id while the hub has not said its URL', () => {
    const { session, where } = setup();
    session.ingestFrames(tabFrames(frames(1, [1]), { frameId: 22, doc: 'late' }));
    session.flushNow();
    expect(where()).toEqual(['127.0.0.1:8088/ws #1 · frame 22']);
  });
});
