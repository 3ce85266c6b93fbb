// Mock exchange (Node): Binance Spot's error replies, {"code":-1121,"msg":"Invalid symbol."},
// each message one the catalogue documents for its code (placeholders filled as Binance does).
import { fillPlaceholders } from '../../../src/core/index.ts';
import { documentedEntry } from '../catalogue-text.ts';
import type { MockHttpReply } from '../http-io.ts';

export interface BinanceRejection {
  code: string;
  status: number;
  msg: string;
}

/** Binance's statuses: 401 for keys, 429 (418 once banned) for limits, 400 for the rest. */
const STATUS_OF: Readonly<Record<string, number>> = { '-2014': 401, '-2015': 401, '-1003': 429 };

/** Throws at start-up when the catalogue stops documenting the words. */
export function binanceError(
  code: string,
  documented: string,
  values: readonly string[] = [],
): BinanceRejection {
  documentedEntry('binance', code, documented);
  const filled = fillPlaceholders(
    documented,
    Object.fromEntries(values.map((value, i) => [`%${i + 1}`, value])),
  );
  return { code, status: STATUS_OF[code] ?? 400, msg: filled };
}

export function binanceErrorReply(rejection: BinanceRejection): MockHttpReply {
  return { status: rejection.status, body: { code: Number(rejection.code), msg: rejection.msg } };
}
