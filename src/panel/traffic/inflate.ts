// Pure (a web-platform stream, no extension API): inflates a compressed frame with the
// DecompressionStream every browser (and Node) ships, bounded: at most
// INFLATE_LIMITS.maxInputBytes are read and maxOutputBytes kept, so a compression bomb costs a
// few megabytes and says it was cut. Chunks arrive asynchronously: the panel never blocks.
import { type Compression, INFLATE_LIMITS } from '../../core/bytes/compression.ts';

export type InflateOutcome =
  | { ok: true; bytes: Uint8Array; cut: boolean }
  | { ok: false; reason: string };

export type Inflater = (
  bytes: Uint8Array,
  format: Compression,
  options?: { inputCut?: boolean },
) => Promise<InflateOutcome>;

function joined(chunks: readonly Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

export function createInflater(limits = INFLATE_LIMITS): Inflater {
  return async (bytes, format, options = {}) => {
    if (typeof DecompressionStream !== 'function') {
      return { ok: false, reason: 'this browser has no DecompressionStream' };
    }
    const inputCut = options.inputCut === true || bytes.length > limits.maxInputBytes;
    const input = bytes.subarray(0, limits.maxInputBytes);
    const chunks: Uint8Array[] = [];
    let length = 0;
    let cut = false;
    let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
    try {
      const stream = new Blob([input as Uint8Array<ArrayBuffer>])
        .stream()
        .pipeThrough(new DecompressionStream(format));
      reader = stream.getReader();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        const room = limits.maxOutputBytes - length;
        if (value.length >= room) {
          chunks.push(value.subarray(0, room));
          length += room;
          cut = true;
          break;
        }
        chunks.push(value);
        length += value.length;
      }
      if (cut) await reader.cancel().catch(() => {});
    } catch (error) {
      // A stream the capture cut ends early: what came out before the end is still worth showing.
      if (!(inputCut && length > 0)) {
        return { ok: false, reason: error instanceof Error ? error.message : String(error) };
      }
      cut = true;
    }
    return { ok: true, bytes: joined(chunks, length), cut: cut || (inputCut && length > 0) };
  };
}
