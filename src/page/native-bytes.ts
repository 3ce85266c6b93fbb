// MAIN world (page): binary payloads with natives only: typed-array and DataView getters, copies,
// base64, Blob size and slices, and Blob reads with a FileReader of our own. Engine built-ins are
// taken when the bundle is evaluated, the page's (Blob, FileReader, btoa, toBase64) from its
// globals at document_start: none of them is a method a page could patch later.
import {
  getter,
  languageNatives,
  lenientGetter,
  list,
  missing,
  unbound,
  uncurry,
} from './native-language.ts';
import type { PageGlobals } from './natives.ts';

const { apply, construct, min } = languageNatives;
const { fromCharCode } = String;
const { isView } = ArrayBuffer;
const NativeUint8Array = Uint8Array;
const typedArrayProto = Reflect.getPrototypeOf(Uint8Array.prototype) as object;
const viewBuffer = getter<ArrayBuffer>(typedArrayProto, 'buffer');
const viewOffset = getter<number>(typedArrayProto, 'byteOffset');
const viewLength = getter<number>(typedArrayProto, 'byteLength');
// %TypedArray%.prototype.set from a typed array reads no property of either: no species, no
// `constructor` (which slice() and subarray() consult, and a page can redefine).
const setBytes = uncurry(
  (typedArrayProto as { set: (source: Uint8Array, offset?: number) => void }).set,
);
const dataViewBuffer = getter<ArrayBuffer>(DataView.prototype, 'buffer');
const dataViewOffset = getter<number>(DataView.prototype, 'byteOffset');
const dataViewLength = getter<number>(DataView.prototype, 'byteLength');
const arrayBufferLength = getter<number>(ArrayBuffer.prototype, 'byteLength');

/** Characters of the base64 of `bytes` bytes (fewer than 2^31): operators only, no Math. */
export function base64Length(bytes: number): number {
  return (((bytes + 2) / 3) | 0) * 4;
}

export function captureByteNatives(
  g: PageGlobals,
  addListener: (target: unknown, type: string, fn: () => void) => void,
) {
  const btoa = unbound(g.btoa);
  const nativeToBase64 = (g.Uint8Array?.prototype as { toBase64?: () => string } | undefined)
    ?.toBase64;
  const toBase64 = nativeToBase64 ? uncurry(nativeToBase64) : undefined;
  // What capture needs beyond the link: tolerated missing (the link then says not-wrapped).
  const FileReaderCtor = g.FileReader;
  const readAsArrayBuffer = uncurry(g.FileReader?.prototype.readAsArrayBuffer ?? missing);
  const readerResult = lenientGetter<unknown>(g.FileReader?.prototype, 'result');
  const blobProto = g.Blob?.prototype;
  const blobSize = lenientGetter<number>(blobProto, 'size');
  const blobSlice = uncurry(blobProto?.slice ?? missing) as (
    blob: Blob,
    start: number,
    end: number,
  ) => Blob;

  /** The bytes of an ArrayBuffer or view, or undefined for anything else. */
  function bytesOf(data: unknown): Uint8Array | undefined {
    if (isView(data)) {
      try {
        return new NativeUint8Array(viewBuffer(data), viewOffset(data), viewLength(data));
      } catch {
        return new NativeUint8Array(
          dataViewBuffer(data),
          dataViewOffset(data),
          dataViewLength(data),
        );
      }
    }
    try {
      arrayBufferLength(data);
      return new NativeUint8Array(data as ArrayBuffer);
    } catch {
      return undefined;
    }
  }

  /** Size of a Blob, or undefined for anything else. */
  function sizeOfBlob(data: unknown): number | undefined {
    try {
      return blobSize(data);
    } catch {
      return undefined;
    }
  }

  return {
    bytesOf,
    sizeOfBlob,
    byteLength: viewLength as (bytes: Uint8Array) => number,

    /** New zeroed bytes. */
    newBytes: (length: number) => new NativeUint8Array(length),
    /** Copies the first `length` bytes of `source` into `target` at `offset`. */
    copyInto(target: Uint8Array, source: Uint8Array, offset: number, length: number): void {
      const head =
        length === viewLength(source)
          ? source
          : new NativeUint8Array(viewBuffer(source), viewOffset(source), length);
      setBytes(target, head, offset);
    },
    /** `length` bytes of `bytes` from `start`, without a copy. */
    view(bytes: Uint8Array, start: number, length: number): Uint8Array {
      return new NativeUint8Array(viewBuffer(bytes), viewOffset(bytes) + start, length);
    },

    /** The first `max` bytes of a Blob: the Blob itself when it is not longer (Blobs are
     * immutable), else a slice, so that holding it does not hold a 50 MB frame. */
    blobHead(blob: Blob, size: number, max: number): Blob {
      return size > max ? blobSlice(blob, 0, max) : blob;
    },

    /** Base64 of bytes, through the fastest native the browser has. */
    base64(bytes: Uint8Array): string {
      if (toBase64) return toBase64(bytes);
      let binary = '';
      const length = viewLength(bytes);
      for (let start = 0; start < length; start += 0x2000) {
        const end = min(start + 0x2000, length);
        // Read by index (typed-array indices are own), passed as a prototype-less list: no
        // %TypedArray%.prototype.length getter, no Array iterator.
        const codes = list<number>();
        for (let i = start; i < end; i += 1) codes[i - start] = bytes[i] as number;
        binary += apply(fromCharCode, undefined, codes as unknown as number[]);
      }
      return btoa(binary);
    },

    /** Data the browser sends without running page code: a string, a number, a boolean, null,
     * undefined, an ArrayBuffer, a view or a Blob (no toString or iterator is called). */
    isInert(data: unknown): boolean {
      if (data === null || (typeof data !== 'object' && typeof data !== 'function')) return true;
      return bytesOf(data) !== undefined || sizeOfBlob(data) !== undefined;
    },

    /**
     * Reads a Blob with a FileReader of our own: its events reach only our listener, and no
     * Promise is involved (then() consults a page-patchable `constructor`). Never throws; calls
     * back exactly once.
     */
    readBlob(blob: Blob, done: (bytes: Uint8Array | undefined) => void): void {
      let called = false;
      const finish = (bytes: Uint8Array | undefined) => {
        if (called) return;
        called = true;
        done(bytes);
      };
      try {
        const reader = construct(FileReaderCtor, list()) as FileReader;
        addListener(reader, 'loadend', () => {
          try {
            const result = readerResult(reader);
            finish(result === null ? undefined : bytesOf(result));
          } catch {
            finish(undefined);
          }
        });
        readAsArrayBuffer(reader, blob);
      } catch {
        finish(undefined);
      }
    },
  };
}
