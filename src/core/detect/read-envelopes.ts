// Reads exchange error envelopes out of a parsed JSON value. Only the top level and the
// items of a top-level data array are looked at, so the work is bounded whatever the depth.

import type { ExchangeId } from '../catalogue/types.ts';
import { field, isObject } from '../json/fields.ts';
import type { Dialect } from './types.ts';

export interface RawError {
  dialect: Dialect;
  code: string;
  message?: string;
  /** The exchange the envelope's shape points to; undefined when the shape is generic. */
  shapeExchange?: ExchangeId;
  path?: string;
  status?: number;
}

/** Items of data[] looked at for per-item errors; batch replies are far smaller. */
const MAX_ITEMS = 1000;
const MAX_MESSAGE_CHARS = 1000;

/** A code as the exchange writes it, when it is an integer (number or numeric string). */
function codeText(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return String(value);
  if (typeof value === 'string' && /^-?\d{1,9}$/.test(value.trim())) return value.trim();
  return undefined;
}

function messageText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.slice(0, MAX_MESSAGE_CHARS);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** Messages that mean "it worked" on exchanges that put a non-zero code on success. */
const SUCCESS_MESSAGE = /^(success|succeed(ed)?|ok|done|成功|操作成功|请求成功)$/i;

function isSuccess(code: string, message: string | undefined): boolean {
  return Number(code) === 0 || (message !== undefined && SUCCESS_MESSAGE.test(message.trim()));
}

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
      shapeExchange: 'okx',
      path: `data[${i}]`,
      ...(message !== undefined ? { message } : {}),
    });
  }
  return errors;
}

function withMessage(error: RawError, message: string | undefined): RawError {
  return message === undefined ? error : { ...error, message };
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

function objectErrors(value: unknown): RawError[] {
  if (!isObject(value)) return [];

  // OKX WebSocket: {"event":"error","code":"60012","msg":"..."}
  if (field(value, 'event') === 'error') {
    const code = codeText(field(value, 'code'));
    if (code === undefined || Number(code) === 0) return [];
    return [
      withMessage(
        { dialect: 'okx-ws-event', code, shapeExchange: 'okx' },
        messageText(field(value, 'msg')),
      ),
    ];
  }

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
          shapeExchange: 'gateway',
          ...(typeof status === 'number' ? { status } : {}),
        },
        messageText(field(error, 'msg')),
      ),
    ];
  }

  // WOO: {"success":false,"code":-1001,"message":".."}
  const success = field(value, 'success');
  if (success === false) {
    const code = codeText(field(value, 'code'));
    if (code === undefined || Number(code) === 0) return [];
    return [
      withMessage(
        { dialect: 'woo-rest', code, shapeExchange: 'woo' },
        messageText(field(value, 'message')),
      ),
    ];
  }
  if (success === true) return [];

  const code = codeText(field(value, 'code'));
  if (code === undefined) return [];
  const message = messageText(field(value, 'msg') ?? field(value, 'message'));
  const data = field(value, 'data');

  // OKX REST (and WebSocket order ops): string codes, per-item sCode/sMsg carry the real error.
  if (typeof field(value, 'code') === 'string') {
    const items = okxItemErrors(data);
    if (items.length > 0) return items;
    if (message === undefined || isSuccess(code, message)) return [];
    return [
      withMessage(
        { dialect: 'okx-rest', code, shapeExchange: Array.isArray(data) ? 'okx' : undefined },
        message,
      ),
    ];
  }

  // Gateway / Binance REST: {"code":-1121,"msg":"Invalid symbol."}; code 0 is success.
  if (message === undefined || isSuccess(code, message)) return [];
  return [{ dialect: 'gateway-rest', code, message, shapeExchange: 'gateway' }];
}
