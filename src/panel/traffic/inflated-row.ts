// Pure: a compressed binary frame's row, rebuilt from what it inflated to: the inflated text is
// detected like any text frame and previewed, the compressed bytes stay for the hex view.
import { base64Bytes, bytesToBase64 } from '../../core/bytes/base64.ts';
import {
  type Compression,
  compressionOf,
  decodeInflated,
  INFLATE_LIMITS,
} from '../../core/bytes/compression.ts';
import type { Detector } from '../../core/index.ts';
import { completeRow } from './complete-row.ts';
import type { InflateOutcome } from './inflate.ts';
import { oneLine } from './row-text.ts';
import type { RowInflated, TrafficRow } from './traffic-row.ts';

/** Raw deflate is only a guess: below this no error envelope fits, so the guess is not made. */
const MIN_RAW_GUESS_BYTES = 12;

/** The compression a binary payload's header says (or guesses) it has: the inflater tries it. */
export function compressionOfBase64(binary: string): Compression | undefined {
  const head = base64Bytes(binary, MIN_RAW_GUESS_BYTES);
  const format = compressionOf(head);
  return format === 'deflate-raw' && head.length < MIN_RAW_GUESS_BYTES ? undefined : format;
}

/** A send or receive row whose binary payload's header says (or guesses) it is compressed. */
export function compressionOfRow(row: TrafficRow): Compression | undefined {
  if (row.kind !== 'send' && row.kind !== 'receive') return undefined;
  const binary = row.payload?.binary;
  if (binary === undefined || row.payload?.inflated) return undefined;
  return compressionOfBase64(binary);
}

/** The compressed bytes to inflate: at most the inflater's input bound. */
export function compressedBytes(row: TrafficRow): Uint8Array {
  return base64Bytes(row.payload?.binary ?? '', INFLATE_LIMITS.maxInputBytes + 1);
}

/**
 * The row as it should have been had the frame arrived inflated; the original when inflation
 * failed (a frame that only looked like raw deflate stays hex). Inflated text is detected as
 * text; inflated bytes that are not UTF-8 are handed to the detector as bytes, as the CLI does.
 */
export function inflatedRow(
  row: TrafficRow,
  format: Compression,
  outcome: InflateOutcome,
  detector: Detector,
): TrafficRow {
  if (!outcome.ok || !row.payload) return row;
  if (row.kind !== 'send' && row.kind !== 'receive') return row;
  const fromBytes = Math.min(compressedBytes(row).length, INFLATE_LIMITS.maxInputBytes);
  const decoded = decodeInflated(outcome.bytes);
  const text = decoded?.text;
  const inflated: RowInflated = {
    format,
    fromBytes,
    bytes: outcome.bytes.length,
    ...(text !== undefined ? { text } : { binary: bytesToBase64(outcome.bytes) }),
    ...(outcome.cut || decoded?.cut ? { cut: true } : {}),
  };
  const findings = detector.detect({
    type: 'ws',
    url: row.url,
    direction: row.kind,
    data: text ?? outcome.bytes,
  });
  const preview =
    text !== undefined
      ? oneLine(text) || '(empty)'
      : `${format}, ${outcome.bytes.length} bytes inflated, not text`;
  return completeRow(
    { ...row, preview, payload: { ...row.payload, inflated }, findings },
    detector,
  );
}
