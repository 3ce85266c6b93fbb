// Mock exchange (Node): the gateway's request checks: who is calling (the Bearer token of the
// gateway's own flow, or X-MBX-APIKEY), the timestamp against the mock's clock, and the HMAC
// signature, verified with the signing core: REST per the `gateway` recipe, the WebSocket API
// per the `binance` recipe over its parameters sorted by name (Binance's WebSocket API rule).
import type { SigningRecipeId } from '../../../src/core/index.ts';
import { judgeTimestamp, type RequestCheck, verifySignature } from '../checks.ts';
import { MOCK_CREDENTIALS } from '../credentials.ts';
import { type GatewayRejection, gatewayError } from './gateway-errors.ts';

export interface GatewaySignedRequest {
  transport: 'rest' | 'ws-api';
  method: string;
  /** REST: the path and query as sent; WS API: "/ws-api?" and the parameters sorted by name. */
  target: string;
  /** REST: the body as sent; WS API: "". */
  body: string;
  params: Record<string, string>;
  /** The Authorization header (REST only). */
  authorization?: string;
  /** X-MBX-APIKEY (REST) or the apiKey parameter (WS API). */
  apiKey?: string;
  /** The mock's clock when the request arrived. */
  receivedAt: number;
}

export type GatewayCheck = RequestCheck<GatewaySignedRequest, GatewayRejection>;

const RECIPE: Readonly<Record<GatewaySignedRequest['transport'], SigningRecipeId>> = {
  rest: 'gateway',
  'ws-api': 'binance',
};

/** Binance's ceiling, which the gateway's WebSocket API shares. */
const MAX_RECV_WINDOW_MS = 60_000;
const KEY_SHAPE = /^[\w-]{1,128}$/;

/** REST takes the gateway's Bearer token or an API key; the WebSocket API an apiKey parameter. */
export const checkCredentials: GatewayCheck = ({ transport, authorization, apiKey }) => {
  if (transport === 'rest' && authorization === `Bearer ${MOCK_CREDENTIALS.gatewayToken}`) {
    return undefined;
  }
  if (apiKey === undefined || apiKey === '') {
    return gatewayError(transport === 'rest' ? '-1002' : '-1102');
  }
  if (!KEY_SHAPE.test(apiKey)) return gatewayError('-2014');
  return apiKey === MOCK_CREDENTIALS.gatewayApiKey ? undefined : gatewayError('-1002');
};

/** REST: within 5000 ms of the server either way (the gateway's document); WebSocket API:
 * Binance's recvWindow (default 5000, at most 60 000) and at most 1000 ms ahead. */
export const checkTimestamp: GatewayCheck = ({ transport, params, receivedAt }) => {
  const { timestamp, recvWindow } = params;
  let window: number | undefined;
  if (recvWindow !== undefined) {
    window = Number(recvWindow);
    if (!/^\d+$/.test(recvWindow) || window <= 0 || window > MAX_RECV_WINDOW_MS) {
      return gatewayError('-1130');
    }
  }
  switch (judgeTimestamp(RECIPE[transport], timestamp, receivedAt, window)) {
    case 'missing':
      return gatewayError('-1102');
    case 'unreadable':
      return gatewayError('-1100');
    // Seconds are a number like any other, only decades old: Binance says -1021 for them.
    case 'wrong-format':
      return gatewayError(/^\d+$/.test(timestamp ?? '') ? '-1021' : '-1100');
    case 'expired':
      return gatewayError('-1021');
    case 'accepted':
      return undefined;
  }
};

export const checkSignature: GatewayCheck = async (request) => {
  const verdict = await verifySignature(
    RECIPE[request.transport],
    { method: request.method, url: request.target, body: request.body },
    MOCK_CREDENTIALS.gatewaySecret,
  );
  if (verdict === 'missing') return gatewayError('-1102');
  return verdict === 'valid' ? undefined : gatewayError('-1022');
};

export const DEFAULT_GATEWAY_CHECKS: readonly GatewayCheck[] = [
  checkCredentials,
  checkTimestamp,
  checkSignature,
];
