// Pure: one line of a JSON Lines capture (the CLI's own format, documented in the README) as
// the event it describes, or the reason it describes none.
import type { ObservedEvent } from '../detect/types.ts';
import { field, isObject } from '../json/fields.ts';

/** A body or frame logged as a JSON value rather than as its text is taken as its text. */
function asText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function stringRecord(value: unknown): Record<string, string> | undefined {
  if (!isObject(value)) return undefined;
  const record: Record<string, string> = {};
  for (const [key, item] of Object.entries(value)) if (typeof item === 'string') record[key] = item;
  return record;
}

/** The event a line describes, or why it does not describe one. */
export function lineEvent(value: unknown): ObservedEvent | string {
  if (!isObject(value)) return 'not a JSON object';
  const type = field(value, 'type');
  const url = field(value, 'url');
  if (type !== 'http' && type !== 'ws' && type !== 'close') {
    return 'no "type" of "http", "ws" or "close"';
  }
  if (typeof url !== 'string') return `${type} event without a "url"`;
  if (type === 'http') {
    const status = field(value, 'status');
    if (typeof status !== 'number' || !Number.isInteger(status)) {
      return 'http event without an integer "status"';
    }
    const body = asText(field(value, 'body'));
    const method = field(value, 'method');
    const headers = stringRecord(field(value, 'headers'));
    return {
      type,
      url,
      status,
      ...(typeof method === 'string' ? { method } : {}),
      ...(headers ? { headers } : {}),
      ...(body !== undefined ? { body } : {}),
    };
  }
  if (type === 'ws') {
    const direction = field(value, 'direction');
    const data = asText(field(value, 'data'));
    if (direction !== 'send' && direction !== 'receive') {
      return 'ws event without a "direction" of "send" or "receive"';
    }
    if (data === undefined) return 'ws event without "data"';
    return { type, url, direction, data };
  }
  const code = field(value, 'code');
  if (typeof code !== 'number' || !Number.isInteger(code)) {
    return 'close event without an integer "code"';
  }
  const reason = field(value, 'reason');
  const wasClean = field(value, 'wasClean');
  return {
    type,
    url,
    code,
    ...(typeof reason === 'string' ? { reason } : {}),
    ...(typeof wasClean === 'boolean' ? { wasClean } : {}),
  };
}
