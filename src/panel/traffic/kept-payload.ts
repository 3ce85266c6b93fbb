// Pure: what the panel keeps of a payload DevTools hands it (an HTTP body, a logged WebSocket
// message): at most the page's own per-frame cap (PAYLOAD_CAP), with the full size, as a copy.
// A copy, because V8 keeps the whole source of a sliced string alive: 256 K sliced off a 50 MB
// frame would hold on to the 50 MB for as long as the row lives.
import { base64Bytes, base64Length, bytesToBase64 } from '../../core/bytes/base64.ts';
import { cutWhole } from '../../core/hidden-chars.ts';
import { PAYLOAD_CAP } from '../../protocol/index.ts';

export interface KeptText {
  text: string;
  /** UTF-16 units of the payload before the cut. */
  size: number;
  truncated: boolean;
}

export interface KeptBinary {
  /** base64 of the bytes kept. */
  binary: string;
  /** Bytes of the payload before the cut. */
  size: number;
  truncated: boolean;
}

/** A string that shares nothing with its source. */
function detached(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}

export function keptText(text: string, maxChars: number = PAYLOAD_CAP.chars): KeptText {
  if (text.length <= maxChars) return { text, size: text.length, truncated: false };
  return { text: detached(cutWhole(text, maxChars)), size: text.length, truncated: true };
}

/** base64 of at most `maxBytes` bytes, re-encoded from the bytes kept. */
export function keptBase64(base64: string, maxBytes: number = PAYLOAD_CAP.bytes): KeptBinary {
  const size = base64Length(base64);
  if (size <= maxBytes) return { binary: base64, size, truncated: false };
  return { binary: bytesToBase64(base64Bytes(base64, maxBytes)), size, truncated: true };
}
