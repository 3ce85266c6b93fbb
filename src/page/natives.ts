// MAIN world (page): the built-ins capture uses, taken at document_start before any page script
// can patch them. Zone.js, polyfills and bot detectors replace setTimeout, addEventListener,
// Promise or JSON later; capture calls only these copies, so it cannot be broken or observed.

/** The page's globals capture reads once at start; tests pass fakes with the same shape. */
export interface PageGlobals {
  WebSocket: typeof WebSocket;
  EventTarget: typeof EventTarget;
  CustomEvent: typeof CustomEvent;
  MessageEvent: typeof MessageEvent;
  CloseEvent: typeof CloseEvent;
  Blob: typeof Blob;
  setTimeout: typeof setTimeout;
  clearTimeout: typeof clearTimeout;
  btoa: typeof btoa;
}

type Uncurried<T extends (...args: never[]) => unknown> = (
  self: unknown,
  ...args: Parameters<T>
) => ReturnType<T>;

const { apply, construct, defineProperty, getOwnPropertyDescriptor, getPrototypeOf } = Reflect;
const { bind, call } = Function.prototype;
const { create } = Object;
const { stringify, parse } = JSON;
const { now } = Date;
const { fromCharCode } = String;
const { min, random } = Math;
const { isView } = ArrayBuffer;
const NativeUint8Array = Uint8Array;
const NativeWeakMap = WeakMap;
const NativeProxy = Proxy;

// fn.call(self, ...args) through a bound copy of the original `call`: later patches of
// Function.prototype.call or of fn's prototype do not reach it.
function uncurry<T extends (...args: never[]) => unknown>(fn: T): Uncurried<T> {
  return apply(bind, call, [fn]) as Uncurried<T>;
}

function getter<T>(proto: object, name: string): (self: unknown) => T {
  const descriptor = getOwnPropertyDescriptor(proto, name);
  if (!descriptor?.get) throw new TypeError(`no getter ${name}`);
  return uncurry(descriptor.get as () => T);
}

const typedArrayProto = getPrototypeOf(Uint8Array.prototype) as object;
const viewBuffer = getter<ArrayBuffer>(typedArrayProto, 'buffer');
const viewOffset = getter<number>(typedArrayProto, 'byteOffset');
const viewLength = getter<number>(typedArrayProto, 'byteLength');
const dataViewBuffer = getter<ArrayBuffer>(DataView.prototype, 'buffer');
const dataViewOffset = getter<number>(DataView.prototype, 'byteOffset');
const dataViewLength = getter<number>(DataView.prototype, 'byteLength');
const arrayBufferLength = getter<number>(ArrayBuffer.prototype, 'byteLength');
const subarray = uncurry(Uint8Array.prototype.subarray);
const stringSlice = uncurry(String.prototype.slice);
const stringIndexOf = uncurry(String.prototype.indexOf);
const charCodeAt = uncurry(String.prototype.charCodeAt);
const weakGet = uncurry(WeakMap.prototype.get);
const weakSet = uncurry(WeakMap.prototype.set);
const nativeToBase64 = (Uint8Array.prototype as { toBase64?: () => string }).toBase64;
const toBase64Method = nativeToBase64 ? uncurry(nativeToBase64) : undefined;
const promiseThen = uncurry(Promise.prototype.then) as (
  promise: Promise<unknown>,
  onFulfilled: (value: unknown) => void,
  onRejected: () => void,
) => void;

