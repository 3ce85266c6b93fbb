// The console page as a browser fetches it: one button per scenario, scripts served as modules,
// server text never parsed as markup.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MOCK_CREDENTIALS } from '../../mock-exchange/credentials.ts';
import { SCENARIOS } from '../../mock-exchange/scenarios/index.ts';
import { type MockExchange, startMockExchange } from '../../mock-exchange/server.ts';

let exchange: MockExchange;

beforeAll(async () => {
  exchange = await startMockExchange({ port: 0 });
});
afterAll(() => exchange.close());

describe('console page', () => {
  it('inlines every scenario the buttons are built from', async () => {
    const response = await fetch(exchange.url);
    expect(response.headers.get('content-type')).toContain('text/html');
    const html = await response.text();
    const json = html.match(
      /<script type="application\/json" id="scenarios">(.*?)<\/script>/s,
    )?.[1];
    const inlined = JSON.parse(json ?? 'null') as { id: string }[];
    expect(inlined.map((s) => s.id)).toEqual(SCENARIOS.map((s) => s.id));
    expect(inlined.map((s) => s.id)).toEqual(
      expect.arrayContaining([
        'gateway-bad-symbol',
        'okx-bad-channel',
        'okx-empty-instid',
        'okx-private-unauthenticated',
        'okx-idle-close',
        'woo-rate-limit',
        'okx-batch-partial',
        'binance-ws-timestamp',
        'gateway-signed-order',
        'gateway-skewed-timestamp',
        'gateway-unsorted-params',
        'okx-signed-order',
        'okx-skewed-timestamp',
        'okx-seconds-timestamp',
        'woo-v1-signed-order',
        'woo-v1-wrong-secret',
        'woo-v3-signed-order',
      ]),
    );
    for (const id of [
      'market-toggle',
      'market-rate',
      'market-dialect',
      'market-error-every',
      'log',
      'credentials-rows',
      'clock-skew',
      'clock-skew-apply',
    ]) {
      expect(html).toContain(`id="${id}"`);
    }
  });

  it('shows the test credentials a developer types into the signing pane', async () => {
    const html = await (await fetch(exchange.url)).text();
    const json = html.match(
      /<script type="application\/json" id="credentials-data">(.*?)<\/script>/s,
    )?.[1];
    const rows = JSON.parse(json ?? 'null') as Record<string, string>[];
    expect(rows).toEqual([
      expect.objectContaining({
        id: 'gateway',
        key: MOCK_CREDENTIALS.gatewayApiKey,
        secret: MOCK_CREDENTIALS.gatewaySecret,
      }),
      expect.objectContaining({
        id: 'okx',
        key: MOCK_CREDENTIALS.okxApiKey,
        secret: MOCK_CREDENTIALS.okxSecret,
        passphrase: MOCK_CREDENTIALS.okxPassphrase,
      }),
      expect.objectContaining({
        id: 'woo',
        key: MOCK_CREDENTIALS.wooApiKey,
        secret: MOCK_CREDENTIALS.wooSecret,
      }),
      expect.objectContaining({
        id: 'binance',
        key: MOCK_CREDENTIALS.binanceApiKey,
        secret: MOCK_CREDENTIALS.binanceSecret,
      }),
      expect.objectContaining({
        id: 'bybit',
        key: MOCK_CREDENTIALS.bybitApiKey,
        secret: MOCK_CREDENTIALS.bybitSecret,
      }),
    ]);
  });

  it('serves the page scripts as JavaScript', async () => {
    for (const path of [
      'console/console.js',
      'console/scenario-runner.js',
      'console/page-signer.js',
    ]) {
      const response = await fetch(`${exchange.url}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('javascript');
    }
  });

  it('renders log entries with textContent only', () => {
    const script = readFileSync(
      new URL('../../mock-exchange/console/console.js', import.meta.url),
      'utf8',
    );
    expect(script).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write/);
  });
});
