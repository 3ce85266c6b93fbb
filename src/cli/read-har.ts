// Reads the events of a HAR 1.2 capture through the core's HAR reader: one HTTP event per
// entry, plus one WebSocket event per text or binary frame of `_webSocketMessages`. Lazy, so
// a large capture holds at most one decoded body at a time.
import { eventsOfEntry, harEntries, harMethod, harUrl } from '../core/capture/har-entry.ts';
import type { SourcedEvent, Warn } from './sourced-event.ts';

/** True when the parsed JSON is shaped like a HAR log; the caller has already parsed it. */
export function isHar(value: unknown): boolean {
  return harEntries(value) !== undefined;
}

export function* readHar(har: unknown, warn: Warn): Generator<SourcedEvent> {
  const entries = harEntries(har) ?? [];
  for (const [index, entry] of entries.entries()) {
    if (harUrl(entry) === undefined) {
      warn(`entry ${index + 1}: no request.url, skipped`);
      continue;
    }
    const method = harMethod(entry);
    for (const { event, frame } of eventsOfEntry(entry)) {
      yield {
        event,
        index,
        ...(frame !== undefined ? { frame } : {}),
        ...(method !== undefined ? { method } : {}),
      };
    }
  }
}
