import { describe, expect, it } from 'vitest';
import { connectHub } from '../../../../src/panel/capture/hub-connection.ts';
import { createTrafficSession } from '../../../../src/panel/traffic/traffic-session.ts';
import { type HubToPanel, PORT } from '../../../../src/protocol/index.ts';
import { type PortPair, portPair } from '../../../support/fake-ports.ts';
import { fakeClock } from '../support/fake-clock.ts';
import { received, tabFrames } from '../support/frames.ts';

/** The hub's end of a port the panel opened: what it got, what it says, whether it dropped. */
interface FakeHub {
  sent: unknown[];
  deliver(message: unknown): void;
  drop(): void;
  isDisconnected(): boolean;
}

function hubSide({ near, far }: PortPair): FakeHub {
  return {
    sent: far.received,
    deliver: (message) => far.postMessage(message),
    drop: () => far.disconnect(),
    isDisconnected: () => near.disconnected,
  };
}

function setup(overrides: { answerTimeoutMs?: number } = {}) {
  const time = fakeClock();
  const ports: FakeHub[] = [];
  const received: HubToPanel[] = [];
  const states: string[] = [];
  const connection = connectHub({
    connect: () => {
      const pair = portPair(PORT.panel);
      ports.push(hubSide(pair));
      return pair.near;
    },
    tabId: 42,
    onMessage: (message) => received.push(message),
    onState: (state) => states.push(state),
    timers: time.clock,
    ...overrides,
  });
  return { time, ports, received, states, connection };
}

const hello = { v: 1, type: 'panel-hello', tabId: 42 };

describe('hub connection', () => {
  it('says hello with the inspected tab and passes on valid messages only', () => {
    const { ports, received } = setup();
    expect(ports[0]?.sent).toEqual([hello]);
    const status = {
      v: 1,
      type: 'capture-status',
      documents: [{ frameId: 0, url: 'http://x/', timeOrigin: 1_767_225_600_000 }],
    };
    ports[0]?.deliver(status);
    ports[0]?.deliver({ v: 1, type: 'frames', doc: 'd' });
    ports[0]?.deliver({ v: 99, type: 'capture-status', documents: [] });
    expect(received).toEqual([status]);
  });

  it('reconnects at once when the background stops, then backs off, and says hello again', () => {
    const { ports, time, states } = setup();
    ports[0]?.drop();
    time.advance(0);
    expect(ports).toHaveLength(2);
    expect(ports[1]?.sent).toEqual([hello]);
    ports[1]?.drop();
    time.advance(50);
    expect(ports).toHaveLength(2);
    time.advance(50);
    expect(ports).toHaveLength(3);
    expect(states).toEqual([
      'connecting',
      'connected',
      'reconnecting',
      'connected',
      'reconnecting',
      'connected',
    ]);
  });

  it('resets the backoff once the hub talks again', () => {
    const { ports, time } = setup({ answerTimeoutMs: 60_000 });
    for (let i = 0; i < 4; i++) {
      ports.at(-1)?.drop();
      time.advance(5_000);
    }
    ports.at(-1)?.deliver({ v: 1, type: 'capture-status', documents: [] });
    const before = ports.length;
    ports.at(-1)?.drop();
    time.advance(0);
    expect(ports).toHaveLength(before + 1);
  });

  it('replaces a port the hub never answers', () => {
    const { ports, time, states } = setup();
    time.advance(2_900);
    expect(ports).toHaveLength(1);
    time.advance(100);
    expect(ports[0]?.isDisconnected()).toBe(true);
    expect(ports).toHaveLength(2);
    // An answered port stays.
    ports[1]?.deliver({ v: 1, type: 'capture-status', documents: [] });
    time.advance(10_000);
    expect(ports).toHaveLength(2);
    expect(states.at(-1)).toBe('connected');
  });

  it('stops for good when closed', () => {
    const { ports, time, connection } = setup();
    connection.close();
    expect(ports[0]?.isDisconnected()).toBe(true);
    ports[0]?.drop();
    time.advance(10_000);
    expect(ports).toHaveLength(1);
  });

  it('loses and doubles nothing across a restart: the replay fills the gap', () => {
    const time = fakeClock();
    const session = createTrafficSession({ clock: time.clock });
    const ports: FakeHub[] = [];
    connectHub({
      connect: () => {
        const pair = portPair(PORT.panel);
        ports.push(hubSide(pair));
        return pair.near;
      },
      tabId: 42,
      onMessage: (message) => {
        if (message.type === 'frames') session.ingestFrames(message);
      },
      timers: time.clock,
    });
    const history = [1, 2, 3, 4, 5].map((seq) => received(`m${seq}`, { seq }));
    ports[0]?.deliver(tabFrames(history.slice(0, 3)));
    ports[0]?.drop();
    // Frames 4 and 5 happened while the worker was down; the new hub replays the page's history.
    time.advance(0);
    ports[1]?.deliver(tabFrames(history, { replay: true }));
    time.advance(200);
    expect(session.snapshot().rows.map((r) => r.preview)).toEqual(['m1', 'm2', 'm3', 'm4', 'm5']);
  });
});
