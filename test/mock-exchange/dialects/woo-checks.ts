// Mock exchange (Node): WOO X request checks: the API key, the timestamp against the mock's
// clock, and the signature, verified with the signing core: /v1 per the `woo-v1` recipe, /v3
// per `woo-v3`. WOO documents no code of its own for a stale timestamp; its support article on
// -1002 lists the timestamp's format first among the causes, so -1002 it is.
import type { SigningRecipeId } from '../../../src/core/index.ts';
import { judgeTimestamp, type RequestCheck, verifySignature } from '../checks.ts';
import { MOCK_CREDENTIALS } from '../credentials.ts';
import type { MockHttpRequest } from '../http-io.ts';
import { type WooRejection, wooError } from './woo-errors.ts';

export type WooCheck = RequestCheck<MockHttpRequest, WooRejection>;

export function wooRecipeFor(path: string): SigningRecipeId {
  return path.startsWith('/v3/') ? 'woo-v3' : 'woo-v1';
}

export const checkWooApiKey: WooCheck = ({ headers }) =>
  headers['x-api-key'] === MOCK_CREDENTIALS.wooApiKey ? undefined : wooError('woo:rest:-1002');

/** Unix milliseconds less than 300 s from the mock's clock ("300+ second difference" is
 * rejected, WOO's Authentication page). */
export const checkWooTimestamp: WooCheck = ({ path, headers, receivedAt }) =>
  judgeTimestamp(wooRecipeFor(path), headers['x-api-timestamp'], receivedAt) === 'accepted'
    ? undefined
    : wooError('woo:rest:-1002');

/** A wrong signature is WOO's INVALID_SIGNATURE row, -1001. */
export const checkWooSignature: WooCheck = async (request) => {
  const verdict = await verifySignature(
    wooRecipeFor(request.path),
    { method: request.method, url: request.target, headers: request.headers, body: request.body },
    MOCK_CREDENTIALS.wooSecret,
  );
  return verdict === 'valid' ? undefined : wooError('woo:rest:-1001');
};

export const DEFAULT_WOO_CHECKS: readonly WooCheck[] = [
  checkWooApiKey,
  checkWooTimestamp,
  checkWooSignature,
];
