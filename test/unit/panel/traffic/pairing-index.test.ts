// Replies are linked to the requests they answer as rows arrive in a session, on the same
// socket only; requests without replies turn unanswered after the timeout, or when the socket
// closes first.
import { beforeEach, describe, expect, it } from 'vitest';
import { PAIR_TIMEOUT_MS } from '../../../../src/panel/traffic/pairing-index.ts';
import { createTrafficSession } from '../../../../src/panel/traffic/traffic-session.ts';
import { fakeClock } from '../support/fake-clock.ts';
import { frame, resetSeqs, T0, tabFrames } from '../support/frames.ts';

const WS_API = 'ws://127.0.0.1:8088/ws-api';

function start() {
  const time = fakeClock(T0);
  const session = createTrafficSession({ clock: time.clock });
  const feed = (...frames: ReturnType<typeof frame>[]) => {
    session.ingestFrames(tabFrames(frames));
    session.flushNow();
    return session.snapshot();
  };
  return { session, time, feed };
}

const sent = (text: unknown, overrides: Parameters<typeof frame>[0] = {}) =>
  frame({ kind: 'send', text: JSON.stringify(text), url: WS_API, ...overrides });
const got = (text: unknown, overrides: Parameters<typeof frame>[0] = {}) =>
  frame({ kind: 'receive', text: JSON.stringify(text), url: WS_API, ...overrides });

beforeEach(resetSeqs);

describe('pairing in the session', () => {
  it('links a WebSocket API error to its order.place and says how long it took', () => {
    const { feed } = start();
    const snapshot = feed(
      sent({ id: 'order-2', method: 'order.place', params: { symbol: 'BTCUSDT' } }, { time: T0 }),
      got({ id: 'time-1', status: 200, result: { serverTime: T0 } }, { time: T0 + 5 }),
      got(
        {
          id: 'order-2',
          status: 400,
          error: { code: -1021, msg: 'Timestamp for this request is outside of the recvWindow.' },
        },
        { time: T0 + 23 },
      ),
    );
    const [request, stray, reply] = snapshot.rows;
    expect(reply?.level).toBe('error');
    expect(snapshot.pairs.requestOf(reply?.id ?? 0)).toEqual({
      requestId: request?.id,
      replyId: reply?.id,
      latencyMs: 23,
      label: 'order.place',
      inferred: false,
    });
    expect(snapshot.pairs.requestOf(stray?.id ?? 0)).toBeUndefined();
    expect(snapshot.pairs.stateOf(request?.id ?? 0)).toMatchObject({
      state: 'answered',
      waitedMs: 23,
    });
  });

  it('takes an OKX error without id as the reply to the oldest unanswered request, inferred', () => {
    const { feed } = start();
    const snapshot = feed(
      sent({ op: 'subscribe', args: [{ channel: 'tickers', instId: 'BTC-USDT' }] }),
      sent({ op: 'subscribe', args: [{ channel: 'tickerz', instId: 'BTC-USDT' }] }),
      got({ event: 'subscribe', arg: { channel: 'tickers', instId: 'BTC-USDT' }, connId: 'a4' }),
      got({
        event: 'error',
        code: '60018',
        msg: "Wrong URL or channel:tickerz,instId:BTC-USDT doesn't exist.",
        connId: 'a4',
      }),
    );
    const [good, bad, ack, error] = snapshot.rows;
    expect(snapshot.pairs.requestOf(ack?.id ?? 0)).toMatchObject({
      requestId: good?.id,
      inferred: false,
    });
    expect(snapshot.pairs.requestOf(error?.id ?? 0)).toMatchObject({
      requestId: bad?.id,
      label: 'subscribe tickerz',
      inferred: true,
    });
  });

  it('pairs on the same socket only', () => {
    const { feed } = start();
    const snapshot = feed(
      sent({ id: 7, method: 'time' }, { socket: 1 }),
      got({ id: 7, status: 200, result: {} }, { socket: 2 }),
    );
    expect(snapshot.pairs.requestOf(snapshot.rows[1]?.id ?? 0)).toBeUndefined();
  });

  it('calls a request unanswered once the timeout passes, re-rendering with no new row', () => {
    const { session, time, feed } = start();
    const snapshot = feed(sent({ id: 'x-1', method: 'order.status' }, { time: T0 }));
    const id = snapshot.rows[0]?.id ?? 0;
    expect(snapshot.pairs.stateOf(id)?.state).toBe('waiting');
    let renders = 0;
    session.subscribe(() => renders++);
    time.advance(PAIR_TIMEOUT_MS + 1);
    expect(renders).toBe(1);
    const later = session.snapshot();
    expect(later.pairs.stateOf(id)).toMatchObject({ state: 'unanswered', label: 'order.status' });
    expect(later.pairs.isSlow(id, 5_000)).toBe(true);
  });

  it('says a request was cut off when its socket closed before any reply', () => {
    const { feed } = start();
    const snapshot = feed(
      sent(
        { op: 'login', args: [{ apiKey: 'k', passphrase: 'p', timestamp: '1', sign: 's' }] },
        { time: T0 },
      ),
      frame({ kind: 'close', code: 4001, reason: 'Login failed.', url: WS_API, time: T0 + 40 }),
    );
    expect(snapshot.pairs.stateOf(snapshot.rows[0]?.id ?? 0)).toMatchObject({
      state: 'closed',
      waitedMs: 40,
    });
  });

  it('a paused snapshot does not see replies that came after it', () => {
    const { feed } = start();
    const paused = feed(sent({ id: 1, method: 'ping' }));
    const later = feed(got({ id: 1, status: 200, result: {} }));
    const request = paused.rows[0]?.id ?? 0;
    expect(paused.pairs.stateOf(request)?.state).toBe('waiting');
    expect(later.pairs.stateOf(request)?.state).toBe('answered');
  });
});
