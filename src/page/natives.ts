// MAIN world (page): the built-ins capture uses, taken at document_start before any page script
// can patch them. Zone.js, polyfills, bot detectors and hostile scripts replace setTimeout,
// addEventListener, JSON or Array methods and define accessors on prototypes later; capture
// calls only these copies and never a method of its own objects, which it creates without
// prototypes (see list()), so nothing the page defines later runs inside capture or sees its data.

/** The page's globals capture reads once at start; tests pass fakes with the same shape. */
export interface PageGlobals {
  WebSocket: typeof WebSocket;
  EventTarget: typeof EventTarget;
  Event: typeof Event;
  CustomEvent: typeof CustomEvent;
  MouseEvent: typeof MouseEvent;
  MessageEvent: typeof MessageEvent;
  CloseEvent: typeof CloseEvent;
  Element: typeof Element;
  Blob: typeof Blob;
  FileReader: typeof FileReader;
  setTimeout: typeof setTimeout;
  clearTimeout: typeof clearTimeout;
  btoa: typeof btoa;
  /** Where the wrapper makes the host of its private channel. */
  document: Pick<Document, 'createElement'> & EventTarget;
}

/** An array without a prototype: index writes and reads never reach a page-defined accessor
 * (Array.prototype[0]), and it has no methods to patch. Only index, length and helpers here. */
export interface List<T> {
  [index: number]: T;
  length: number;
}

type Uncurried<T extends (...args: never[]) => unknown> = (
  self: unknown,
  ...args: Parameters<T>
) => ReturnType<T>;

// biome-ignore lint/complexity/noBannedTypes: any function, as captureStackTrace takes it
type AnyFunction = Function;

const {
  apply,
  construct,
  defineProperty,
  getOwnPropertyDescriptor,
  getPrototypeOf,
  setPrototypeOf,
} = Reflect;
const { bind, call } = Function.prototype;
const { create, freeze } = Object;
const { stringify } = JSON;
const { now } = Date;
const { fromCharCode } = String;
const { min } = Math;
const { isView } = ArrayBuffer;
const NativeUint8Array = Uint8Array;
const NativeWeakMap = WeakMap;
const NativeProxy = Proxy;
const captureStackTrace = (
  Error as { captureStackTrace?: (target: object, fn?: AnyFunction) => void }
).captureStackTrace;

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

/** Like getter(), but a missing getter (or prototype) only fails when called: capture of
 * sockets may be impossible while the private link still works. */
function lenientGetter<T>(proto: object | undefined, name: string): (self: unknown) => T {
  const descriptor = proto && getOwnPropertyDescriptor(proto, name);
  if (descriptor?.get) return uncurry(descriptor.get as () => T);
  return () => {
    throw new TypeError(`no getter ${name}`);
  };
}

function missing(): never {
  throw new TypeError('not available');
}

/** A fresh array without a prototype. */
function list<T>(): List<T> {
  const out: T[] = [];
  setPrototypeOf(out, null);
  return out;
}

