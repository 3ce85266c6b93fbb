// OKX WebSocket dialect of the mock: the exact reply shapes, pushes and close codes a page sees.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MOCK_CREDENTIALS } from '../../mock-exchange/credentials.ts';
import { okxLoginSign } from '../../mock-exchange/dialects/okx-login.ts';
import { type MockExchange, startMockExchange } from '../../mock-exchange/server.ts';
import { errorFindings, nextJson, openSocket } from './support.ts';

let exchange: MockExchange;
let publicUrl: string;
let privateUrl: string;

beforeAll(async () => {
  exchange = await startMockExchange({ port: 0, pushMs: 50, okxIdleMs: 300 });
  publicUrl = `${exchange.wsUrl}/ws/v5/public`;
  privateUrl = `${exchange.wsUrl}/ws/v5/private`;
});
afterAll(() => exchange.close());

async function loginArgs(timestamp = String(Math.floor(Date.now() / 1000))) {
  return {
    apiKey: MOCK_CREDENTIALS.okxApiKey,
    passphrase: MOCK_CREDENTIALS.okxPassphrase,
    timestamp,
    sign: await okxLoginSign(MOCK_CREDENTIALS.okxSecret, timestamp),
  };
}

describe('OKX public socket', () => {
  it('acknowledges a subscription with its arg and connId, then pushes tickers', async () => {
    const okx = await openSocket(publicUrl);
    okx.send({ op: 'subscribe', args: [{ channel: 'tickers', instId: 'BTC-USDT' }] });
    const ack = await nextJson(okx);
    expect(ack).toEqual({
      event: 'subscribe',
      arg: { channel: 'tickers', instId: 'BTC-USDT' },
      connId: expect.stringMatching(/^[0-9a-f]{8}$/),
    });
    const push = await nextJson(okx);
    expect(push.arg).toEqual({ channel: 'tickers', instId: 'BTC-USDT' });
    expect(push.data).toEqual([
      expect.objectContaining({ instType: 'SPOT', instId: 'BTC-USDT', last: expect.any(String) }),
    ]);
    okx.send({ op: 'unsubscribe', args: [{ channel: 'tickers', instId: 'BTC-USDT' }] });
    let reply = await nextJson(okx);
    while (reply.event === undefined) reply = await nextJson(okx);
    expect(reply).toMatchObject({ event: 'unsubscribe', arg: { channel: 'tickers' } });
    okx.socket.close();
  });

  it('pushes an order book snapshot, then updates', async () => {
    const okx = await openSocket(publicUrl);
    okx.send({ op: 'subscribe', args: [{ channel: 'books', instId: 'ETH-USDT' }] });
    await nextJson(okx);
    const snapshot = await nextJson(okx);
    expect(snapshot).toMatchObject({ action: 'snapshot', arg: { channel: 'books' } });
    expect((snapshot.data as { asks: string[][] }[])[0]?.asks[0]).toHaveLength(4);
    expect(await nextJson(okx)).toMatchObject({ action: 'update' });
    okx.socket.close();
  });

  it('names the channel it cannot find in 60018, filling the template', async () => {
    const okx = await openSocket(publicUrl);
    okx.send({ op: 'subscribe', args: [{ channel: 'tickerz', instId: 'BTC-USDT' }] });
    const text = await okx.next();
    expect(JSON.parse(text)).toEqual({
      event: 'error',
      code: '60018',
      msg: "Wrong URL or channel:tickerz,instId:BTC-USDT doesn't exist. Please use the correct URL, channel and parameters referring to API document.",
      connId: expect.any(String),
    });
    const [finding] = errorFindings([
      { type: 'ws', url: publicUrl, direction: 'receive', data: text },
    ]);
    expect(finding?.entry?.id).toBe('okx:ws-message:60018');
    expect(finding?.placeholders).toEqual({ '0': 'channel:tickerz,instId:BTC-USDT' });
    okx.socket.close();
  });

  it('reports a missing instId (60027) and echoes a malformed request (60012)', async () => {
    const okx = await openSocket(publicUrl);
    okx.send({ op: 'subscribe', args: [{ channel: 'tickers' }] });
    expect(await nextJson(okx)).toMatchObject({
      event: 'error',
      code: '60027',
      msg: 'Parameter instId can not be empty.',
    });
    const malformed = '{"op":"subscribe","argss":[]}';
    okx.send(malformed);
    expect(await nextJson(okx)).toMatchObject({
      code: '60012',
      msg: `Invalid request: ${malformed}`,
    });
    okx.send({ op: 'subscrib', args: [] });
    expect(await nextJson(okx)).toMatchObject({ code: '60019', msg: 'Invalid op: subscrib' });
    okx.socket.close();
  });

  it('answers "ping" with "pong"', async () => {
    const okx = await openSocket(publicUrl);
    okx.send('ping');
    expect(await okx.next()).toBe('pong');
    okx.socket.close();
  });

  it('closes a silent connection with 4004 and OKX reason', async () => {
    const okx = await openSocket(publicUrl);
    expect(await okx.closed).toEqual({ code: 4004, reason: 'No data received in 30s' });
  });

  it('takes the idle timeout from ?idle=, over the server default (300 ms here)', async () => {
    const okx = await openSocket(`${publicUrl}?idle=60000`);
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(okx.socket.readyState).toBe(okx.socket.OPEN);
    okx.socket.close();
  });

  it('keeps a connection that sends "ping" open past the idle timeout', async () => {
    const okx = await openSocket(`${publicUrl}?idle=600`);
    for (let i = 0; i < 10; i++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      okx.send('ping');
      expect(await okx.next()).toBe('pong');
    }
    expect(okx.socket.readyState).toBe(okx.socket.OPEN);
    okx.socket.close();
  });

  it('closes with 1009 on a frame larger than the limit', async () => {
    const okx = await openSocket(publicUrl);
    okx.send('x'.repeat(9000));
    expect(await okx.closed).toEqual({
      code: 1009,
      reason: 'Request message exceeds the maximum frame length',
    });
  });
});

