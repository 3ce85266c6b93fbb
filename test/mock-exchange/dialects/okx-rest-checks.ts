// Mock exchange (Node): OKX REST authentication of private endpoints: the OK-ACCESS-* headers,
// the timestamp against the mock's clock and the sign, verified with the signing core's `okx`
// recipe. Codes and messages are OKX's documented REST ones (docs-v5 "Error Code", REST
// "Public" 501xx, all HTTP 401); the bundled OKX catalogue has only WebSocket rows, so the
// detector reports them as OKX codes it does not know.
import { OKX_HEADERS } from '../../../src/core/index.ts';
import { judgeTimestamp, type RequestCheck, verifySignature } from '../checks.ts';
import { MOCK_CREDENTIALS } from '../credentials.ts';
import type { MockHttpRequest } from '../http-io.ts';
import type { OkxRejection } from './okx-orders.ts';

export type OkxRestRejection = OkxRejection & { status: number };
export type OkxRestCheck = RequestCheck<MockHttpRequest, OkxRestRejection>;

const MESSAGES = {
  '50102': 'Timestamp request expired',
  '50103': 'Request header "OK-ACCESS-KEY" cannot be empty.',
  '50104': 'Request header "OK-ACCESS-PASSPHRASE" cannot be empty.',
  '50105': 'Request header "OK-ACCESS-PASSPHRASE" incorrect.',
  '50106': 'Request header "OK-ACCESS-SIGN" cannot be empty.',
  '50107': 'Request header "OK-ACCESS-TIMESTAMP" cannot be empty.',
  '50111': 'Invalid OK-ACCESS-KEY',
  '50112': 'Invalid OK-ACCESS-TIMESTAMP',
  '50113': 'Invalid signature',
} as const;
export type OkxAuthCode = keyof typeof MESSAGES;

export function okxAuthError(code: OkxAuthCode): OkxRestRejection {
  return { code, msg: MESSAGES[code], status: 401 };
}

function header(request: MockHttpRequest, name: string): string {
  return request.headers[name.toLowerCase()] ?? '';
}

const REQUIRED: readonly [string, OkxAuthCode][] = [
  [OKX_HEADERS.key, '50103'],
  [OKX_HEADERS.passphrase, '50104'],
  [OKX_HEADERS.sign, '50106'],
  [OKX_HEADERS.timestamp, '50107'],
];

export const checkOkxHeaders: OkxRestCheck = (request) => {
  const missing = REQUIRED.find(([name]) => header(request, name).trim() === '');
  return missing ? okxAuthError(missing[1]) : undefined;
};

/** ISO 8601 with milliseconds within ±30 s of the mock's clock; Unix seconds or milliseconds
 * are "Invalid OK-ACCESS-TIMESTAMP", a readable but distant one "Timestamp request expired". */
export const checkOkxTimestamp: OkxRestCheck = (request) => {
  const verdict = judgeTimestamp('okx', header(request, OKX_HEADERS.timestamp), request.receivedAt);
  if (verdict === 'accepted') return undefined;
  return okxAuthError(verdict === 'expired' ? '50102' : '50112');
};

export const checkOkxKey: OkxRestCheck = (request) =>
  header(request, OKX_HEADERS.key) === MOCK_CREDENTIALS.okxApiKey
    ? undefined
    : okxAuthError('50111');

export const checkOkxPassphrase: OkxRestCheck = (request) =>
  header(request, OKX_HEADERS.passphrase) === MOCK_CREDENTIALS.okxPassphrase
    ? undefined
    : okxAuthError('50105');

export const checkOkxSign: OkxRestCheck = async (request) => {
  const verdict = await verifySignature(
    'okx',
    { method: request.method, url: request.target, headers: request.headers, body: request.body },
    MOCK_CREDENTIALS.okxSecret,
  );
  return verdict === 'valid' ? undefined : okxAuthError('50113');
};

export const DEFAULT_OKX_REST_CHECKS: readonly OkxRestCheck[] = [
  checkOkxHeaders,
  checkOkxTimestamp,
  checkOkxKey,
  checkOkxPassphrase,
  checkOkxSign,
];
