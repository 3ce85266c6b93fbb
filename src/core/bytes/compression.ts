// Pure: which compression a binary frame's bytes carry, read from their header, and the bounds
// every inflater honours. The panel inflates with the browser's DecompressionStream and the CLI
// with Node's zlib; both name formats as DecompressionStream does.

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
