// MAIN world (page): the JavaScript built-ins capture uses (Reflect, Function, Object, JSON,
// String, WeakMap, Proxy, Date, Math), taken when the wrapper's bundle is evaluated, at
// document_start, before any page script can patch them; and the helpers every other part of
// the wrapper builds on: uncurried calls and getters, prototype-less lists and records.

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

const { apply, construct, defineProperty, getOwnPropertyDescriptor, setPrototypeOf } = Reflect;
const { bind, call } = Function.prototype;
const { create, freeze } = Object;
const { stringify } = JSON;
const { now } = Date;
const { min } = Math;
const NativeWeakMap = WeakMap;
const NativeProxy = Proxy;

// fn.call(self, ...args) through a bound copy of the original `call`: later patches of
// Function.prototype.call or of fn's prototype do not reach it.
export function uncurry<T extends (...args: never[]) => unknown>(fn: T): Uncurried<T> {
  return apply(bind, call, [fn]) as Uncurried<T>;
}

/** fn bound to no receiver (setTimeout, btoa: window functions that need none). */
export function unbound<T extends (...args: never[]) => unknown>(fn: T): T {
  return apply(bind, fn, [undefined]) as T;
}

export function getter<T>(proto: object, name: string): (self: unknown) => T {
  const descriptor = getOwnPropertyDescriptor(proto, name);
  if (!descriptor?.get) throw new TypeError(`no getter ${name}`);
  return uncurry(descriptor.get as () => T);
}

/** Like getter(), but a missing getter (or prototype) only fails when called: capture of
 * sockets may be impossible while the private link still works. */
export function lenientGetter<T>(proto: object | undefined, name: string): (self: unknown) => T {
  const descriptor = proto && getOwnPropertyDescriptor(proto, name);
  if (descriptor?.get) return uncurry(descriptor.get as () => T);
  return () => {
    throw new TypeError(`no getter ${name}`);
  };
}

/** Stands for a method the page lacks: fails only when called. */
export function missing(): never {
  throw new TypeError('not available');
}

/** A fresh array without a prototype. */
export function list<T>(): List<T> {
  const out: T[] = [];
  setPrototypeOf(out, null);
  return out;
}

/** An object without a prototype: writes and reads of absent keys stay on it. */
export function record<T extends object>(): T {
  return create(null) as T;
}

const stringSlice = uncurry(String.prototype.slice);
const stringIndexOf = uncurry(String.prototype.indexOf);
const charCodeAt = uncurry(String.prototype.charCodeAt);
const weakGet = uncurry(WeakMap.prototype.get);
const weakSet = uncurry(WeakMap.prototype.set);

export const languageNatives = {
  apply,
  construct,
  defineProperty,
  getOwnPropertyDescriptor,
  freeze,
  Proxy: NativeProxy,
  now: now as () => number,
  min,
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
  stringIndexOf: stringIndexOf as (text: string, needle: string, from?: number) => number,
  charCodeAt: charCodeAt as (text: string, index: number) => number,
  newWeakMap: <K extends object, V>() => new NativeWeakMap<K, V>(),
  weakGet: weakGet as <K extends object, V>(map: WeakMap<K, V>, key: K) => V | undefined,
  weakSet: weakSet as <K extends object, V>(map: WeakMap<K, V>, key: K, value: V) => void,
};
