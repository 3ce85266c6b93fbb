// Pure: base64 to bytes, bounded, never throwing (payloads come from pages and are untrusted),
// and bytes to base64.

/** The first `maxBytes` bytes of a base64 string; empty for anything that is not base64. */
export function base64Bytes(base64: string, maxBytes = Number.POSITIVE_INFINITY): Uint8Array {
  // 4 characters carry 3 bytes: decode only as much of the string as the bytes needed.
  const chars = Number.isFinite(maxBytes) ? Math.ceil(maxBytes / 3) * 4 : base64.length;
  let binary: string;
  try {
    binary = atob(base64.slice(0, chars).replace(/[\s]/g, ''));
  } catch {
    return new Uint8Array(0);
  }
  const length = Math.min(binary.length, maxBytes);
  const bytes = new Uint8Array(length);
  for (let i = 0; i < length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/** Byte length of the data a base64 string encodes, from its length and padding. */
export function base64Length(base64: string): number {
  const trimmed = base64.trim();
  let padding = 0;
  if (trimmed.endsWith('==')) padding = 2;
  else if (trimmed.endsWith('=')) padding = 1;
  return Math.max(0, Math.floor((trimmed.length * 3) / 4) - padding);
}

/** base64 of bytes, in chunks: String.fromCharCode(...) of a whole 4 MB array overflows the stack. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}
