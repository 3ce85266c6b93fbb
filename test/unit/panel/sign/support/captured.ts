// Test support: signed requests as DevTools' network log gives them (HAR entries with request
// headers and postData), signed with the signing core, some with a mistake planted.
import { hmacSha256, signRequest } from '../../../../../src/core/index.ts';
import { NOW } from './signing-panel.tsx';

export const GATEWAY_SECRET = 'test-gateway-secret';
export const GATEWAY_URL = 'http://119.8.50.236:8088/fapi/v1/order';
/** In the order a client that forgets to sort sends them. */
export const UNSORTED_BODY = 'symbol=BTCUSDT&side=BUY&type=LIMIT&quantity=0.010&price=64000';

export function har(options: {
  url: string;
  method: string;
  headers: Record<string, string>;
  body?: string;
  status: number;
  started?: number;
  date?: string;
}) {
  return {
    startedDateTime: new Date(options.started ?? NOW).toISOString(),
    time: 20,
    request: {
      method: options.method,
      url: options.url,
      headers: Object.entries(options.headers).map(([name, value]) => ({ name, value })),
      ...(options.body !== undefined
        ? { postData: { mimeType: 'application/x-www-form-urlencoded', text: options.body } }
        : {}),
    },
    response: {
      status: options.status,
      headers: [
        { name: 'Content-Type', value: 'application/json' },
        ...(options.date ? [{ name: 'Date', value: options.date }] : []),
      ],
      content: { size: -1, mimeType: 'application/json' },
    },
  };
}

/** A gateway order signed right, its timestamp `offsetMs` from this machine's clock. */
export async function gatewayOrder(offsetMs = 0) {
  const signed = await signRequest('gateway', {
    method: 'POST',
    path: '/fapi/v1/order',
    body: UNSORTED_BODY,
    key: 'test-key',
    secret: GATEWAY_SECRET,
    timestamp: NOW + offsetMs,
  });
  return {
    signature: signed.signature,
    timestamp: signed.timestamp,
    entry: (status: number, extra: { date?: string } = {}) =>
      har({
        url: `${GATEWAY_URL}?${signed.params?.query}`,
        method: 'POST',
        headers: { ...signed.headers, 'Content-Type': 'application/x-www-form-urlencoded' },
        body: signed.params?.body ?? '',
        status,
        ...extra,
      }),
  };
}

/** A gateway order whose parameters were signed in the order sent (the gateway sorts them),
 * sent to the gateway's host or, like the mock's console, to a local one. */
export async function unsortedGatewayOrder(url = GATEWAY_URL) {
  const timestamp = String(NOW);
  const signedText = `${UNSORTED_BODY}&timestamp=${timestamp}`;
  const signature = await hmacSha256(GATEWAY_SECRET, signedText, 'hex');
  return har({
    url,
    method: 'POST',
    headers: { 'X-MBX-APIKEY': 'test-key' },
    body: `${signedText}&signature=${signature}`,
    status: 400,
  });
}

export const GATEWAY_1022 = '{"code":-1022,"msg":"Signature for this request is not valid."}';
export const GATEWAY_1021 =
  '{"code":-1021,"msg":"Timestamp for this request is outside of the recvWindow."}';
