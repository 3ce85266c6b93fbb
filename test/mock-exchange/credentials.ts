// Mock exchange (Node and page): the fake credentials the mock accepts. They are public test
// values, shown on the console page so a developer can type them into the signing pane; they
// unlock nothing anywhere else.
export const MOCK_CREDENTIALS = Object.freeze({
  /** Gateway: `Authorization: Bearer <token>`, the gateway's own token flow (-1002 without). */
  gatewayToken: 'mock-token',
  /** Gateway: `X-MBX-APIKEY` (REST) or the `apiKey` parameter (WebSocket API). */
  gatewayApiKey: 'mock-gateway-api-key',
  /** Signs gateway REST (`gateway` recipe) and WebSocket API (`binance` recipe) requests. */
  gatewaySecret: 'mock-gateway-secret',
  /** OKX: OK-ACCESS-KEY and the WebSocket login's apiKey. */
  okxApiKey: 'mock-okx-api-key',
  okxPassphrase: 'mock-passphrase',
  /** Signs OKX REST requests (`okx` recipe) and the WebSocket login (`okx-ws-login`). */
  okxSecret: 'mock-okx-secret',
  /** WOO X: `x-api-key` header. */
  wooApiKey: 'mock-woo-api-key',
  /** Signs WOO X /v1 (`woo-v1` recipe) and /v3 (`woo-v3` recipe) requests. */
  wooSecret: 'mock-woo-secret',
  /** Binance Spot: `X-MBX-APIKEY` header of /api/v3 signed requests. */
  binanceApiKey: 'mock-binance-api-key',
  /** Signs Binance Spot REST requests (`binance` recipe). */
  binanceSecret: 'mock-binance-secret',
  /** Bybit v5: `X-BAPI-API-KEY` (REST) and the WebSocket auth args. */
  bybitApiKey: 'mock-bybit-api-key',
  /** Signs Bybit v5 REST requests (`bybit` recipe) and the WebSocket auth. */
  bybitSecret: 'mock-bybit-secret',
});

/** What the console page shows, one row per exchange. */
export interface TestCredentialRow {
  /** Used in element ids: credential-<id>-key, -secret, -passphrase. */
  id: 'gateway' | 'okx' | 'woo' | 'binance' | 'bybit';
  exchange: string;
  recipes: string;
  key: string;
  secret: string;
  passphrase?: string;
}

export const TEST_CREDENTIAL_ROWS: readonly TestCredentialRow[] = [
  {
    id: 'gateway',
    exchange: 'Gateway (REST X-MBX-APIKEY, WebSocket API apiKey)',
    recipes: 'gateway, binance',
    key: MOCK_CREDENTIALS.gatewayApiKey,
    secret: MOCK_CREDENTIALS.gatewaySecret,
  },
  {
    id: 'okx',
    exchange: 'OKX (REST OK-ACCESS-*, WebSocket login)',
    recipes: 'okx, okx-ws-login',
    key: MOCK_CREDENTIALS.okxApiKey,
    secret: MOCK_CREDENTIALS.okxSecret,
    passphrase: MOCK_CREDENTIALS.okxPassphrase,
  },
  {
    id: 'woo',
    exchange: 'WOO X (x-api-key)',
    recipes: 'woo-v1, woo-v3',
    key: MOCK_CREDENTIALS.wooApiKey,
    secret: MOCK_CREDENTIALS.wooSecret,
  },
  {
    id: 'binance',
    exchange: 'Binance Spot (REST /api/v3, X-MBX-APIKEY)',
    recipes: 'binance',
    key: MOCK_CREDENTIALS.binanceApiKey,
    secret: MOCK_CREDENTIALS.binanceSecret,
  },
  {
    id: 'bybit',
    exchange: 'Bybit v5 (REST /v5, X-BAPI-*; WebSocket auth)',
    recipes: 'bybit',
    key: MOCK_CREDENTIALS.bybitApiKey,
    secret: MOCK_CREDENTIALS.bybitSecret,
  },
];