export function captureNatives(g: PageGlobals) {
  const setTimer = apply(bind, g.setTimeout, [undefined]) as (fn: () => void, ms: number) => number;
  const clearTimer = apply(bind, g.clearTimeout, [undefined]) as (id: number) => void;
  const btoa = apply(bind, g.btoa, [undefined]) as (data: string) => string;
  const addListener = uncurry(g.EventTarget.prototype.addEventListener);
  const removeListener = uncurry(g.EventTarget.prototype.removeEventListener);
  const dispatch = uncurry(g.EventTarget.prototype.dispatchEvent);
  const CustomEventCtor = g.CustomEvent;
  const wsProto = g.WebSocket.prototype;
  const blobProto = g.Blob.prototype;
  const blobSize = getter<number>(blobProto, 'size');
  const blobSlice = uncurry(blobProto.slice);
  const blobArrayBuffer = uncurry(blobProto.arrayBuffer);

  /** Base64 of bytes, through the fastest native the browser has. */
  function base64(bytes: Uint8Array): string {
    if (toBase64Method) return toBase64Method(bytes);
    let binary = '';
    const length = viewLength(bytes);
    for (let start = 0; start < length; start += 0x8000) {
      const chunk = subarray(bytes, start, min(start + 0x8000, length));
      binary += apply(fromCharCode, undefined, chunk as unknown as number[]);
    }
    return btoa(binary);
  }

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

  /** Reads the first maxBytes of a Blob; never throws, calls back exactly once. */
  function readBlob(blob: Blob, maxBytes: number, done: (bytes: Uint8Array | undefined) => void) {
    try {
      const part = blobSlice(blob, 0, maxBytes) as Blob;
      promiseThen(
        blobArrayBuffer(part) as Promise<unknown>,
        (buffer) => done(bytesOf(buffer)),
        () => done(undefined),
      );
    } catch {
      done(undefined);
    }
  }

  /** A CustomEvent whose init dictionary has no prototype: page getters on Object.prototype stay silent. */
  function customEvent(type: string, detail: string): Event {
    const init = create(null) as CustomEventInit<string>;
    init.detail = detail;
    return construct(CustomEventCtor, [type, init]) as Event;
  }

  return {
    apply,
    construct,
    defineProperty,
    getOwnPropertyDescriptor,
    Proxy: NativeProxy,
    now: now as () => number,
    setTimer,
    clearTimer,
    /** JSON.stringify of a primitive (objects would consult a page-defined toJSON). */
    quote: stringify as (value: string | number | boolean) => string,
    /** JSON.parse that never throws: undefined for anything but valid JSON text. */
    parse(text: unknown): unknown {
      if (typeof text !== 'string') return undefined;
      try {
        return parse(text);
      } catch {
        return undefined;
      }
    },
    random: random as () => number,
    create: create as (proto: null) => Record<string, unknown>,
    stringSlice: stringSlice as (text: string, start: number, end?: number) => string,
    stringIndexOf: stringIndexOf as (text: string, needle: string) => number,
    charCodeAt: charCodeAt as (text: string, index: number) => number,
    newWeakMap: <K extends object, V>() => new NativeWeakMap<K, V>(),
    weakGet: weakGet as <K extends object, V>(map: WeakMap<K, V>, key: K) => V | undefined,
    weakSet: weakSet as <K extends object, V>(map: WeakMap<K, V>, key: K, value: V) => void,
    addListener: addListener as (target: unknown, type: string, fn: (event: Event) => void) => void,
    removeListener: removeListener as (
      target: unknown,
      type: string,
      fn: (event: Event) => void,
    ) => void,
    dispatch: dispatch as (target: unknown, event: Event) => boolean,
    customEvent,
    eventDetail: getter<unknown>(g.CustomEvent.prototype, 'detail'),
    messageData: getter<unknown>(g.MessageEvent.prototype, 'data'),
    closeCode: getter<number>(g.CloseEvent.prototype, 'code'),
    closeReason: getter<string>(g.CloseEvent.prototype, 'reason'),
    closeWasClean: getter<boolean>(g.CloseEvent.prototype, 'wasClean'),
    socketUrl: getter<string>(wsProto, 'url'),
    socketProtocol: getter<string>(wsProto, 'protocol'),
    socketBinaryType: getter<BinaryType>(wsProto, 'binaryType'),
    base64,
    bytesOf,
    byteLength: viewLength as (bytes: Uint8Array) => number,
    subarray: subarray as (bytes: Uint8Array, start: number, end: number) => Uint8Array,
    sizeOfBlob,
    readBlob,
    min,
  };
}

export type Natives = ReturnType<typeof captureNatives>;
