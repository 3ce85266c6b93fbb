// The console's signing buttons, read back the way the signing pane reads a captured request:
// the recipe of the error's exchange (else detectSigningRecipe), readSignedRequest,
// findSigningMistakes with the test secret, judgeClock against the exchange's time endpoint.
// Each planted mistake must be the one the pane names.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import {
  type ClockVerdictKind,
  detectSigningRecipe,
  findSigningMistakes,
  type HostMap,
  judgeClock,
  parseServerTime,
  type RawRequest,
  readSignedRequest,
  SERVER_TIME_ENDPOINTS,
  type SigningRecipeId,
} from '../../../src/core/index.ts';
import { exchangeRecipe } from '../../../src/panel/sign/sign-draft.ts';
import { runScenario } from '../../mock-exchange/console/scenario-runner.js';
import { MOCK_CREDENTIALS } from '../../mock-exchange/credentials.ts';
import { SIGNING_SCENARIOS } from '../../mock-exchange/scenarios/signing.ts';
import type { Scenario } from '../../mock-exchange/scenarios/types.ts';
import { type MockExchange, startMockExchange } from '../../mock-exchange/server.ts';
import { errorFindings, observedEvents } from './support.ts';

let exchange: MockExchange;
let origin: string;

beforeAll(async () => {
  exchange = await startMockExchange({ port: 0 });
  origin = exchange.url.replace(/\/$/, '');
});
afterAll(() => exchange.close());

/** A successful gateway request names no exchange on 127.0.0.1 (no error row to follow): the
 * user maps the mock's host to the gateway in the options, as the pane's hint says. */
function hostsFor(scenario: Scenario): HostMap {
  return scenario.kind === 'http' && scenario.sign?.recipe === 'gateway'
    ? { '127.0.0.1': 'gateway' }
    : {};
}

/** The recipe the pane starts from: a WebSocket API call's shape settles it (Binance's way);
 * else the recipe of the error's exchange; else what the request itself says. */
function paneRecipe(scenario: Scenario, raw: RawRequest, steps: Steps) {
  if (scenario.kind === 'ws') return 'binance';
  const [finding] = errorFindings(observedEvents(steps));
  const detected = detectSigningRecipe(raw, finding ? {} : hostsFor(scenario))?.recipe;
  return exchangeRecipe(finding?.exchange, detected) ?? detected;
}

/** The secret a developer types: the one shown on the console next to the key sent. */
const SECRET_OF_KEY: Record<string, string> = {
  [MOCK_CREDENTIALS.gatewayApiKey]: MOCK_CREDENTIALS.gatewaySecret,
  [MOCK_CREDENTIALS.okxApiKey]: MOCK_CREDENTIALS.okxSecret,
  [MOCK_CREDENTIALS.wooApiKey]: MOCK_CREDENTIALS.wooSecret,
  [MOCK_CREDENTIALS.binanceApiKey]: MOCK_CREDENTIALS.binanceSecret,
  [MOCK_CREDENTIALS.bybitApiKey]: MOCK_CREDENTIALS.bybitSecret,
};

interface PaneVerdict {
  /** The signature sent is the recipe's with the shown secret. */
  matches: boolean;
  /** The mistakes the finder names (ids), when it does not match. */
  mistakes: string[];
  clock: ClockVerdictKind;
  /** What the finder's notes or the clock judge say, when the timestamp itself is wrong. */
  says?: RegExp;
}

const SIGNED: PaneVerdict = { matches: true, mistakes: [], clock: 'accepted' };
const SKEWED: PaneVerdict = { matches: true, mistakes: [], clock: 'rejected' };

