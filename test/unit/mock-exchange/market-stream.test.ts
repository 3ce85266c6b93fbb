// The /ws/market load stream: frames in each exchange's shape, numbered error envelopes every
// Nth frame, an exact count when asked, and rates that can be changed while streaming.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type MockExchange, startMockExchange } from '../../mock-exchange/server.ts';
import { errorFindings, openSocket, type TestSocket } from './support.ts';

let exchange: MockExchange;

beforeAll(async () => {
  exchange = await startMockExchange({ port: 0 });
});
afterAll(() => exchange.close());

async function frames(socket: TestSocket, count: number): Promise<string[]> {
  const received: string[] = [];
  while (received.length < count) received.push(await socket.next());
  return received;
}

describe('market stream', () => {
  it.each([
    ['okx', { arg: { channel: 'tickers' } }],
    ['gateway', { e: 'aggTrade' }],
    ['woo', { topic: expect.stringMatching(/@trade$/) }],
  ])('pushes %s frames', async (dialect, shape) => {
    const market = await openSocket(`${exchange.wsUrl}/ws/market?dialect=${dialect}&rate=2000`);
    for (const frame of await frames(market, 20)) expect(JSON.parse(frame)).toMatchObject(shape);
    market.socket.close();
  });

  it('sends exactly count frames, every Nth an error the detector explains, numbered #N', async () => {
    const url = `${exchange.wsUrl}/ws/market?dialect=mixed&rate=5000&errorEvery=10&count=60`;
    const market = await openSocket(url);
    const received = await frames(market, 60);
    const errors = received.filter((frame) => frame.includes('"code"'));
    expect(errors).toHaveLength(6);
    const findings = errorFindings(
      errors.map((data) => ({ type: 'ws', url, direction: 'receive', data }) as const),
    );
    expect(findings.map((f) => f.entry?.id)).toEqual([
      'gateway:rest:-1003',
      'woo:rest:-1003',
      'okx:ws-message:60014',
      'gateway:rest:-1003',
      'woo:rest:-1003',
      'okx:ws-message:60014',
    ]);
    expect(findings.map((f) => f.observedMessage?.match(/#(\d+)$/)?.[1])).toEqual([
      '10',
      '20',
      '30',
      '40',
      '50',
      '60',
    ]);
    // Market data frames carry no error: the detector stays silent on them.
    expect(
      errorFindings(
        received
          .filter((f) => !f.includes('"code"'))
          .map((data) => ({ type: 'ws', url, direction: 'receive', data }) as const),
      ),
    ).toEqual([]);
    await expect(market.next(300)).rejects.toThrow('no frame received');
    market.socket.close();
  });

  it('reports each stream in marketStats() and /mock/stats, and retimes open streams', async () => {
    const market = await openSocket(`${exchange.wsUrl}/ws/market?dialect=okx&rate=500`);
    await frames(market, 5);
    exchange.setMarketRate(1500);
    const open = exchange.marketStats().find((s) => s.endedAt === undefined);
    expect(open).toMatchObject({ dialect: 'okx', rate: 1500, errorEvery: 0 });
    expect(open?.sent).toBeGreaterThanOrEqual(5);
    const reply = (await (await fetch(`${exchange.url}mock/stats`)).json()) as {
      market: { rate: number }[];
    };
    expect(reply.market.some((s) => s.rate === 1500)).toBe(true);
    market.socket.close();
  });
});
