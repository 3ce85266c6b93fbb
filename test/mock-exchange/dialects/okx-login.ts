// Mock exchange (Node): OKX WebSocket login checks, verified with the signing core's
// `okx-ws-login` recipe (Base64(HMAC-SHA256(secret, timestamp + "GET/users/self/verify")), the
// login expiring 30 s after its timestamp) against the mock's public test secret.
import { signRequest } from '../../../src/core/index.ts';
import { catalogueMessage } from '../catalogue-text.ts';
import { judgeTimestamp, type RequestCheck, verifySignature } from '../checks.ts';
import { MOCK_CREDENTIALS } from '../credentials.ts';

export interface OkxLoginRequest {
  apiKey: string;
  passphrase: string;
  /** Unix seconds as sent: "1704876947". */
  timestamp: string;
  sign: string;
  /** The mock's clock when the login arrived. */
  receivedAt: number;
}

export interface OkxWsRejection {
  code: string;
  msg: string;
}

export type OkxLoginCheck = RequestCheck<OkxLoginRequest, OkxWsRejection>;

function rejection(code: string, values?: Record<string, string>): OkxWsRejection {
  return { code, msg: catalogueMessage(`okx:ws-message:${code}`, values) };
}

export const checkLoginTimestamp: OkxLoginCheck = ({ timestamp, receivedAt }) => {
  const verdict = judgeTimestamp('okx-ws-login', timestamp, receivedAt);
  if (verdict === 'accepted') return undefined;
  return rejection(verdict === 'expired' ? '60006' : '60004');
};

export const checkApiKey: OkxLoginCheck = ({ apiKey }) =>
  apiKey === MOCK_CREDENTIALS.okxApiKey ? undefined : rejection('60005');

export const checkPassphrase: OkxLoginCheck = ({ passphrase }) =>
  passphrase === MOCK_CREDENTIALS.okxPassphrase ? undefined : rejection('60024');

/** The login's sign for a timestamp (Unix seconds as text), as a client computes it. */
export async function okxLoginSign(secret: string, timestamp: string): Promise<string> {
  return (await signRequest('okx-ws-login', { secret, timestamp })).signature;
}

/** A sign that is not a Base64 SHA-256 digest at all is "Invalid sign"; a digest of the wrong
 * string or secret is a plain "Login failure", as OKX answers. */
export const checkLoginSign: OkxLoginCheck = async ({ sign, timestamp }) => {
  if (!/^[A-Za-z0-9+/]{43}=$/.test(sign)) return rejection('60007');
  const frame = JSON.stringify({ op: 'login', args: [{ timestamp, sign }] });
  const verdict = await verifySignature(
    'okx-ws-login',
    { url: '', body: frame },
    MOCK_CREDENTIALS.okxSecret,
  );
  return verdict === 'valid' ? undefined : rejection('60009');
};

export const DEFAULT_OKX_LOGIN_CHECKS: readonly OkxLoginCheck[] = [
  checkLoginTimestamp,
  checkApiKey,
  checkPassphrase,
  checkLoginSign,
];
