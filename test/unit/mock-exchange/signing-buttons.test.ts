// The console's signing buttons, read back the way the signing pane reads a captured request:
// detectSigningRecipe, readSignedRequest, findSigningMistakes with the test secret, judgeClock
// against the exchange's time endpoint. Each planted mistake must be the one the pane names.
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
import { runScenario } from '../../mock-exchange/console/scenario-runner.js';
import { MOCK_CREDENTIALS } from '../../mock-exchange/credentials.ts';
import { SIGNING_SCENARIOS } from '../../mock-exchange/scenarios/signing.ts';
import type { Scenario } from '../../mock-exchange/scenarios/types.ts';
import { type MockExchange, startMockExchange } from '../../mock-exchange/server.ts';

let exchange: MockExchange;
let origin: string;

beforeAll(async () => {
  exchange = await startMockExchange({ port: 0 });
  origin = exchange.url.replace(/\/$/, '');
});
afterAll(() => exchange.close());

/** For REST, the user maps the mock's host to the gateway in the options (127.0.0.1 names no
 * exchange); the gateway's WebSocket API signs Binance's way, which the unmapped host gives. */
function hostsFor(scenario: Scenario): HostMap {
  return scenario.kind === 'http' ? { '127.0.0.1': 'gateway' } : {};
}

const SECRETS: Record<string, string> = {
  gateway: MOCK_CREDENTIALS.gatewaySecret,
  binance: MOCK_CREDENTIALS.gatewaySecret,
  okx: MOCK_CREDENTIALS.okxSecret,
  'woo-v1': MOCK_CREDENTIALS.wooSecret,
  'woo-v3': MOCK_CREDENTIALS.wooSecret,
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
};

/** What DevTools would capture of the button's request. A WebSocket API frame is read as
 * Binance signs it: its params sorted by name, as a query. */
function capturedRequest(scenario: Scenario, steps: Awaited<ReturnType<typeof runScenario>>) {
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
    const recipe = detectSigningRecipe(raw, hostsFor(scenario))?.recipe;
    expect(recipe).toBe(scenario.sign?.recipe);
    if (!recipe) return;
    const signed = readSignedRequest(recipe, raw);
    if (!signed) throw new Error(`${id}: no signature the recipe reads`);
    const diagnosis = await findSigningMistakes(recipe, signed, SECRETS[recipe] as string);
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
