// The clock verdicts at each recipe's documented edges, and the server-time readers on each
// exchange's documented reply.
import { describe, expect, it } from 'vitest';
import {
  judgeClock,
  parseServerTime,
  SERVER_TIME_ENDPOINTS,
  serverTimeEndpoint,
  serverTimeFromDateHeader,
  serverTimeFromReply,
} from '../../../../src/core/index.ts';

const SERVER = 1_700_000_000_000;
const at = (offset: number) => String(SERVER + offset);

describe('judgeClock', () => {
  it('says how far behind, the window, the verdict and what to do', () => {
    expect(judgeClock({ recipe: 'binance', timestamp: at(-6200), server: SERVER })).toEqual({
      verdict: 'rejected',
      offsetMs: -6200,
      message:
        'timestamp 6.2 s behind the server; recvWindow 5000 ms: rejected. Sync the clock (NTP) or raise recvWindow (at most 60000)',
    });
  });

  it.each([
    // Binance: timestamp < serverTime + 1000 and serverTime - timestamp <= recvWindow.
    ['binance', 999, undefined, 'accepted'],
    ['binance', 1000, undefined, 'rejected'],
    ['binance', -5000, undefined, 'accepted'],
    ['binance', -5001, undefined, 'rejected'],
    ['binance', -5001, 10_000, 'accepted'],
    // The gateway: within 5000 ms either way.
    ['gateway', 5000, undefined, 'accepted'],
    ['gateway', -5001, undefined, 'rejected'],
    ['gateway', 5001, undefined, 'rejected'],
    // Bybit: server_time - recv_window <= timestamp < server_time + 1000.
    ['bybit', 999, undefined, 'accepted'],
    ['bybit', 1000, undefined, 'rejected'],
    ['bybit', -5000, undefined, 'accepted'],
    ['bybit', -5001, undefined, 'rejected'],
    ['bybit', -15_000, 20_000, 'accepted'],
    // WOO X: a 300+ second difference is rejected.
    ['woo-v1', 299_999, undefined, 'accepted'],
    ['woo-v3', -300_000, undefined, 'rejected'],
  ] as const)('%s at %i ms (recvWindow %s): %s', (recipe, offset, recvWindow, verdict) => {
    const input = { recipe, timestamp: at(offset), server: SERVER };
    expect(judgeClock(recvWindow ? { ...input, recvWindow } : input).verdict).toBe(verdict);
  });

  it('binance: ahead of the server is its own rule, and a recvWindow over 60000 is rejected', () => {
    expect(judgeClock({ recipe: 'binance', timestamp: at(1500), server: SERVER }).message).toBe(
      'timestamp 1.5 s ahead of the server; Binance rejects timestamps 1000 ms or more ahead: rejected. Sync the clock (NTP)',
    );
    expect(
      judgeClock({ recipe: 'binance', timestamp: at(0), server: SERVER, recvWindow: 70_000 }),
    ).toMatchObject({
      verdict: 'rejected',
      message: expect.stringMatching(/^recvWindow 70000 ms is over/),
    });
  });

  it('okx: ±30 s for REST, ISO timestamps only', () => {
    const iso = (offset: number) => new Date(SERVER + offset).toISOString();
    expect(judgeClock({ recipe: 'okx', timestamp: iso(30_000), server: SERVER }).verdict).toBe(
      'accepted',
    );
    expect(judgeClock({ recipe: 'okx', timestamp: iso(-30_001), server: SERVER }).message).toBe(
      'timestamp 30 s behind the server; OKX accepts ±30 s: rejected. Sync the clock (NTP) or apply the offset from GET /api/v5/public/time',
    );
    expect(judgeClock({ recipe: 'okx', timestamp: at(0), server: SERVER }).message).toBe(
      'timestamp 1700000000000 is in Unix milliseconds; OKX wants ISO 8601: rejected. Send ISO 8601 (read as Unix milliseconds, it is in step with the server)',
    );
  });

  it('okx-ws-login: the login expires 30 s after its timestamp', () => {
    const seconds = (offset: number) => String((SERVER + offset) / 1000);
    expect(
      judgeClock({ recipe: 'okx-ws-login', timestamp: seconds(-30_000), server: SERVER }).verdict,
    ).toBe('accepted');
    expect(
      judgeClock({ recipe: 'okx-ws-login', timestamp: seconds(-31_000), server: SERVER }).message,
    ).toBe(
      'timestamp 31 s behind the server; the login expires 30 s after its timestamp: rejected. Sync the clock (NTP) and make the timestamp right before sending login',
    );
  });

  it('a timestamp in seconds where milliseconds are wanted is rejected for its format', () => {
    expect(judgeClock({ recipe: 'binance', timestamp: '1700000000', server: SERVER }).message).toBe(
      'timestamp 1700000000 is in Unix seconds; Binance wants Unix milliseconds: rejected. Send Unix milliseconds (read as Unix seconds, it is in step with the server)',
    );
  });

  it('a Date header is precise to the second: an edge inside that second is too close to call', () => {
    const header = (ms: number) => serverTimeFromDateHeader(new Date(ms).toUTCString());
    const server = header(SERVER);
    if (!server) throw new Error('Date header not read');
    expect(judgeClock({ recipe: 'gateway', timestamp: at(-4000), server }).verdict).toBe(
      'accepted',
    );
    const edge = judgeClock({ recipe: 'gateway', timestamp: at(-4600), server });
    expect(edge.verdict).toBe('too-close-to-call');
    expect(edge.message).toBe(
      'timestamp about 5.1 s behind the server (the Date header is precise to 1 s); the gateway accepts ±5000 ms: too close to call. Sync the clock (NTP) to be safe',
    );
    expect(judgeClock({ recipe: 'gateway', timestamp: at(-7000), server }).verdict).toBe(
      'rejected',
    );
  });

  it('a timestamp that is not a time is unreadable', () => {
    expect(judgeClock({ recipe: 'woo-v1', timestamp: 'now', server: SERVER })).toEqual({
      verdict: 'unreadable',
      message: 'timestamp "now" is not a time; WOO X v1 wants Unix milliseconds',
    });
  });
});

