// Test support: a small session with a request and its error reply on the WebSocket API, and a
// signed HTTP order rejected, as the panel receives them; credentials included, to be redacted.
import { BUNDLED_CATALOGUE } from '../../../../src/core/index.ts';
import { frame, GATEWAY_ORDER, harEntry, T0, tabFrames } from './frames.ts';
import type { renderPanel } from './render-panel.tsx';

export const WS_API = 'ws://127.0.0.1:8088/ws-api';
export const API_KEY = 'vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A';
const ORDER = `{"id":"order-2","method":"order.place","params":{"symbol":"BTCUSDT","side":"SELL","type":"MARKET","quantity":"100","apiKey":"${API_KEY}","signature":"15af09e41c36f3cc61378c2fbe2c3371","timestamp":${T0}}}`;
const BALANCE =
  '{"id":"order-2","status":400,"error":{"code":-2010,"msg":"Account has insufficient balance for requested action."}}';

/** Binance's words on 127.0.0.1: the detector explains them by Binance's own -2010 row. */
export const INSUFFICIENT = BUNDLED_CATALOGUE.byCode('-2010').find(
  (e) =>
    e.exchange === 'binance' &&
    e.messages.en === 'Account has insufficient balance for requested action.',
);

/** An order on the WebSocket API rejected 23 ms later, and a signed HTTP order rejected. */
export function feedOrderSession(p: ReturnType<typeof renderPanel>) {
  p.session.ingestFrames(
    tabFrames([
      frame({ kind: 'send', url: WS_API, text: ORDER, time: T0 }),
      frame({ kind: 'receive', url: WS_API, text: BALANCE, time: T0 + 23 }),
      frame({ kind: 'close', url: WS_API, code: 1000, reason: '', wasClean: true, time: T0 + 30 }),
    ]),
  );
  p.session.ingestHar(
    harEntry({
      url: GATEWAY_ORDER,
      status: 400,
      method: 'POST',
      extra: {
        request: {
          method: 'POST',
          url: GATEWAY_ORDER,
          headers: [
            { name: 'X-MBX-APIKEY', value: API_KEY },
            { name: 'Content-Type', value: 'application/x-www-form-urlencoded' },
          ],
          postData: {
            text: 'symbol=BTCUSDT&timestamp=1&signature=c8db56825ae71d6d79447849e617115f',
          },
        },
      },
    }),
    '{"code":-1022,"msg":"Signature for this request is not valid."}',
  );
  p.flush();
}
