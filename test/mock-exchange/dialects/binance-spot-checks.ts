// Mock exchange (Node): Binance Spot's request checks for /api/v3 signed endpoints: the API key
// (X-MBX-APIKEY), the timestamp against the mock's clock under recvWindow, and the signature,
// verified with the signing core's `binance` recipe (query string + body, both as sent).
import { judgeClock } from '../../../src/core/index.ts';
import { judgeTimestamp, type RequestCheck, verifySignature } from '../checks.ts';
import { MOCK_CREDENTIALS } from '../credentials.ts';
import type { MockHttpRequest } from '../http-io.ts';
import { type BinanceRejection, binanceError } from './binance-spot-errors.ts';

export type BinanceCheck = RequestCheck<MockHttpRequest, BinanceRejection>;

const KEY_SHAPE = /^[\w-]{1,128}$/;

export const checkBinanceApiKey: BinanceCheck = ({ headers }) => {
  const key = headers['x-mbx-apikey'];
  if (key === undefined || key === '' || !KEY_SHAPE.test(key)) {
    return binanceError('-2014', 'API-key format invalid.');
  }
  return key === MOCK_CREDENTIALS.binanceApiKey
    ? undefined
    : binanceError('-2015', 'Invalid API-key, IP, or permissions for action.');
};

/** Binance's rule: timestamp < serverTime + 1000 and serverTime - timestamp <= recvWindow;
 * its two -1021 messages tell ahead from behind. */
export const checkBinanceTimestamp: BinanceCheck = ({ params, receivedAt }) => {
  const { timestamp, recvWindow } = params;
  const window = recvWindow === undefined ? undefined : Number(recvWindow);
  const verdict = judgeTimestamp('binance', timestamp, receivedAt, window);
  if (verdict === 'missing') {
    return binanceError(
      '-1102',
      "Mandatory parameter '%s' was not sent, was empty/null, or malformed.",
      ['timestamp'],
    );
  }
  if (verdict === 'accepted') return undefined;
  const ahead =
    (judgeClock({ recipe: 'binance', timestamp: timestamp ?? '', server: receivedAt }).offsetMs ??
      0) >= 1000;
  return ahead
    ? binanceError('-1021', "Timestamp for this request was 1000ms ahead of the server's time.")
    : binanceError('-1021', 'Timestamp for this request is outside of the recvWindow.');
};

export const checkBinanceSignature: BinanceCheck = async (request) => {
  const verdict = await verifySignature(
    'binance',
    { method: request.method, url: request.target, headers: request.headers, body: request.body },
    MOCK_CREDENTIALS.binanceSecret,
  );
  if (verdict === 'missing') {
    return binanceError(
      '-1102',
      "Mandatory parameter '%s' was not sent, was empty/null, or malformed.",
      ['signature'],
    );
  }
  return verdict === 'valid'
    ? undefined
    : binanceError('-1022', 'Signature for this request is not valid.');
};

export const DEFAULT_BINANCE_CHECKS: readonly BinanceCheck[] = [
  checkBinanceApiKey,
  checkBinanceTimestamp,
  checkBinanceSignature,
];