describe('server time', () => {
  it('names each recipe endpoint', () => {
    expect(SERVER_TIME_ENDPOINTS.gateway.path).toBe('/api/gateway/time');
    expect(SERVER_TIME_ENDPOINTS.binance.path).toBe('/api/v3/time');
    expect(SERVER_TIME_ENDPOINTS.okx.path).toBe('/api/v5/public/time');
    expect(SERVER_TIME_ENDPOINTS['woo-v3'].path).toBe('/v1/public/system_info');
    expect(SERVER_TIME_ENDPOINTS.bybit.path).toBe('/v5/market/time');
  });

  it("asks Binance's futures hosts at their own path", () => {
    expect(serverTimeEndpoint('binance', 'https://fapi.binance.com').path).toBe('/fapi/v1/time');
    expect(serverTimeEndpoint('binance', 'https://testnet.binancefuture.com').path).toBe(
      '/fapi/v1/time',
    );
    expect(serverTimeEndpoint('binance', 'https://api.binance.com').path).toBe('/api/v3/time');
    expect(serverTimeEndpoint('gateway', 'https://fapi.binance.com').path).toBe(
      '/api/gateway/time',
    );
  });

  it("reads Bybit's reply: its time in ms, else the whole second", () => {
    const reply = {
      retCode: 0,
      retMsg: 'OK',
      result: { timeSecond: '1688639403', timeNano: '1688639403423213947' },
      retExtInfo: {},
      time: 1688639403423,
    };
    expect(parseServerTime('bybit', reply)).toEqual({
      ms: 1688639403423,
      resolutionMs: 1,
      source: 'GET /v5/market/time',
    });
    expect(parseServerTime('bybit', { ...reply, time: undefined })?.resolutionMs).toBe(1000);
  });

  it('reads each documented reply', () => {
    expect(parseServerTime('binance', '{"serverTime":1499827319559}')).toEqual({
      ms: 1499827319559,
      resolutionMs: 1,
      source: 'GET /api/v3/time',
    });
    expect(
      parseServerTime('okx', { code: '0', msg: '', data: [{ ts: '1597026383085' }] })?.ms,
    ).toBe(1597026383085);
    const woo =
      '{"success":true,"data":{"status":0,"msg":"System is functioning properly."},"timestamp":1676335013700}';
    expect(parseServerTime('woo-v1', woo)?.ms).toBe(1676335013700);
    expect(
      parseServerTime('gateway', '{"code":0,"msg":"success","data":{"serverTime":1700000000000}}')
        ?.ms,
    ).toBe(1700000000000);
    expect(parseServerTime('gateway', '{"serverTime":1700000000000}')?.ms).toBe(1700000000000);
    expect(parseServerTime('binance', 'not json')).toBeUndefined();
    expect(parseServerTime('okx', { data: [] })).toBeUndefined();
  });

  it('reads the clock from ordinary replies that carry it', () => {
    expect(
      serverTimeFromReply('woo-v3', { success: true, timestamp: 1700000000000 }),
    ).toMatchObject({
      ms: 1700000000000,
    });
    expect(
      serverTimeFromReply('okx', {
        code: '0',
        inTime: '1695190491421339',
        outTime: '1695190491423240',
        data: [],
      }),
    ).toEqual({
      ms: 1695190491423,
      resolutionMs: 1,
      source: "the reply's outTime",
    });
    expect(serverTimeFromReply('okx', { code: '0', data: [] })).toBeUndefined();
    // Some WOO X replies give seconds with a fraction: precise to the millisecond.
    expect(serverTimeFromReply('woo-v1', { success: true, timestamp: '1700000000.123' })).toEqual({
      ms: 1700000000123,
      resolutionMs: 1,
      source: 'the reply',
    });
  });

  it('reads a Date header to the second', () => {
    expect(serverTimeFromDateHeader('Tue, 14 Nov 2023 22:13:20 GMT')).toEqual({
      ms: 1700000000000,
      resolutionMs: 1000,
      source: 'the Date header',
    });
    expect(serverTimeFromDateHeader('yesterday')).toBeUndefined();
  });
});
