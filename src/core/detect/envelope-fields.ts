// Pure: what every envelope reader shares: the raw error they produce, and how codes and
// messages are read off untrusted JSON (a code may come as a number or a numeric string).
import type { ExchangeId } from '../catalogue/types.ts';
import type { Dialect } from './types.ts';

export interface RawError {
  dialect: Dialect;
  code: string;
  message?: string;
  /** The exchanges that write this envelope shape, in the order preferred when nothing else
   * decides; one for a shape only one exchange writes; absent when the shape is generic. */
  shapeExchanges?: readonly ExchangeId[];
  path?: string;
  status?: number;
  /** The reply carries no code (a failed Bybit op): `code` holds the op instead. */
  codeless?: true;
}

/** Items of a batch reply looked at for per-item errors; real batches are far smaller. */
export const MAX_ITEMS = 1000;
const MAX_MESSAGE_CHARS = 1000;

/** A code as the exchange writes it, when it is an integer (number or numeric string). */
export function codeText(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return String(value);
  if (typeof value === 'string' && /^-?\d{1,9}$/.test(value.trim())) return value.trim();
  return undefined;
}

export function messageText(value: unknown): string | undefined {
  if (typeof value === 'string') return value.slice(0, MAX_MESSAGE_CHARS);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

/** Messages that mean "it worked" on exchanges that put a non-zero code on success. */
const SUCCESS_MESSAGE = /^(success|succeed(ed)?|ok|done|成功|操作成功|请求成功)$/i;

export function isSuccess(code: string, message: string | undefined): boolean {
  return Number(code) === 0 || (message !== undefined && SUCCESS_MESSAGE.test(message.trim()));
}

export function withMessage(error: RawError, message: string | undefined): RawError {
  return message === undefined ? error : { ...error, message };
}