/** An object without a prototype: writes and reads of absent keys stay on it. */
function record<T extends object>(): T {
  return create(null) as T;
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

/**
 * V8 re-captures an error's stack from a given frame down and keeps `stack` the same native
 * accessor it was: a native error thrown through a trap can lose the trap's frame without a
 * trace. SpiderMonkey's captureStackTrace defines an own data property instead (errors there
 * have none), which a page could tell apart: there we leave errors alone.
 */
function stackRecaptureIsInvisible(): boolean {
  if (typeof captureStackTrace !== 'function') return false;
  try {
    const probe = new TypeError('probe');
    const before = getOwnPropertyDescriptor(probe, 'stack');
    if (typeof before?.get !== 'function') return false;
    captureStackTrace(probe);
    const after = getOwnPropertyDescriptor(probe, 'stack');
    return (
      after?.get === before.get &&
      after.set === before.set &&
      after.enumerable === before.enumerable &&
      after.configurable === before.configurable
    );
  } catch {
    return false;
  }
}

export function captureNatives(g: PageGlobals) {
  const nativeSetTimeout = apply(bind, g.setTimeout, [undefined]) as (
    fn: () => void,
    ms: number,
  ) => number;
  const clearTimer = apply(bind, g.clearTimeout, [undefined]) as (id: number) => void;
  const btoa = apply(bind, g.btoa, [undefined]) as (data: string) => string;
  const addListener = uncurry(g.EventTarget.prototype.addEventListener);
  const removeListener = uncurry(g.EventTarget.prototype.removeEventListener);
  const dispatch = uncurry(g.EventTarget.prototype.dispatchEvent);
  const CustomEventCtor = g.CustomEvent;
  const MouseEventCtor = g.MouseEvent;
  const attachShadow = uncurry(g.Element.prototype.attachShadow);
  const createElement = uncurry(g.document.createElement as (tag: string) => Element);
  // What capture needs beyond the link: tolerated missing (the link then says not-wrapped).
  const FileReaderCtor = g.FileReader;
  const readAsArrayBuffer = uncurry(g.FileReader?.prototype.readAsArrayBuffer ?? missing);
  const readerResult = lenientGetter<unknown>(g.FileReader?.prototype, 'result');
  const wsProto = g.WebSocket?.prototype;
  const blobProto = g.Blob?.prototype;
  const blobSize = lenientGetter<number>(blobProto, 'size');
  const blobSlice = uncurry(blobProto?.slice ?? missing);
  // An unforgeable own accessor of each event; its getter is shared by all events.
  const trusted =
    getOwnPropertyDescriptor(new g.Event(''), 'isTrusted')?.get ??
    getOwnPropertyDescriptor(g.Event.prototype, 'isTrusted')?.get;
  const isTrusted = trusted
    ? (uncurry(trusted as () => boolean) as (event: unknown) => boolean)
    : () => true;
  const recapture = stackRecaptureIsInvisible();

  /** A timer whose callback never throws into the page (an uncaught error would reach its
   * window.onerror). */
  function setTimer(fn: () => void, ms: number): number {
    return nativeSetTimeout(() => {
      try {
        fn();
      } catch {}
    }, ms);
  }

  /** Base64 of bytes, through the fastest native the browser has. */
  function base64(bytes: Uint8Array): string {
    if (toBase64Method) return toBase64Method(bytes);
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

  /** Data the browser sends without running page code: a string, a number, a boolean, null,
   * undefined, an ArrayBuffer, a view or a Blob (no toString or iterator is called). */
  function isInert(data: unknown): boolean {
    if (data === null || (typeof data !== 'object' && typeof data !== 'function')) return true;
    return bytesOf(data) !== undefined || sizeOfBlob(data) !== undefined;
  }

  /**
   * Reads the first maxBytes of a Blob with a FileReader of our own: its events reach only our
   * listener, and no Promise is involved (then() consults a page-patchable `constructor`).
   * Never throws; calls back exactly once.
   */
  function readBlob(blob: Blob, maxBytes: number, done: (bytes: Uint8Array | undefined) => void) {
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
      readAsArrayBuffer(reader, blobSlice(blob, 0, maxBytes) as Blob);
    } catch {
      finish(undefined);
    }
  }

  // Event init dictionaries without a prototype: the browser's dictionary conversion reads every
  // member, and a page getter on Object.prototype (bubbles, composed...) must not answer.
  function eventArgs(type: string, key: 'detail' | 'relatedTarget', value: unknown): unknown[] {
    const init = record<Record<string, unknown>>();
    init[key] = value;
    const out = list<unknown>();
    out[0] = type;
    out[1] = init;
    return out as unknown as unknown[];
  }

  return {
    apply,
    construct,
    defineProperty,
    getOwnPropertyDescriptor,
    freeze,
    Proxy: NativeProxy,
    now: now as () => number,
    setTimer,
    clearTimer,
    /** JSON.stringify of a primitive (objects would consult a page-defined toJSON). */
    quote: stringify as (value: string | number | boolean) => string,
    list,
    record,
    /** A data descriptor with the attributes of `descriptor` and a new value (no object spread). */
    withValue(descriptor: PropertyDescriptor, value: unknown): PropertyDescriptor {
      const out = record<PropertyDescriptor>();
      out.value = value;
      out.writable = descriptor.writable === true;
      out.enumerable = descriptor.enumerable === true;
      out.configurable = descriptor.configurable === true;
      return out;
    },
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
    /** A non-composed CustomEvent carrying a string. */
    customEvent(type: string, detail: string): Event {
      return construct(CustomEventCtor, eventArgs(type, 'detail', detail)) as Event;
    },
    /** A MouseEvent whose relatedTarget is a node: the one way to hand a node to another world. */
    mouseEvent(type: string, relatedTarget: EventTarget): Event {
      return construct(MouseEventCtor, eventArgs(type, 'relatedTarget', relatedTarget)) as Event;
    },
    /** A new element, never inserted anywhere, and the closed shadow root it hosts. */
    closedRoot(): { host: Element; root: EventTarget } {
      const host = createElement(g.document, 'span') as Element;
      const options = record<ShadowRootInit>();
      options.mode = 'closed';
      return { host, root: attachShadow(host, options) };
    },
    isTrusted,
    eventDetail: getter<unknown>(g.CustomEvent.prototype, 'detail'),
    messageData: lenientGetter<unknown>(g.MessageEvent?.prototype, 'data'),
    closeCode: lenientGetter<number>(g.CloseEvent?.prototype, 'code'),
    closeReason: lenientGetter<string>(g.CloseEvent?.prototype, 'reason'),
    closeWasClean: lenientGetter<boolean>(g.CloseEvent?.prototype, 'wasClean'),
    socketUrl: lenientGetter<string>(wsProto, 'url'),
    socketProtocol: lenientGetter<string>(wsProto, 'protocol'),
    socketReadyState: lenientGetter<number>(wsProto, 'readyState'),
    base64,
    bytesOf,
    byteLength: viewLength as (bytes: Uint8Array) => number,
    subarray: subarray as (bytes: Uint8Array, start: number, end: number) => Uint8Array,
    sizeOfBlob,
    isInert,
    readBlob,
    /**
     * Makes an error the browser threw inside `trap` look thrown by the trap's caller, as without
     * the wrapper (V8 only, see stackRecaptureIsInvisible). Only for errors that no page code
     * could have created: the caller checks the arguments were inert.
     */
    hideTrapFrame(error: unknown, trap: AnyFunction): void {
      if (!recapture || error === null || typeof error !== 'object') return;
      try {
        (captureStackTrace as (target: object, fn?: AnyFunction) => void)(error, trap);
      } catch {}
    },
    min,
  };
}

export type Natives = ReturnType<typeof captureNatives>;
