// Mock exchange (Node): Bybit v5's request checks: X-BAPI-API-KEY, X-BAPI-TIMESTAMP under
// X-BAPI-RECV-WINDOW (server_time - recv_window <= timestamp < server_time + 1000) and
// X-BAPI-SIGN, verified with the signing core's `bybit` recipe. The replies are Bybit's own
// words as its servers send them (10004 echoes the string it signed), not its document's.
import { partsOfSigned, readSignedRequest, SIGNING_RECIPES } from '../../../src/core/index.ts';
import { judgeTimestamp, type RequestCheck, verifySignature } from '../checks.ts';
import { MOCK_CREDENTIALS } from '../credentials.ts';
import type { MockHttpRequest } from '../http-io.ts';
import { type BybitRejection, bybitError } from './bybit-errors.ts';

export type BybitCheck = RequestCheck<MockHttpRequest, BybitRejection>;

const rawOf = (request: MockHttpRequest) => ({
  method: request.method,
  url: request.target,
  headers: request.headers,
  body: request.body,
});

export const checkBybitApiKey: BybitCheck = ({ headers }) =>
  headers['x-bapi-api-key'] === MOCK_CREDENTIALS.bybitApiKey
    ? undefined
    : bybitError('10003', 'API key is invalid.');

export const checkBybitTimestamp: BybitCheck = ({ headers, receivedAt }) => {
  const timestamp = headers['x-bapi-timestamp'];
  const window = headers['x-bapi-recv-window'];
  const recvWindow = window === undefined ? 5000 : Number(window);
  if (judgeTimestamp('bybit', timestamp, receivedAt, recvWindow) === 'accepted') return undefined;
  return bybitError(
    '10002',
    `invalid request, please check your server timestamp or recv_window param. req_timestamp[${timestamp ?? ''}],server_timestamp[${receivedAt}],recv_window[${recvWindow}]`,
  );
};

/** "error sign! origin_string[...]": Bybit shows the string it signed, the recipe's own. */
export const checkBybitSignature: BybitCheck = async (request) => {
  const raw = rawOf(request);
  const verdict = await verifySignature('bybit', raw, MOCK_CREDENTIALS.bybitSecret);
  if (verdict === 'valid') return undefined;
  const signed = readSignedRequest('bybit', {
    ...raw,
    headers: { ...raw.headers, 'x-bapi-sign': '' },
  });
  const origin = signed ? SIGNING_RECIPES.bybit.compose(partsOfSigned('bybit', signed)) : '';
  return bybitError('10004', `error sign! origin_string[${origin}]`);
};

export const DEFAULT_BYBIT_CHECKS: readonly BybitCheck[] = [
  checkBybitApiKey,
  checkBybitTimestamp,
  checkBybitSignature,
];
