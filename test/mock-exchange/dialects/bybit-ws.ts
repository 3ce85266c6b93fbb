// Mock exchange (Node): Bybit v5's WebSocket ops on /v5/public/<category> and /v5/private:
// ping, subscribe (acks, one push per topic, "error:handler not found,topic:.." for unknown
// ones) and auth. Op replies are {"success":..,"ret_msg":..,"op":..,"conn_id":..}, with no
// code: that is how Bybit answers them.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { WebSocket } from 'ws';
import { MOCK_CREDENTIALS } from '../credentials.ts';
import { INSTRUMENTS, priceAt } from '../market/instruments.ts';
import type { WsDialect } from './types.ts';

const TOPIC = /^(orderbook\.(1|50)|tickers|publicTrade)\.([A-Z0-9]+)$/;

function knownTopic(topic: unknown): topic is string {
  if (typeof topic !== 'string') return false;
  const symbol = TOPIC.exec(topic)?.[3];
  return INSTRUMENTS.some((instrument) => instrument.gateway === symbol);
}

function push(topic: string, now: number): string {
  const symbol = topic.split('.').at(-1) as string;
  const instrument = INSTRUMENTS.find((i) => i.gateway === symbol) ?? INSTRUMENTS[0];
  const price = priceAt(instrument as (typeof INSTRUMENTS)[number], now / 1000).toFixed(2);
  if (topic.startsWith('tickers.')) {
    return JSON.stringify({
      topic,
      type: 'snapshot',
      data: { symbol, lastPrice: price },
      cs: 1,
      ts: now,
    });
  }
  if (topic.startsWith('publicTrade.')) {
    return JSON.stringify({
      topic,
      type: 'snapshot',
      ts: now,
      data: [
        { T: now, s: symbol, S: 'Buy', v: '0.001', p: price, L: 'PlusTick', i: '1', BT: false },
      ],
    });
  }
  return JSON.stringify({
    topic,
    type: 'snapshot',
    ts: now,
    data: { s: symbol, b: [[price, '1.5']], a: [[price, '2.5']], u: 1, seq: 1 },
    cts: now,
  });
}

/** The auth args Bybit takes: [apiKey, expires (ms, in the future), hex HMAC of
 * "GET/realtime" + expires]. The mock answers every failed auth with the "Params Error" that
 * public reports show for malformed args; Bybit's words for other failures may differ. */
function authOk(args: unknown, now: number): boolean {
  if (!Array.isArray(args) || args.length !== 3) return false;
  const [key, expires, sign] = args as unknown[];
  if (key !== MOCK_CREDENTIALS.bybitApiKey || typeof sign !== 'string') return false;
  if (!(Number(expires) > now)) return false;
  const expected = createHmac('sha256', MOCK_CREDENTIALS.bybitSecret)
    .update(`GET/realtime${expires}`)
    .digest('hex');
  return (
    sign.length === expected.length && timingSafeEqual(Buffer.from(sign), Buffer.from(expected))
  );
}

export function createBybitWsDialect(now: () => number): WsDialect {
  return {
    name: 'bybit-ws',
    owns: (path) => path.startsWith('/v5/public/') || path === '/v5/private',
    accept(socket, url) {
      const connId = `${randomBytes(10).toString('hex')}-${randomBytes(2).toString('hex')}`;
      const privateStream = url.pathname === '/v5/private';
      const reply = (fields: Record<string, unknown>) => {
        if (socket.readyState === WebSocket.OPEN) {
          socket.send(JSON.stringify({ ...fields, conn_id: connId }));
        }
      };
      socket.on('message', (data) => {
        let message: { op?: unknown; args?: unknown; req_id?: unknown };
        try {
          message = JSON.parse(String(data));
        } catch {
          reply({ success: false, ret_msg: 'error:invalid op', op: '' });
          return;
        }
        const reqId = typeof message.req_id === 'string' ? message.req_id : '';
        switch (message.op) {
          case 'ping':
            reply({ success: true, ret_msg: 'pong', req_id: reqId, op: 'ping' });
            return;
          case 'auth': {
            if (!privateStream) break;
            const ok = authOk(message.args, now());
            reply({ success: ok, ret_msg: ok ? '' : 'Params Error', op: 'auth' });
            return;
          }
          case 'subscribe': {
            const topics = Array.isArray(message.args) ? message.args : [];
            const unknown = topics.find((topic) => !knownTopic(topic));
            if (privateStream || unknown !== undefined || topics.length === 0) {
              reply({
                success: false,
                ret_msg: `error:handler not found,topic:${String(unknown ?? '')}`,
                req_id: reqId,
                op: 'subscribe',
              });
              return;
            }
            reply({ success: true, ret_msg: '', req_id: reqId, op: 'subscribe' });
            for (const topic of topics as string[]) {
              if (socket.readyState === WebSocket.OPEN) socket.send(push(topic, now()));
            }
            return;
          }
        }
        reply({
          success: false,
          ret_msg: 'error:invalid op',
          req_id: reqId,
          op: String(message.op),
        });
      });
    },
  };
}
