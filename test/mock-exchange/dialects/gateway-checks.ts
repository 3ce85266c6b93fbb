// Mock exchange (Node): the gateway's default request checks (token, timestamp, signature
// shape). Real HMAC verification plugs in as one more GatewayCheck; see checks.ts.
import type { RequestCheck } from '../checks.ts';
import { HEX_DIGEST, MOCK_CREDENTIALS } from '../credentials.ts';
import { type GatewayRejection, gatewayError } from './gateway-errors.ts';

export interface GatewaySignedRequest {
  transport: 'rest' | 'ws-api';
  method: string;
  path: string;
  params: Record<string, string>;
  /** The Authorization header (REST only). */
  authorization?: string;
  receivedAt: number;
}

export type GatewayCheck = RequestCheck<GatewaySignedRequest, GatewayRejection>;

/** The gateway's document: "Must be within 5000ms of server time". */
const DEFAULT_RECV_WINDOW_MS = 5000;
const MAX_RECV_WINDOW_MS = 60_000;

export const checkToken: GatewayCheck = (request) => {
  if (request.transport !== 'rest') return undefined;
  const expected = `Bearer ${MOCK_CREDENTIALS.gatewayToken}`;
  return request.authorization === expected ? undefined : gatewayError('-1002');
};

export const checkTimestamp: GatewayCheck = ({ params, receivedAt }) => {
  const { timestamp, recvWindow } = params;
  if (timestamp === undefined || timestamp === '') return gatewayError('-1102');
  if (!/^\d{1,16}$/.test(timestamp)) return gatewayError('-1100');
  const window = recvWindow === undefined ? DEFAULT_RECV_WINDOW_MS : Number(recvWindow);
  if (!Number.isFinite(window) || window <= 0 || window > MAX_RECV_WINDOW_MS) {
    return gatewayError('-1130');
  }
  const skew = receivedAt - Number(timestamp);
  // Binance's rule: a timestamp up to 1 s ahead is accepted, older than recvWindow is not.
  return skew > window || skew < -1000 ? gatewayError('-1021') : undefined;
};

/** Until the signing recipes land, only the shape is checked: a hex HMAC-SHA256 digest. */
export const checkSignatureShape: GatewayCheck = ({ params }) => {
  const { signature } = params;
  if (signature === undefined || signature === '') return gatewayError('-1102');
  return HEX_DIGEST.test(signature) ? undefined : gatewayError('-1022');
};

export const DEFAULT_GATEWAY_CHECKS: readonly GatewayCheck[] = [
  checkToken,
  checkTimestamp,
  checkSignatureShape,
];
