// Reads the events of a HAR 1.2 capture: one HTTP event per entry, plus one WebSocket event per
// text or binary frame of Chromium's `_webSocketMessages`. Lazy, so a large capture holds at
// most one decoded body at a time.
import { Buffer } from 'node:buffer';
import type { SourcedEvent, Warn } from './sourced-event.ts';

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function field(value: unknown, key: string): unknown {
  return isObject(value) && Object.hasOwn(value, key) ? value[key] : undefined;
}

/** True when the parsed JSON is shaped like a HAR log; the caller has already parsed it. */
export function isHar(value: unknown): boolean {
  return Array.isArray(field(field(value, 'log'), 'entries'));
}

/** The response body as text; HAR stores binary and some text bodies base64-encoded. */
function bodyText(content: unknown): string | undefined {
  const text = field(content, 'text');
  if (typeof text !== 'string') return undefined;
  return field(content, 'encoding') === 'base64' ? Buffer.from(text, 'base64').toString() : text;
}

/** Chromium's opcodes: 1 text, 2 binary (base64 in the HAR); other frames carry no payload. */
function frameData(frame: unknown): string | Uint8Array | undefined {
  const data = field(frame, 'data');
  if (typeof data !== 'string') return undefined;
  const opcode = field(frame, 'opcode');
  if (opcode === 1) return data;
  if (opcode === 2) return new Uint8Array(Buffer.from(data, 'base64'));
  return undefined;
}

export function* readHar(har: unknown, warn: Warn): Generator<SourcedEvent> {
  const entries = field(field(har, 'log'), 'entries');
  if (!Array.isArray(entries)) return;
  for (const [index, entry] of entries.entries()) {
    const request = field(entry, 'request');
    const url = field(request, 'url');
    if (typeof url !== 'string') {
      warn(`entry ${index + 1}: no request.url, skipped`);
      continue;
    }
    const method = field(request, 'method');
    const response = field(entry, 'response');
    const status = field(response, 'status');
    const body = bodyText(field(response, 'content'));
    yield {
      event: {
        type: 'http',
        url,
        // Chromium writes 0 for requests that never got a response.
        status: typeof status === 'number' ? status : 0,
        ...(typeof method === 'string' ? { method } : {}),
        ...(body !== undefined ? { body } : {}),
      },
      index,
      ...(typeof method === 'string' ? { method } : {}),
    };
    const frames = field(entry, '_webSocketMessages');
    if (!Array.isArray(frames)) continue;
    for (const [frame, message] of frames.entries()) {
      const direction = field(message, 'type');
      const data = frameData(message);
      if ((direction !== 'send' && direction !== 'receive') || data === undefined) continue;
      yield {
        event: { type: 'ws', url, direction, data },
        index,
        frame,
        ...(typeof method === 'string' ? { method } : {}),
      };
    }
  }
}