describe('OKX private socket', () => {
  it('asks to log in before a private channel (60011)', async () => {
    const okx = await openSocket(privateUrl);
    okx.send({ op: 'subscribe', args: [{ channel: 'orders', instType: 'ANY' }] });
    expect(await nextJson(okx)).toMatchObject({
      event: 'error',
      code: '60011',
      msg: 'Please log in',
    });
    okx.socket.close();
  });

  it('logs in with a valid sign, then subscribes to orders', async () => {
    const okx = await openSocket(privateUrl);
    okx.send({ op: 'login', args: [await loginArgs()] });
    expect(await nextJson(okx)).toEqual({
      event: 'login',
      code: '0',
      msg: '',
      connId: expect.any(String),
    });
    okx.send({ op: 'subscribe', args: [{ channel: 'orders', instType: 'ANY' }] });
    expect(await nextJson(okx)).toMatchObject({ event: 'subscribe', arg: { channel: 'orders' } });
    okx.send({ op: 'login', args: [await loginArgs()] });
    expect(await nextJson(okx)).toMatchObject({ code: '60031' });
    okx.socket.close();
  });

  it('refuses a wrong sign with 60009, then closes with 4001', async () => {
    const okx = await openSocket(privateUrl);
    okx.send({
      op: 'login',
      args: [{ ...(await loginArgs()), sign: await okxLoginSign('wrong', '1') }],
    });
    expect(await nextJson(okx)).toMatchObject({
      event: 'error',
      code: '60009',
      msg: 'Login failure',
    });
    expect(await okx.closed).toEqual({ code: 4001, reason: 'Login Failed' });
  });

  it('tells a stale timestamp (60006) from a malformed one (60004)', async () => {
    const stale = await openSocket(privateUrl);
    stale.send({
      op: 'login',
      args: [await loginArgs(String(Math.floor(Date.now() / 1000) - 120))],
    });
    expect(await nextJson(stale)).toMatchObject({
      code: '60006',
      msg: 'Timestamp request expired',
    });
    const malformed = await openSocket(privateUrl);
    malformed.send({ op: 'login', args: [{ ...(await loginArgs()), timestamp: 'soon' }] });
    expect(await nextJson(malformed)).toMatchObject({ code: '60004', msg: 'Invalid timestamp' });
    expect((await malformed.closed).code).toBe(4001);
  });

  it('rejects an order too big for the balance per item (sCode 51008)', async () => {
    const okx = await openSocket(privateUrl);
    okx.send({ op: 'login', args: [await loginArgs()] });
    await nextJson(okx);
    const order = {
      instId: 'BTC-USDT',
      tdMode: 'cash',
      side: 'buy',
      ordType: 'limit',
      px: '64000',
    };
    okx.send({
      id: 'b1',
      op: 'batch-orders',
      args: [
        { ...order, sz: '0.01' },
        { ...order, sz: '1000' },
      ],
    });
    const reply = await nextJson(okx);
    expect(reply).toMatchObject({ id: 'b1', op: 'batch-orders', code: '2' });
    expect((reply.data as { sCode: string }[]).map((item) => item.sCode)).toEqual(['0', '51008']);
    okx.socket.close();
  });
});

describe('OKX business socket', () => {
  it('serves candles, and sends tickers back to /public (64002)', async () => {
    const okx = await openSocket(`${exchange.wsUrl}/ws/v5/business`);
    okx.send({ op: 'subscribe', args: [{ channel: 'candle1m', instId: 'BTC-USDT' }] });
    expect(await nextJson(okx)).toMatchObject({ event: 'subscribe' });
    const candle = await nextJson(okx);
    expect((candle.data as string[][])[0]).toHaveLength(9);
    okx.send({ op: 'subscribe', args: [{ channel: 'tickers', instId: 'BTC-USDT' }] });
    let reply = await nextJson(okx);
    while (reply.event === undefined) reply = await nextJson(okx);
    expect(reply).toMatchObject({ event: 'error', code: '64002' });
    okx.socket.close();
  });
});
