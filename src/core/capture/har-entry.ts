// Pure: reading one HAR 1.2 entry as Chromium, Firefox, Playwright and mitmproxy write it (and
// as DevTools' network API hands it over), into what detection needs, plus the fields of our own
// that the panel's export adds (close frames, where a frame came from: see HAR_FIELDS). The
// CLI's scan and the panel's rows and import read entries through here; nothing else walks the
// HAR structure.
import { base64Bytes } from '../bytes/base64.ts';
import type { HttpEvent, ObservedEvent } from '../detect/types.ts';
import { field, numberField, stringField } from '../json/fields.ts';
import { harSocketClose, harSocketMessages, socketMessageData } from './har-socket.ts';

export * from './har-fields.ts';
export * from './har-socket.ts';

/** Response headers read per entry: an API reply has a few dozen. */
const MAX_HEADERS = 200;
const utf8 = new TextDecoder('utf-8', { fatal: false });

/** The entries of a parsed HAR document, or undefined when it is not shaped like one. */
export function harEntries(har: unknown): unknown[] | undefined {
  const entries = field(field(har, 'log'), 'entries');
  return Array.isArray(entries) ? entries : undefined;
}

export function harUrl(entry: unknown): string | undefined {
  return stringField(field(entry, 'request'), 'url');
}

export function harMethod(entry: unknown): string | undefined {
  return stringField(field(entry, 'request'), 'method');
}

/** The response status; Chromium writes 0 for requests that never got a response. */
export function harStatus(entry: unknown): number {
  return numberField(field(entry, 'response'), 'status') ?? 0;
}

/** Epoch ms the request started, when the entry says. */
export function harStartedAt(entry: unknown): number | undefined {
  const started = Date.parse(stringField(entry, 'startedDateTime') ?? '');
  return Number.isNaN(started) ? undefined : started;
}

export function isWebSocketEntry(entry: unknown): boolean {
  if (field(entry, '_resourceType') === 'websocket') return true;
  if (Array.isArray(field(entry, '_webSocketMessages'))) return true;
  const url = harUrl(entry) ?? '';
  return numberField(field(entry, 'response'), 'status') === 101 || /^wss?:/i.test(url);
}

/** A header list ([{name, value}]) as a record with lower-cased names. */
export function headerRecord(list: unknown, max = MAX_HEADERS): Record<string, string> {
  const headers: Record<string, string> = {};
  if (!Array.isArray(list)) return headers;
  for (const header of list.slice(0, max)) {
    const name = stringField(header, 'name');
    const value = stringField(header, 'value');
    if (name !== undefined && value !== undefined) headers[name.toLowerCase()] = value;
  }
  return headers;
}

export function harResponseHeaders(entry: unknown): Record<string, string> {
  return headerRecord(field(field(entry, 'response'), 'headers'));
}

/** The request's headers as listed, in order (names as sent), at most `max`. */
export function harRequestHeaders(
  entry: unknown,
  max = MAX_HEADERS,
): { name: string; value: string }[] {
  const list = field(field(entry, 'request'), 'headers');
  const headers: { name: string; value: string }[] = [];
  if (!Array.isArray(list)) return headers;
  for (const header of list.slice(0, max)) {
    const name = stringField(header, 'name');
    const value = stringField(header, 'value');
    if (name !== undefined && value !== undefined) headers.push({ name, value });
  }
  return headers;
}

/** The request body as sent (postData.text), when there was one. */
export function harRequestBody(entry: unknown): string | undefined {
  return stringField(field(field(entry, 'request'), 'postData'), 'text');
}

/** The response's MIME type, lower-cased ('' when the entry does not say). */
export function harMimeType(entry: unknown): string {
  return (stringField(field(field(entry, 'response'), 'content'), 'mimeType') ?? '').toLowerCase();
}

/** The response body's size as the entry declares it; undefined when unknown (-1 or absent). */
export function harContentSize(entry: unknown): number | undefined {
  const size = numberField(field(field(entry, 'response'), 'content'), 'size');
  return size !== undefined && size >= 0 ? size : undefined;
}

/** The entry's total time in ms (HAR's `time`), when given. */
export function harDuration(entry: unknown): number | undefined {
  return numberField(entry, 'time');
}

/** Text of a body that may be base64 (HAR stores binary and some text bodies so). */
export function decodeBody(text: unknown, encoding: unknown): string | undefined {
  if (typeof text !== 'string') return undefined;
  return encoding === 'base64' ? utf8.decode(base64Bytes(text)) : text;
}

/** The response body as text, when the HAR carries it. */
export function harResponseBody(entry: unknown): string | undefined {
  const content = field(field(entry, 'response'), 'content');
  return decodeBody(field(content, 'text'), field(content, 'encoding'));
}

/** The HTTP event detection reads from an entry, given its body (DevTools fetches it apart). */
export function httpEventOf(entry: unknown, body: string | undefined): HttpEvent | undefined {
  const url = harUrl(entry);
  if (url === undefined) return undefined;
  const method = harMethod(entry);
  return {
    type: 'http',
    url,
    status: harStatus(entry),
    headers: harResponseHeaders(entry),
    ...(method !== undefined ? { method } : {}),
    ...(body !== undefined ? { body } : {}),
  };
}

/** Every event of an entry: its HTTP response, then each text or binary socket message. */
export interface EntryEvent {
  event: ObservedEvent;
  /** Index within `_webSocketMessages`, for socket messages. */
  frame?: number;
}

export function* eventsOfEntry(entry: unknown): Generator<EntryEvent> {
  const http = httpEventOf(entry, harResponseBody(entry));
  if (!http) return;
  yield { event: http };
  for (const [frame, message] of harSocketMessages(entry)) {
    const data = socketMessageData(message);
    if (message.type === 'error' || data === undefined) continue;
    yield { event: { type: 'ws', url: http.url, direction: message.type, data }, frame };
  }
  const close = harSocketClose(entry);
  if (close) {
    const { code, reason, wasClean } = close;
    yield {
      event: {
        type: 'close',
        url: http.url,
        code,
        reason,
        ...(wasClean !== undefined ? { wasClean } : {}),
      },
    };
  }
}
