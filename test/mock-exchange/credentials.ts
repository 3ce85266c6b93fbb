// Mock exchange (Node): the fake credentials the mock accepts. They are public test values, so
// the console page and the tests can send them; they unlock nothing anywhere else.
export const MOCK_CREDENTIALS = Object.freeze({
  /** Gateway: `Authorization: Bearer <token>` on signed endpoints. */
  gatewayToken: 'mock-token',
  /** OKX WebSocket login. */
  okxApiKey: 'mock-okx-api-key',
  okxPassphrase: 'mock-passphrase',
  /** Signs the OKX login: Base64(HMAC-SHA256(secret, timestamp + "GET/users/self/verify")). */
  okxSecret: 'mock-okx-secret',
  /** WOO X: `x-api-key` header. */
  wooApiKey: 'mock-woo-api-key',
});

/** Signatures are HMAC-SHA256 digests: 64 hex characters (gateway, WOO). */
export const HEX_DIGEST = /^[0-9a-f]{64}$/i;
