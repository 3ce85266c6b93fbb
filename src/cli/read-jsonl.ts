// Reads the events of a JSON Lines capture, one event a line. A bad line is reported and
// skipped, never fatal: one corrupt line must not hide the errors on the others.
import type { ObservedEvent } from '../core/index.ts';
import type { SourcedEvent, Warn } from './sourced-event.ts';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function own(object: Json, key: string): unknown {
  return Object.hasOwn(object, key) ? object[key] : undefined;
}

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
  const type = own(value, 'type');
  const url = own(value, 'url');
  if (type !== 'http' && type !== 'ws' && type !== 'close') {
    return 'no "type" of "http", "ws" or "close"';
  }
  if (typeof url !== 'string') return `${type} event without a "url"`;
  if (type === 'http') {
    const status = own(value, 'status');
    if (typeof status !== 'number' || !Number.isInteger(status)) {
      return 'http event without an integer "status"';
    }
    const body = asText(own(value, 'body'));
    const method = own(value, 'method');
    const headers = stringRecord(own(value, 'headers'));
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
    const direction = own(value, 'direction');
    const data = asText(own(value, 'data'));
    if (direction !== 'send' && direction !== 'receive') {
      return 'ws event without a "direction" of "send" or "receive"';
    }
    if (data === undefined) return 'ws event without "data"';
    return { type, url, direction, data };
  }
  const code = own(value, 'code');
  if (typeof code !== 'number' || !Number.isInteger(code)) {
    return 'close event without an integer "code"';
  }
  const reason = own(value, 'reason');
  const wasClean = own(value, 'wasClean');
  return {
    type,
    url,
    code,
    ...(typeof reason === 'string' ? { reason } : {}),
    ...(typeof wasClean === 'boolean' ? { wasClean } : {}),
  };
}

/** Lines without building an array of them: a capture can hold millions. */
function* lines(text: string): Generator<string> {
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    yield text.slice(start, end);
    start = end + 1;
  }
}

export function* readJsonl(text: string, warn: Warn): Generator<SourcedEvent> {
  let index = -1;
  for (const line of lines(text)) {
    index++;
    if (line.trim() === '') continue;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      warn(`line ${index + 1}: not JSON, skipped`);
      continue;
    }
    const event = lineEvent(value);
    if (typeof event === 'string') {
      warn(`line ${index + 1}: ${event}, skipped`);
      continue;
    }
    const method = event.type === 'http' ? event.method : undefined;
    yield { event, index, ...(method !== undefined ? { method } : {}) };
  }
}
