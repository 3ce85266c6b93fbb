// Reads the events of a JSON Lines capture, one event a line. A bad line is reported and
// skipped, never fatal: one corrupt line must not hide the errors on the others.

import { lineEvent } from '../core/capture/jsonl-event.ts';
import type { SourcedEvent, Warn } from './sourced-event.ts';

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
