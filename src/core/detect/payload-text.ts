// Turns a frame or body into text the detector can read, within a fixed budget of work.
const decoder = new TextDecoder('utf-8', { fatal: false });

/** Frames larger than this are not parsed as JSON: no error envelope is that big. */
export const MAX_PARSE_CHARS = 1_000_000;
/** Binary frames are decoded only this far: enough for any error envelope. */
export const MAX_BINARY_DECODE = 64 * 1024;

function isProbablyText(bytes: Uint8Array): boolean {
  const first = bytes[0];
  // Error envelopes are JSON objects; compressed or protobuf frames start otherwise.
  return first === 0x7b || first === 0x5b || first === 0x20 || first === 0x0a;
}

/** Text of a payload, or undefined for binary that is not UTF-8 JSON. */
export function payloadText(
  data: string | Uint8Array | ArrayBuffer | undefined,
): string | undefined {
  if (data === undefined) return undefined;
  if (typeof data === 'string') return data;
  const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
  if (bytes.length === 0 || !isProbablyText(bytes)) return undefined;
  return decoder.decode(bytes.subarray(0, MAX_BINARY_DECODE));
}
