// Timestamps in the three spellings the recipes use, and the reverse: which spelling a captured
// timestamp is in and which instant it names.
import type { TimestampFormat } from './types.ts';

export function formatTimestamp(ms: number, format: TimestampFormat): string {
  switch (format) {
    case 'epoch-ms':
      return String(Math.trunc(ms));
    case 'epoch-s':
      return String(Math.floor(ms / 1000));
    case 'iso':
      return new Date(ms).toISOString();
  }
}

/** The timestamp a recipe signs: the user's string verbatim, their number (Unix ms) in the
 * recipe's format, or now. */
export function timestampText(
  given: string | number | undefined,
  format: TimestampFormat,
  now: number,
): string {
  if (typeof given === 'string') return given;
  return formatTimestamp(given ?? now, format);
}

export interface ParsedTimestamp {
  ms: number;
  /** The spelling; "epoch-s" also covers seconds with a fraction ("1538054050.975"). */
  format: TimestampFormat | 'epoch-us';
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;

/** Reads a captured timestamp. Digits are told apart by size, the way servers' sanity checks
 * do: 10 digits are seconds, 13 milliseconds, 16 microseconds (all good from 2001 to 2286). */
export function parseTimestamp(text: string): ParsedTimestamp | undefined {
  const trimmed = text.trim();
  if (ISO.test(trimmed)) {
    const ms = Date.parse(trimmed);
    return Number.isNaN(ms) ? undefined : { ms, format: 'iso' };
  }
  const match = /^(\d+)(\.\d+)?$/.exec(trimmed);
  if (!match) return undefined;
  const whole = match[1] as string;
  const value = Number(trimmed);
  if (whole.length <= 11) return { ms: Math.round(value * 1000), format: 'epoch-s' };
  if (whole.length <= 14) return { ms: Math.trunc(value), format: 'epoch-ms' };
  if (whole.length <= 17) return { ms: Math.trunc(value / 1000), format: 'epoch-us' };
  return undefined;
}

export const FORMAT_WORDS: Record<ParsedTimestamp['format'], string> = {
  'epoch-ms': 'Unix milliseconds',
  'epoch-s': 'Unix seconds',
  'epoch-us': 'Unix microseconds',
  iso: 'ISO 8601',
};
