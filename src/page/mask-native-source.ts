// MAIN world (page): makes Function.prototype.toString show the native source for our Proxies.
// A Proxy of a native function prints as "function () { [native code] }", without the name;
// bot detectors and "is this the native WebSocket?" checks read exactly that. The toString Proxy
// calls the native toString with the original function in place of its Proxy, so every
// browser prints its own exact text, for our Proxies and for itself.
import type { Natives } from './natives.ts';

// biome-ignore lint/complexity/noBannedTypes: any function, as toString sees it
type AnyFunction = Function;

export function maskNativeSource(
  global: { Function: typeof Function },
  n: Natives,
  originals: [proxy: AnyFunction, original: AnyFunction][],
): void {
  const proto = global.Function.prototype;
  const descriptor = n.getOwnPropertyDescriptor(proto, 'toString');
  const nativeToString = descriptor?.value as AnyFunction | undefined;
  if (!descriptor?.writable || typeof nativeToString !== 'function') return;
  const originalOf = n.newWeakMap<AnyFunction, AnyFunction>();
  for (let i = 0; i < originals.length; i += 1) {
    const [proxy, original] = originals[i] as [AnyFunction, AnyFunction];
    n.weakSet(originalOf, proxy, original);
  }
  const handler = n.create(null) as ProxyHandler<AnyFunction>;
  handler.apply = (target, self, args) =>
    n.apply(target, (typeof self === 'function' && n.weakGet(originalOf, self)) || self, args);
  const masked = new n.Proxy(nativeToString, handler);
  n.weakSet(originalOf, masked, nativeToString);
  n.defineProperty(proto, 'toString', { ...descriptor, value: masked });
}
