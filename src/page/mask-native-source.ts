// MAIN world (page): makes Function.prototype.toString show the native source for our Proxies.
// A Proxy of a native function prints as "function () { [native code] }", without the name;
// bot detectors and "is this the native WebSocket?" checks read exactly that. The toString Proxy
// calls the native toString with the original function in place of its Proxy, so every
// browser prints its own exact text, for our Proxies and for itself.
import type { List, Natives } from './natives.ts';

// biome-ignore lint/complexity/noBannedTypes: any function, as toString sees it
type AnyFunction = Function;

export function maskNativeSource(
  global: { Function: typeof Function },
  n: Natives,
  originals: List<[proxy: object, original: object]>,
): void {
  const proto = global.Function.prototype;
  const descriptor = n.getOwnPropertyDescriptor(proto, 'toString');
  const nativeToString = descriptor?.value as AnyFunction | undefined;
  if (!descriptor?.writable || typeof nativeToString !== 'function') return;
  const originalOf = n.newWeakMap<object, object>();
  for (let i = 0; i < originals.length; i += 1) {
    const pair = originals[i] as [object, object];
    n.weakSet(originalOf, pair[0], pair[1]);
  }
  // toString runs no page code (not even for a Proxy): whatever it throws is the browser's own.
  function maskedToString(target: AnyFunction, self: unknown, args: unknown[]): unknown {
    const receiver = (typeof self === 'function' && n.weakGet(originalOf, self)) || self;
    try {
      return n.apply(target, receiver, args);
    } catch (error) {
      n.hideTrapFrame(error, maskedToString);
      throw error;
    }
  }
  const handler = n.record<ProxyHandler<AnyFunction>>();
  handler.apply = maskedToString;
  n.freeze(maskedToString);
  n.freeze(handler);
  const masked = new n.Proxy(nativeToString, handler);
  n.weakSet(originalOf, masked, nativeToString);
  n.defineProperty(proto, 'toString', n.withValue(descriptor, masked));
}
