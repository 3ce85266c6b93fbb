// Inflates a compressed binary WebSocket frame (gzip, zlib or raw deflate, as core's
// compressionOf reads its header) with Node's zlib, within the bounds the panel honours too:
// at most INFLATE_LIMITS.maxInputBytes read and maxOutputBytes kept, so a compression bomb is
// cut, and said to be, instead of filling memory.
import {
  constants,
  createGunzip,
  createInflate,
  createInflateRaw,
  gunzipSync,
  inflateRawSync,
  inflateSync,
} from 'node:zlib';
import {
  type Compression,
  compressionOf,
  decodeInflated,
  INFLATE_LIMITS,
} from '../core/bytes/compression.ts';

export interface InflatedFrame {
  compression: Compression;
  /** The inflated text (decoded as the panel decodes it), or its bytes when they are not UTF-8:
   * the detector reads those as it reads any binary frame. */
  data: string | Uint8Array;
  /** True when the frame inflated past maxOutputBytes: `data` is its beginning only. */
  cut: boolean;
}
// A frame cut short still gives what it holds rather than an error.
const OPTIONS = {
  finishFlush: constants.Z_SYNC_FLUSH,
  maxOutputLength: INFLATE_LIMITS.maxOutputBytes,
};
const INFLATE_SYNC = { gzip: gunzipSync, deflate: inflateSync, 'deflate-raw': inflateRawSync };
const INFLATE_STREAM = {
  gzip: createGunzip,
  deflate: createInflate,
  'deflate-raw': createInflateRaw,
};

/** The first maxOutputBytes of a stream that inflates past them. */
function inflateHead(compression: Compression, input: Uint8Array): Promise<Uint8Array> {
  return new Promise((resolve) => {
    const stream = INFLATE_STREAM[compression]({ finishFlush: constants.Z_SYNC_FLUSH });
    const chunks: Buffer[] = [];
    let length = 0;
    const finish = () => {
      stream.removeAllListeners();
      stream.destroy();
      resolve(Buffer.concat(chunks, length).subarray(0, INFLATE_LIMITS.maxOutputBytes));
    };
    stream.on('data', (chunk: Buffer) => {
      chunks.push(chunk);
      length += chunk.length;
      if (length >= INFLATE_LIMITS.maxOutputBytes) finish();
    });
    stream.on('end', finish);
    stream.on('error', finish);
    stream.end(input);
  });
}

function isTooLarge(error: unknown): boolean {
  return (
    error instanceof RangeError || (error as { code?: unknown })?.code === 'ERR_BUFFER_TOO_LARGE'
  );
}

/** What the frame inflates to when it is compressed; undefined otherwise (plain bytes, or a
 * raw-deflate guess that was wrong). Synchronous unless the frame inflates past the limit and
 * its head has to be streamed out: then a promise, so a scan awaits nothing for the others. */
export function inflateFrame(
  bytes: Uint8Array,
): InflatedFrame | undefined | Promise<InflatedFrame | undefined> {
  const compression = compressionOf(bytes);
  if (!compression) return undefined;
  const input = bytes.subarray(0, INFLATE_LIMITS.maxInputBytes);
  const cut = bytes.length > INFLATE_LIMITS.maxInputBytes;
  let output: Uint8Array;
  try {
    output = INFLATE_SYNC[compression](input, OPTIONS);
  } catch (error) {
    if (!isTooLarge(error)) return undefined;
    return inflateHead(compression, input).then((head) => inflated(compression, head, true));
  }
  return inflated(compression, output, cut);
}

function inflated(compression: Compression, output: Uint8Array, cut: boolean) {
  if (output.length === 0) return undefined;
  return { compression, data: decodeInflated(output)?.text ?? output, cut };
}
