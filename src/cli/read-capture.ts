// Tells a HAR file from JSON Lines by content, never by extension (captures get renamed, piped
// and attached to tickets as .txt), and returns the events of either.
import { isObject } from '../core/json/fields.ts';
import { isHar, readHar } from './read-har.ts';
import { readJsonl } from './read-jsonl.ts';
import type { CaptureKind, SourcedEvent, Warn } from './sourced-event.ts';
import { UsageError } from './usage-error.ts';

export interface Capture {
  kind: CaptureKind;
  events: Iterable<SourcedEvent>;
}

function parses(text: string): { value: unknown } | { error: string } {
  try {
    return { value: JSON.parse(text) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

/** True when some line is a JSON object: the file is JSON Lines, with perhaps bad lines. */
function hasJsonLine(text: string): boolean {
  for (let start = 0; start < text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end).trim();
    if (line.startsWith('{')) {
      const parsed = parses(line);
      if ('value' in parsed && isObject(parsed.value)) return true;
    }
    start = end + 1;
  }
  return false;
}

export function readCapture(file: string, raw: string, warn: Warn): Capture {
  const text = raw.replace(/^\uFEFF/, '');
  // An empty capture is a capture of nothing: a quiet CI run, not a usage error.
  if (text.trim() === '') return { kind: 'jsonl', events: [] };

  const whole = parses(text);
  if ('value' in whole) {
    if (isHar(whole.value)) return { kind: 'har', events: readHar(whole.value, warn) };
    if (isObject(whole.value) && Object.hasOwn(whole.value, 'log')) {
      throw new UsageError(`${file}: not a HAR file: log.entries is missing`);
    }
    // A one-line JSON Lines file parses as a whole too.
    if (isObject(whole.value) && Object.hasOwn(whole.value, 'type')) {
      return { kind: 'jsonl', events: readJsonl(text, warn) };
    }
    throw new UsageError(`${file}: neither a HAR file nor JSON Lines`);
  }
  const newline = text.indexOf('\n');
  const firstLine = (newline < 0 ? text : text.slice(0, newline)).trim();
  // A truncated HAR must not be read line by line: its lines are fragments of one document.
  if (firstLine === '{' || /^\{\s*"log"\s*:/.test(firstLine)) {
    throw new UsageError(`${file}: looks like a HAR file but is not valid JSON (${whole.error})`);
  }
  if (hasJsonLine(text)) return { kind: 'jsonl', events: readJsonl(text, warn) };
  throw new UsageError(`${file}: neither a HAR file nor JSON Lines`);
}
