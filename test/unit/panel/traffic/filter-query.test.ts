// The filter language on a session of real exchange traffic: text, phrases, regex, field terms
// and negation, and terms that cannot be read said so instead of throwing.
import { beforeAll, describe, expect, it } from 'vitest';
import { parseFilter } from '../../../../src/panel/traffic/filter-query.ts';
import { filterRows } from '../../../../src/panel/traffic/row-filter.ts';
import {
  createTrafficSession,
  type TrafficSnapshot,
} from '../../../../src/panel/traffic/traffic-session.ts';
import { fakeClock } from '../support/fake-clock.ts';
import { frame, GATEWAY_ORDER, harEntry, OKX_PRIVATE, T0, tabFrames } from '../support/frames.ts';

const WS_API = 'ws://127.0.0.1:8088/ws-api';
let snapshot: TrafficSnapshot;

beforeAll(() => {
  const time = fakeClock(T0);
  const session = createTrafficSession({ clock: time.clock });
  const text = (kind: 'send' | 'receive', url: string, value: unknown, at: number) =>
    frame({ kind, url, text: JSON.stringify(value), time: T0 + at });
  session.ingestFrames(
    tabFrames([
      text(
        'send',
        OKX_PRIVATE,
        { op: 'subscribe', args: [{ channel: 'books', instId: 'BTC-USDT' }] },
        1,
      ),
      text(
        'receive',
        OKX_PRIVATE,
        { event: 'subscribe', arg: { channel: 'books', instId: 'BTC-USDT' }, connId: 'a4' },
        2,
      ),
      text(
        'receive',
        OKX_PRIVATE,
        { arg: { channel: 'books', instId: 'BTC-USDT' }, action: 'snapshot', data: [] },
        3,
      ),
      text(
        'send',
        OKX_PRIVATE,
        { id: '1512', op: 'order', args: [{ instId: 'BTC-USDT', sz: '100' }] },
        4,
      ),
      text(
        'receive',
        OKX_PRIVATE,
        {
          id: '1512',
          op: 'order',
          code: '1',
          msg: '',
          data: [{ sCode: '51008', sMsg: 'Order failed. Insufficient USDT balance in account.' }],
        },
        900,
      ),
      frame({
        kind: 'close',
        code: 4004,
        reason: 'No data received in 30s',
        wasClean: true,
        url: OKX_PRIVATE,
        time: T0 + 901,
      }),
    ]),
  );
  session.ingestFrames(
    tabFrames(
      [
        text(
          'send',
          WS_API,
          { id: 'order-2', method: 'order.place', params: { symbol: 'BTCUSDT' } },
          10,
        ),
        text(
          'receive',
          WS_API,
          {
            id: 'order-2',
            status: 400,
            error: { code: -1021, msg: 'Timestamp for this request is outside of the recvWindow.' },
          },
          30,
        ),
      ].map((f, i) => ({ ...f, socket: 2, seq: 100 + i })),
    ),
  );
  session.ingestHar(
    harEntry({ url: GATEWAY_ORDER, status: 429, method: 'POST' }),
    '{"code":-1003,"msg":"Too many requests; current limit is 2400 requests per minute."}',
  );
  session.ingestHar(
    harEntry({ url: 'https://api.woox.io/v1/public/info', status: 200 }),
    '{"success":true,"rows":[]}',
  );
  session.flushNow();
  snapshot = session.snapshot();
});

/** The previews (first 30 characters) of the rows a filter keeps. */
function kept(text: string, errorsOnly = false): string[] {
  const query = parseFilter(text);
  return filterRows(snapshot.rows, { errorsOnly, query, pairs: snapshot.pairs }).map((row) =>
    row.preview.slice(0, 30),
  );
}

describe('filter terms', () => {
  it('code: finds the finding or close code, forgiving a missing minus', () => {
    expect(kept('code:-1021')).toEqual(['{"id":"order-2","status":400,"']);
    expect(kept('code:1021')).toEqual(kept('code:-1021'));
    expect(kept('code:4004')).toEqual(['4004 No data received in 30s ·']);
    expect(kept('code:51008')).toHaveLength(1);
  });

  it('exchange: by id or name, from findings and hosts', () => {
    expect(kept('exchange:woo')).toEqual(['GET 200 · {"success":true,"row']);
    expect(kept('exchange:okx')).toHaveLength(6);
    expect(kept('exchange:gateway')).toEqual(['POST 429 · {"code":-1003,"msg"']);
    // Binance's words on a local host: the row is Binance's.
    expect(kept('exchange:binance')).toEqual(['{"id":"order-2","status":400,"']);
  });

  it('op: and channel: read the frames, sent and received', () => {
    expect(kept('op:order')).toEqual([
      '{"id":"1512","op":"order","arg',
      '{"id":"1512","op":"order","cod',
      '{"id":"order-2","method":"orde',
    ]);
    expect(kept('channel:books')).toHaveLength(3);
    expect(kept('op:subscribe channel:books')).toHaveLength(2);
  });

  it('status:, dir:, kind: and negation', () => {
    expect(kept('status:4xx')).toEqual(['POST 429 · {"code":-1003,"msg"']);
    expect(kept('status:>=200')).toHaveLength(2);
    expect(kept('dir:send')).toHaveLength(3);
    expect(kept('dir:send -op:order')).toEqual(['{"op":"subscribe","args":[{"ch']);
    expect(kept('kind:close')).toHaveLength(1);
  });

  it('slow: keeps both sides of a pair slower than the threshold', () => {
    expect(kept('slow:>500ms')).toEqual([
      '{"id":"1512","op":"order","arg',
      '{"id":"1512","op":"order","cod',
    ]);
    expect(kept('slow:>1s')).toEqual([]);
    expect(kept('slow:>10ms dir:receive')).toEqual([
      '{"id":"1512","op":"order","cod',
      '{"id":"order-2","status":400,"',
    ]);
  });

  it('plain words, "phrases" and /regex/ match the row text, ignoring case', () => {
    expect(kept('insufficient usdt')).toHaveLength(1);
    expect(kept('"recvWindow"')).toHaveLength(1);
    expect(kept('/-10(21|03)/')).toHaveLength(2);
    expect(kept('wss://ws.okx.com')).toHaveLength(6);
  });

  it('names a term it cannot read and applies the others, never throwing', () => {
    const query = parseFilter('dir:send /[unclosed/ status:abc slow:fast');
    expect(query.problems).toEqual([
      expect.stringMatching(/^\/\[unclosed\/: /),
      'status:abc: expected a status such as 429, 4xx or >=400',
      'slow:fast: expected a duration such as >500ms or >2s',
    ]);
    expect(kept('dir:send /[unclosed/')).toHaveLength(3);
  });
});
