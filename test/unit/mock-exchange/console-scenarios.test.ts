// Every console button, run as the page runs it: it must provoke what its label promises, and
// the detector must explain every error it provokes (or report a code no catalogue knows).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { runScenario } from '../../mock-exchange/console/scenario-runner.js';
import { SCENARIOS } from '../../mock-exchange/scenarios/index.ts';
import { type MockExchange, startMockExchange } from '../../mock-exchange/server.ts';
import { errorFindings, observedEvents } from './support.ts';

let exchange: MockExchange;

beforeAll(async () => {
  exchange = await startMockExchange({ port: 0, pushMs: 100 });
});
afterAll(() => exchange.close());

describe('console scenarios', () => {
  it('have unique ids usable as element ids', () => {
    const ids = SCENARIOS.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z][a-z0-9-]*$/);
  });

  it.concurrent.each(SCENARIOS.map((s) => [s.id, s] as const))('%s', async (_id, scenario) => {
    const steps = await runScenario(scenario, {
      origin: exchange.url.replace(/\/$/, ''),
      fetch,
      WebSocket: WebSocket as never,
    });
    expect(steps.filter((s) => s.type === 'failed' || s.type === 'timeout')).toEqual([]);
    if (scenario.expect.status !== undefined) {
      expect(steps.find((s) => s.type === 'response')).toMatchObject({
        status: scenario.expect.status,
      });
    }
    const findings = errorFindings(observedEvents(steps));
    expect(
      findings.map((f) => ({
        code: f.code,
        entry: f.entry?.id ?? null,
        ...(f.path ? { path: f.path } : {}),
      })),
    ).toEqual(scenario.expect.findings);
    // A code no catalogue knows (OKX REST's) or a failed Bybit op, which has none, is still
    // reported, attributed by its envelope's shape, with the server's words.
    for (const finding of findings.filter((f) => !f.entry)) {
      expect(finding.exchange).toBe(finding.dialect === 'bybit-ws-op' ? 'bybit' : 'okx');
      expect(finding.observedMessage).toBeTruthy();
    }
  });
});
