// Pure: a compressed binary frame's row, rebuilt from what it inflated to: the inflated text is
// detected like any text frame and previewed, the compressed bytes stay for the hex view.
import { base64Bytes } from '../../core/bytes/base64.ts';
import { type Compression, compressionOf, INFLATE_LIMITS } from '../../core/bytes/compression.ts';
import type { Detector } from '../../core/index.ts';
import type { Inflated } from './inflate.ts';
import { haystackOf, oneLine } from './row-text.ts';
import { levelOf, type RowInflated, type TrafficRow } from './traffic-row.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true });
/** Raw deflate is only a guess: below this no error envelope fits, so the guess is not made. */
const MIN_RAW_GUESS_BYTES = 12;

/** A send or receive row whose binary payload's header says (or guesses) it is compressed. */
export function compressionOfRow(row: TrafficRow): Compression | undefined {
  if (row.kind !== 'send' && row.kind !== 'receive') return undefined;
  const binary = row.payload?.binary;
  if (binary === undefined || row.payload?.inflated) return undefined;
  const head = base64Bytes(binary, MIN_RAW_GUESS_BYTES);
  const format = compressionOf(head);
  return format === 'deflate-raw' && head.length < MIN_RAW_GUESS_BYTES ? undefined : format;
}

/** The compressed bytes to inflate: at most the inflater's input bound. */
export function compressedBytes(row: TrafficRow): Uint8Array {
  return base64Bytes(row.payload?.binary ?? '', INFLATE_LIMITS.maxInputBytes + 1);
}

function base64Of(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

function decoded(bytes: Uint8Array): string | undefined {
  try {
    return utf8.decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * The row as it should have been had the frame arrived inflated; the original when inflation
 * failed (a frame that only looked like raw deflate stays hex).
 */
export function inflatedRow(
  row: TrafficRow,
  format: Compression,
  outcome: Inflated,
  detector: Detector,
): TrafficRow {
  if (!outcome.ok || !row.payload) return row;
  const fromBytes = Math.min(compressedBytes(row).length, INFLATE_LIMITS.maxInputBytes);
  const text = decoded(outcome.bytes);
  const inflated: RowInflated = {
    format,
    fromBytes,
    bytes: outcome.bytes.length,
    ...(text !== undefined ? { text } : { binary: base64Of(outcome.bytes) }),
    ...(outcome.cut ? { cut: true } : {}),
  };
  const findings =
    text !== undefined && (row.kind === 'send' || row.kind === 'receive')
      ? detector.detect({ type: 'ws', url: row.url, direction: row.kind, data: text })
      : row.findings;
  const preview =
    text !== undefined
      ? oneLine(text) || '(empty)'
      : `${format}, ${outcome.bytes.length} bytes inflated, not text`;
  return {
    ...row,
    preview,
    payload: { ...row.payload, inflated },
    findings,
    level: levelOf(row.kind, findings),
    haystack: haystackOf(row.url, preview, findings),
    weight: row.weight + (inflated.text?.length ?? inflated.binary?.length ?? 0),
  };
}
