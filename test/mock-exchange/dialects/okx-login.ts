// Mock exchange (Node): OKX WebSocket login checks. The sign is verified with OKX's documented
// recipe, Base64(HMAC-SHA256(secret, timestamp + "GET" + "/users/self/verify")), against the
// mock's public test secret; another check list (e.g. core/signing's) can replace it.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { catalogueMessage } from '../catalogue-text.ts';
import type { RequestCheck } from '../checks.ts';
import { MOCK_CREDENTIALS } from '../credentials.ts';

export interface OkxLoginRequest {
  apiKey: string;
  passphrase: string;
  /** Unix seconds as sent: "1704876947". */
  timestamp: string;
  sign: string;
  receivedAt: number;
}

export interface OkxWsRejection {
  code: string;
  msg: string;
}

export type OkxLoginCheck = RequestCheck<OkxLoginRequest, OkxWsRejection>;

/** OKX refuses a login whose timestamp is more than 30 s from its clock. */
const MAX_SKEW_SECONDS = 30;

function rejection(code: string, values?: Record<string, string>): OkxWsRejection {
  return { code, msg: catalogueMessage(`okx:ws-message:${code}`, values) };
}

export const checkLoginTimestamp: OkxLoginCheck = ({ timestamp, receivedAt }) => {
  if (!/^\d{1,12}(\.\d{1,3})?$/.test(timestamp)) return rejection('60004');
  const skew = Math.abs(receivedAt / 1000 - Number(timestamp));
  return skew > MAX_SKEW_SECONDS ? rejection('60006') : undefined;
};

export const checkApiKey: OkxLoginCheck = ({ apiKey }) =>
  apiKey === MOCK_CREDENTIALS.okxApiKey ? undefined : rejection('60005');

export const checkPassphrase: OkxLoginCheck = ({ passphrase }) =>
  passphrase === MOCK_CREDENTIALS.okxPassphrase ? undefined : rejection('60024');

export function okxLoginSign(secret: string, timestamp: string): string {
  return createHmac('sha256', secret).update(`${timestamp}GET/users/self/verify`).digest('base64');
}

export const checkLoginSign: OkxLoginCheck = ({ sign, timestamp }) => {
  const given = Buffer.from(sign, 'base64');
  if (sign === '' || given.length !== 32) return rejection('60007');
  const expected = Buffer.from(okxLoginSign(MOCK_CREDENTIALS.okxSecret, timestamp), 'base64');
  return timingSafeEqual(given, expected) ? undefined : rejection('60009');
};

export const DEFAULT_OKX_LOGIN_CHECKS: readonly OkxLoginCheck[] = [
  checkLoginTimestamp,
  checkApiKey,
  checkPassphrase,
  checkLoginSign,
];
