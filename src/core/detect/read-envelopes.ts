// Reads exchange error envelopes out of a parsed JSON value. Only the top level and the
// items of a top-level batch list are looked at, so the work is bounded whatever the depth.
import type { ExchangeId } from '../catalogue/types.ts';
import { field, isObject } from '../json/fields.ts';
import { bybitErrors } from './bybit-envelopes.ts';
import {
  codeText,
  isSuccess,
  MAX_ITEMS,
  messageText,
  type RawError,
  withMessage,
} from './envelope-fields.ts';

export type { RawError } from './envelope-fields.ts';

/** Who writes {"code":-1121,"msg":".."}: the gateway copies Binance's envelope and codes, and
 * Binance Spot and USDⓈ-M share it. The server's message decides among them (resolve-finding). */
export const BINANCE_STYLE: readonly ExchangeId[] = ['gateway', 'binance', 'binance-usdm'];
const OKX: readonly ExchangeId[] = ['okx'];
const WOO: readonly ExchangeId[] = ['woo'];

function okxItemErrors(data: unknown): RawError[] {
  if (!Array.isArray(data)) return [];
  const errors: RawError[] = [];
  const count = Math.min(data.length, MAX_ITEMS);
  for (let i = 0; i < count; i++) {
    const item = data[i];
    if (!isObject(item)) continue;
    const code = codeText(field(item, 'sCode'));
    if (code === undefined || Number(code) === 0) continue;
    const message = messageText(field(item, 'sMsg'));
    errors.push({
      dialect: 'okx-rest-item',
      code,
      shapeExchanges: OKX,
      path: `data[${i}]`,
      ...(message !== undefined ? { message } : {}),
    });
  }
  return errors;
}

/** Every error the value's envelope reports; [] for success, acks and market data. A
 * top-level array (a Binance-style batch reply) is read item by item. */
export function readEnvelopes(value: unknown): RawError[] {
  if (Array.isArray(value)) return batchItemErrors(value);
  return objectErrors(value);
}

function batchItemErrors(items: unknown[]): RawError[] {
  const errors: RawError[] = [];
  const count = Math.min(items.length, MAX_ITEMS);
  for (let i = 0; i < count; i++) {
    for (const error of objectErrors(items[i])) errors.push({ ...error, path: `[${i}]` });
  }
  return errors;
}

/** OKX's WebSocket events: {"event":"error","code":"60012",..} and the notice it sends before
 * closing a connection, {"event":"notice","code":"64008",..}. */
function okxEventErrors(value: Record<string, unknown>, event: unknown): RawError[] | undefined {
  if (event !== 'error' && event !== 'notice') return undefined;
  const code = codeText(field(value, 'code'));
  if (code === undefined || Number(code) === 0) return [];
  const dialect = event === 'error' ? 'okx-ws-event' : 'okx-ws-notice';
  return [withMessage({ dialect, code, shapeExchanges: OKX }, messageText(field(value, 'msg')))];
}

function objectErrors(value: unknown): RawError[] {
  if (!isObject(value)) return [];

  const okxEvent = okxEventErrors(value, field(value, 'event'));
  if (okxEvent) return okxEvent;

  // Binance-style WebSocket API: {"id":..,"status":400,"error":{"code":-1021,"msg":".."}}
  const error = field(value, 'error');
  if (isObject(error)) {
    const code = codeText(field(error, 'code'));
    const status = field(value, 'status');
    if (code === undefined || Number(code) === 0) return [];
    return [
      withMessage(
        {
          dialect: 'binance-ws-api',
          code,
          shapeExchanges: BINANCE_STYLE,
          ...(typeof status === 'number' ? { status } : {}),
        },
        messageText(field(error, 'msg')),
      ),
    ];
  }

  // Before WOO's shape: a failed Bybit op is {"success":false,"ret_msg":..} too.
  const bybit = bybitErrors(value);
  if (bybit) return bybit;

  // WOO: {"success":false,"code":-1001,"message":".."}, the code a number or a string.
  const success = field(value, 'success');
  if (success === false) {
    const code = codeText(field(value, 'code'));
    if (code === undefined || Number(code) === 0) return [];
    return [
      withMessage(
        { dialect: 'woo-rest', code, shapeExchanges: WOO },
        messageText(field(value, 'message')),
      ),
    ];
  }
  if (success === true) return [];

  const rawCode = field(value, 'code');
  const code = codeText(rawCode);
  if (code === undefined) return [];
  const message = messageText(field(value, 'msg') ?? field(value, 'message'));
  const data = field(value, 'data');
  // Binance's codes are negative, OKX's positive; either may come as a number or a string.
  const negative = code.startsWith('-');

  // OKX REST (and WebSocket order ops): string codes, per-item sCode/sMsg carry the real error.
  if (typeof rawCode === 'string' && !negative) {
    const items = okxItemErrors(data);
    if (items.length > 0) return items;
    if (message === undefined || isSuccess(code, message)) return [];
    const shape = Array.isArray(data) ? { shapeExchanges: OKX } : {};
    return [withMessage({ dialect: 'okx-rest', code, ...shape }, message)];
  }

  // Binance-style REST: {"code":-1121,"msg":"Invalid symbol."}; code 0 is success. A positive
  // number ({"code":50113,"msg":"Invalid Sign"} from OKX) names no exchange by its shape.
  if (message === undefined || isSuccess(code, message)) return [];
  const shape = negative ? { shapeExchanges: BINANCE_STYLE } : {};
  return [{ dialect: 'binance-rest', code, message, ...shape }];
}
