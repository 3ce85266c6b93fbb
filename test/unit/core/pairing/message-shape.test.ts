// Requests and replies as the exchanges document them pair by the same key; market data and
// frames that answer nothing have no reply key.
import { describe, expect, it } from 'vitest';
import { messageShape } from '../../../../src/core/pairing/message-shape.ts';

const send = (value: unknown) =>
  messageShape('send', typeof value === 'string' ? value : JSON.stringify(value));
const receive = (value: unknown) =>
  messageShape('receive', typeof value === 'string' ? value : JSON.stringify(value));

/** True when some key of the reply answers the request's first expectation. */
function answers(request: ReturnType<typeof send>, reply: ReturnType<typeof receive>): boolean {
  const wanted = request.request?.expects[0] ?? [];
  return (reply.reply?.keys ?? []).some((key) => wanted.includes(key));
}

describe('messageShape', () => {
  it('pairs a Binance WebSocket API request and its error by id, named by its method', () => {
    const request = send({
      id: '56374a46-3061-486b-a311-99ee972eb648',
      method: 'order.place',
      params: { symbol: 'BTCUSDT', side: 'SELL', type: 'MARKET', quantity: '0.010' },
    });
    const reply = receive({
      id: '56374a46-3061-486b-a311-99ee972eb648',
      status: 400,
      error: { code: -2010, msg: 'Account has insufficient balance for requested action.' },
      rateLimits: [{ rateLimitType: 'ORDERS', interval: 'SECOND', intervalNum: 10, limit: 50 }],
    });
    expect(request).toMatchObject({ op: 'order.place', request: { label: 'order.place' } });
    expect(answers(request, reply)).toBe(true);
    // A number id is the same id as the reply's number.
    expect(
      answers(
        send({ method: 'SUBSCRIBE', params: ['btcusdt@aggTrade'], id: 1 }),
        receive({ result: null, id: 1 }),
      ),
    ).toBe(true);
  });

  it('pairs OKX order ops by id, and each subscribe argument with its ack', () => {
    const order = send({
      id: '1512',
      op: 'order',
      args: [{ side: 'buy', instId: 'BTC-USDT', tdMode: 'cash', ordType: 'market', sz: '100' }],
    });
    const rejected = receive({
      id: '1512',
      op: 'order',
      code: '1',
      msg: '',
      data: [
        {
          clOrdId: '',
          ordId: '',
          tag: '',
          sCode: '51008',
          sMsg: 'Order failed. Insufficient USDT balance in account.',
        },
      ],
      inTime: '1695190491421339',
      outTime: '1695190491423240',
    });
    expect(answers(order, rejected)).toBe(true);

    const subscribe = send({
      op: 'subscribe',
      args: [
        { channel: 'books', instId: 'BTC-USDT' },
        { channel: 'tickers', instId: 'ETH-USDT' },
      ],
    });
    expect(subscribe.request).toEqual({
      label: 'subscribe books',
      expects: [
        ['okx:subscribe:channel=books,instId=BTC-USDT'],
        ['okx:subscribe:channel=tickers,instId=ETH-USDT'],
      ],
    });
    const ack = receive({
      event: 'subscribe',
      arg: { instId: 'BTC-USDT', channel: 'books' },
      connId: 'a4d3ae55',
    });
    expect(ack.reply?.keys).toEqual(['okx:subscribe:channel=books,instId=BTC-USDT']);
    expect(ack.channel).toBe('books');
  });

  it('pairs an OKX login with its answer, and takes an error without id as naming no request', () => {
    const login = send({
      op: 'login',
      args: [{ apiKey: 'k', passphrase: 'p', timestamp: '1538054050', sign: 's' }],
    });
    expect(
      answers(login, receive({ event: 'login', code: '0', msg: '', connId: 'a4d3ae55' })),
    ).toBe(true);
    expect(
      receive({ event: 'error', code: '60009', msg: 'Login failed.', connId: 'a4d3ae55' }).reply,
    ).toEqual({ keys: [] });
    expect(receive({ id: null, status: 400, error: { code: -3001, msg: 'x' } }).reply).toEqual({
      keys: [],
    });
  });

  it('pairs Bybit requests by reqId or req_id, and a subscribe without one by its op', () => {
    const create = send({
      reqId: 'test-005',
      header: { 'X-BAPI-TIMESTAMP': '1711001595207' },
      op: 'order.create',
      args: [{ symbol: 'ETHUSDT' }],
    });
    const created = receive({
      reqId: 'test-005',
      retCode: 10404,
      retMsg: 'op not supported',
      op: 'order.create',
      data: {},
    });
    expect(answers(create, created)).toBe(true);
    const subscribe = send({ req_id: '100001', op: 'subscribe', args: ['orderbook.50.BTCUSDT'] });
    expect(subscribe.channel).toBe('orderbook.50.BTCUSDT');
    expect(
      answers(
        subscribe,
        receive({ success: true, ret_msg: '', conn_id: 'x', req_id: '100001', op: 'subscribe' }),
      ),
    ).toBe(true);
    const bare = send({ op: 'subscribe', args: ['publicTrade.BTCUSDT'] });
    expect(
      answers(
        bare,
        receive({
          success: false,
          ret_msg: 'error:handler not found',
          conn_id: 'x',
          req_id: '',
          op: 'subscribe',
        }),
      ),
    ).toBe(true);
  });

  it('pairs JSON-RPC 2.0 by id', () => {
    const call = send({
      jsonrpc: '2.0',
      id: 8,
      method: 'public/get_instruments',
      params: { currency: 'BTC' },
    });
    expect(
      answers(call, receive({ jsonrpc: '2.0', id: 8, error: { code: 10001, message: 'x' } })),
    ).toBe(true);
  });

  it('reads op and channel of market data without pairing it, and ignores plain text', () => {
    const push = `{"arg":{"channel":"books","instId":"BTC-USDT"},"action":"update","data":[{"asks":[${'["8476.98","415","0","13"],'.repeat(2000)}["1","1","0","1"]]}]}`;
    expect(receive(push)).toEqual({ channel: 'books' });
    expect(receive('{"stream":"btcusdt@depth","data":{"e":"depthUpdate"}}')).toEqual({
      channel: 'btcusdt@depth',
    });
    expect(receive('pong')).toEqual({});
    expect(send('ping')).toEqual({});
    expect(receive(`  \t\r\n${'x'.repeat(300_000)}`)).toEqual({});
    expect(receive('[{"channel":"books"}]')).toEqual({});
  });

  it('reads a pretty-printed frame after the whitespace JSON allows before it', () => {
    const request = send('\r\n\t {"id":7,"method":"SUBSCRIBE","params":["btcusdt@depth"]}');
    expect(request).toMatchObject({ op: 'SUBSCRIBE', request: { expects: [['id:7']] } });
    expect(answers(request, receive('\n{"result":null,"id":7}'))).toBe(true);
  });
});
