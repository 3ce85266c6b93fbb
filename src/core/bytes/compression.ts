// Pure: which compression a binary frame's bytes carry, read from their header, the bounds every
// inflater honours and how what it produced is read as text. The panel inflates with the
// browser's DecompressionStream and the CLI with Node's zlib; both name formats as
// DecompressionStream does.

export type Compression = 'gzip' | 'deflate' | 'deflate-raw';

export const INFLATE_LIMITS = {
  /** Inflated bytes kept at most: a compression bomb stops here and is said to be cut. */
  maxOutputBytes: 4 * 1024 * 1024,
  /** Compressed bytes read at most (the page already cuts frames at 256 K). */
  maxInputBytes: 1024 * 1024,
} as const;

/**
 * gzip (1f 8b 08), zlib (CMF 0x?8 with a valid FCHECK: 78 01, 78 9c, 78 da...), or raw deflate
 * as a guess worth trying: it has no header, so any binary frame that is not text and whose
 * first block type is valid may be one (HTX/Huobi market data; older OKX streams). Undefined
 * for text-looking bytes and anything else.
 */
export function compressionOf(bytes: Uint8Array): Compression | undefined {
  if (bytes.length < 2) return undefined;
  const [first = 0, second = 0] = bytes;
  if (first === 0x1f && second === 0x8b) return bytes[2] === 8 ? 'gzip' : undefined;
  if ((first & 0x0f) === 8 && first >> 4 <= 7 && ((first << 8) | second) % 31 === 0) {
    return 'deflate';
  }
  // '{', '[', whitespace: JSON text, not compressed.
  if (first === 0x7b || first === 0x5b || first === 0x20 || first === 0x0a || first === 0x0d) {
    return undefined;
  }
  // Bits 1-2 of a raw deflate stream's first byte are the block type; 3 is reserved.
  return ((first >> 1) & 3) === 3 ? undefined : 'deflate-raw';
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export interface InflatedText {
  text: string;
  /** The bytes ended inside a character (the inflater stopped at its bound, or the capture cut
   * the input): that character's first bytes were dropped. */
  cut: boolean;
}

/** How many of the bytes end on a whole UTF-8 character: all, or all but a last one begun. */
function wholeCharacterBytes(bytes: Uint8Array): number {
  let lead = bytes.length - 1;
  // Back over up to three continuation bytes (10xxxxxx) to the last character's first byte.
  while (lead >= 0 && bytes.length - lead <= 3 && ((bytes[lead] ?? 0) & 0xc0) === 0x80) lead--;
  if (lead < 0) return bytes.length;
  const first = bytes[lead] ?? 0;
  const needs = first >= 0xf0 ? 4 : first >= 0xe0 ? 3 : first >= 0xc0 ? 2 : 1;
  return bytes.length - lead < needs ? lead : bytes.length;
}

/**
 * What an inflater produced, as text: the one decoding the panel and the CLI share. A stream cut
 * at INFLATE_LIMITS.maxOutputBytes or at the capture's cut may end inside a character; that
 * character is dropped and `cut` says so, the rest is text. Undefined when the bytes are not
 * UTF-8 (protobuf, an image): those are shown as bytes.
 */
export function decodeInflated(bytes: Uint8Array): InflatedText | undefined {
  const whole = wholeCharacterBytes(bytes);
  try {
    return { text: utf8.decode(bytes.subarray(0, whole)), cut: whole < bytes.length };
  } catch {
    return undefined;
  }
}
