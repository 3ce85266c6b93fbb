// Mock exchange (Node): WOO X default request checks (API key, signature shape). Real HMAC
// verification plugs in as one more WooCheck; see checks.ts.
import type { RequestCheck } from '../checks.ts';
import { HEX_DIGEST, MOCK_CREDENTIALS } from '../credentials.ts';
import type { MockHttpRequest } from '../http-io.ts';
import { type WooRejection, wooError } from './woo-errors.ts';

export type WooCheck = RequestCheck<MockHttpRequest, WooRejection>;

export const checkWooApiKey: WooCheck = ({ headers }) =>
  headers['x-api-key'] === MOCK_CREDENTIALS.wooApiKey ? undefined : wooError('woo:rest:-1002');

/** Until the signing recipes land, only the shape is checked: a hex HMAC-SHA256 digest. */
export const checkWooSignatureShape: WooCheck = ({ headers }) =>
  HEX_DIGEST.test(headers['x-api-signature'] ?? '') ? undefined : wooError('woo:rest:-1001');

export const DEFAULT_WOO_CHECKS: readonly WooCheck[] = [checkWooApiKey, checkWooSignatureShape];