const EXPECTED: Record<string, PaneVerdict> = {
  'gateway-signed-order': SIGNED,
  'gateway-skewed-timestamp': SKEWED,
  'gateway-unsorted-params': { matches: false, mistakes: ['params-unsorted'], clock: 'accepted' },
  'binance-ws-signed-order': SIGNED,
  'binance-ws-skewed-timestamp': SKEWED,
  'okx-signed-order': SIGNED,
  'okx-skewed-timestamp': SKEWED,
  'okx-seconds-timestamp': { ...SKEWED, says: /in Unix seconds; OKX wants ISO 8601/ },
  'woo-v1-signed-order': SIGNED,
  'woo-v1-skewed-timestamp': SKEWED,
  // No usual mistake reproduces another secret's signature: the pane points at the secret.
  'woo-v1-wrong-secret': { matches: false, mistakes: [], clock: 'accepted' },
  'woo-v3-signed-order': SIGNED,
  'woo-v3-skewed-timestamp': SKEWED,
  'woo-v3-lowercase-method': { matches: false, mistakes: ['method-lowercase'], clock: 'accepted' },
  'binance-signed-order': SIGNED,
  'binance-skewed-timestamp': SKEWED,
  'binance-wrong-secret': { matches: false, mistakes: [], clock: 'accepted' },
  'bybit-signed-order': SIGNED,
  'bybit-skewed-timestamp': SKEWED,
  'bybit-recv-window-unsigned': {
    matches: false,
    mistakes: ['recv-window-left-out'],
    clock: 'accepted',
  },
};

/** What DevTools would capture of the button's request. A WebSocket API frame is read as
 * Binance signs it: its params sorted by name, as a query. */
type Steps = Awaited<ReturnType<typeof runScenario>>;

function capturedRequest(scenario: Scenario, steps: Steps) {
  if (scenario.kind === 'http') {
    const request = steps.find((step) => step.type === 'request');
    if (request?.type !== 'request') throw new Error(`${scenario.id} sent nothing`);
    const raw: RawRequest = { method: request.method, url: request.url, headers: request.headers };
    return request.body === undefined ? raw : { ...raw, body: request.body };
  }
  const sent = steps.find((step) => step.type === 'send');
  if (sent?.type !== 'send') throw new Error(`${scenario.id} sent nothing`);
  const params = (JSON.parse(sent.data) as { params: Record<string, unknown> }).params;
  const query = Object.keys(params)
    .sort()
    .map((name) => `${name}=${String(params[name])}`)
    .join('&');
  return { method: 'GET', url: `${exchange.wsUrl}/ws-api?${query}` };
}

async function serverMs(recipe: SigningRecipeId): Promise<number> {
  const reply = await fetch(`${origin}${SERVER_TIME_ENDPOINTS[recipe].path}`);
  const time = parseServerTime(recipe, await reply.text());
  if (!time) throw new Error(`no server time for ${recipe}`);
  return time.ms;
}

describe('signing buttons', () => {
  it('are all read back here', () => {
    expect(SIGNING_SCENARIOS.map((s) => s.id).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(SIGNING_SCENARIOS.map((s) => [s.id, s] as const))('%s', async (id, scenario) => {
    const steps = await runScenario(scenario, { origin, fetch, WebSocket: WebSocket as never });
    const raw = capturedRequest(scenario, steps);
    const recipe = paneRecipe(scenario, raw, steps);
    expect(recipe).toBe(scenario.sign?.recipe);
    if (!recipe) return;
    const signed = readSignedRequest(recipe, raw);
    if (!signed) throw new Error(`${id}: no signature the recipe reads`);
    const secret = SECRET_OF_KEY[scenario.sign?.key ?? ''] ?? MOCK_CREDENTIALS.gatewaySecret;
    const diagnosis = await findSigningMistakes(recipe, signed, secret);
    const clock = judgeClock({
      recipe,
      timestamp: signed.timestamp,
      server: await serverMs(recipe),
      ...(signed.recvWindow === undefined ? {} : { recvWindow: signed.recvWindow }),
    });
    const want = EXPECTED[id] as PaneVerdict;
    expect({
      matches: diagnosis.matches,
      mistakes: diagnosis.mistakes.map((m) => m.id),
      clock: clock.verdict,
    }).toEqual({ matches: want.matches, mistakes: want.mistakes, clock: want.clock });
    if (want.says) {
      expect(diagnosis.notes.join(' ')).toMatch(want.says);
      expect(clock.message).toMatch(/Unix seconds/);
    }
  });
});
