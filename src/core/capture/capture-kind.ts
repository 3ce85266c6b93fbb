// Pure: tells a HAR document from JSON Lines by the head of its text, never by its name
// (captures get renamed, piped and attached to tickets as .txt), and never by reading it all:
// a one-line 1 GB HAR must be recognised from its first bytes.

export type CaptureKind = 'har' | 'jsonl';

/** Text enough to decide; past it a first line still unfinished is judged by its first key. */
export const SNIFF_CHARS = 1024 * 1024;

/** Keys a JSON Lines event may start with (see jsonl-event.ts). */
const EVENT_KEYS = new Set(['type', 'url', 'status', 'body', 'data', 'direction', 'code']);

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** The first key of the object opening at `brace`, or undefined when the head ends first. */
function firstKey(head: string, brace: number): string | null | undefined {
  let i = brace + 1;
  while (i < head.length && isSpace(head.charCodeAt(i))) i++;
  if (i >= head.length) return undefined;
  if (head.charCodeAt(i) !== 34) return null;
  for (let q = head.indexOf('"', i + 1); q >= 0; q = head.indexOf('"', q + 1)) {
    if (head.charCodeAt(q - 1) !== 92) return head.slice(i + 1, q);
  }
  return undefined;
}

function parsesWithLog(text: string): boolean {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && Object.hasOwn(value, 'log');
  } catch {
    return false;
  }
}

/**
 * 'har' when the document's first key is "log", or its first line is a bare "{" (a
 * pretty-printed document); 'jsonl' for lines of JSON; 'empty' for blank text; undefined when
 * the head (shorter than SNIFF_CHARS) does not tell yet and more text is coming.
 */
export function sniffCapture(head: string, ended: boolean): CaptureKind | 'empty' | undefined {
  const from = head.charCodeAt(0) === 0xfeff ? 1 : 0;
  let start = from;
  while (start < head.length && isSpace(head.charCodeAt(start))) start++;
  const full = ended || head.length >= SNIFF_CHARS;
  if (start >= head.length) return ended ? 'empty' : full ? 'jsonl' : undefined;
  if (head.charCodeAt(start) !== 123) return 'jsonl';
  const key = firstKey(head, start);
  if (key === 'log') return 'har';
  if (key === undefined && !full) return undefined;
  const newline = head.indexOf('\n', start);
  if (newline >= 0) return head.slice(start, newline).trim() === '{' ? 'har' : 'jsonl';
  if (!full) return undefined;
  if (ended) return parsesWithLog(head.slice(from)) ? 'har' : 'jsonl';
  // One line longer than the head: a JSON Lines event with a big body, or a minified HAR.
  return key && EVENT_KEYS.has(key) ? 'jsonl' : 'har';
}
