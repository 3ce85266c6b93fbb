// Mock exchange (Node): Bybit v5's replies, {"retCode":..,"retMsg":..,"result":{},
// "retExtInfo":{},"time":..}, with HTTP 200 even for errors, as Bybit answers.
import { BUNDLED_CATALOGUE } from '../../../src/core/index.ts';
import type { MockHttpReply } from '../http-io.ts';

export interface BybitRejection {
  retCode: string;
  retMsg: string;
}

/** Throws at start-up when the code leaves Bybit's catalogue (its words are the server's). */
export function bybitError(retCode: string, retMsg: string): BybitRejection {
  if (!BUNDLED_CATALOGUE.byCode(retCode).some((entry) => entry.exchange === 'bybit')) {
    throw new Error(`the mock answers Bybit ${retCode}, which its catalogue no longer lists`);
  }
  return { retCode, retMsg };
}

export function bybitReply(result: unknown, now: number): MockHttpReply {
  return { status: 200, body: { retCode: 0, retMsg: 'OK', result, retExtInfo: {}, time: now } };
}

export function bybitErrorReply(rejection: BybitRejection, now: number): MockHttpReply {
  return {
    status: 200,
    body: {
      retCode: Number(rejection.retCode),
      retMsg: rejection.retMsg,
      result: {},
      retExtInfo: {},
      time: now,
    },
  };
}
