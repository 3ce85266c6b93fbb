// MAIN world (page): replaces window.WebSocket with a Proxy of the native constructor and
// prototype.send with a Proxy of the native send. Instances stay native objects: readyState,
// binaryType, events, exceptions and prototype identity are the browser's own; nothing is added
// to instances or to window. Function.prototype.toString still prints their native source.
// The traps are strict functions (the bundle is strict): V8's CallSite.getThis() and
// getFunction() give a page nothing for them; handlers and traps are frozen anyway.

import { maskNativeSource } from './mask-native-source.ts';
import type { Natives } from './natives.ts';

export interface SocketHooks {
  created(ws: WebSocket): void;
  sent(ws: WebSocket, data: unknown): void;
}

/** Returns false (and changes nothing) when the page's WebSocket is not what we expect. */
export function wrapWebSocket(
  global: { WebSocket: typeof WebSocket; Function: typeof Function },
  n: Natives,
  hooks: SocketHooks,
): boolean {
  const Native = global.WebSocket;
  const proto = Native?.prototype;
  const ctorDescriptor = n.getOwnPropertyDescriptor(global, 'WebSocket');
  const protoCtorDescriptor = proto && n.getOwnPropertyDescriptor(proto, 'constructor');
  const sendDescriptor = proto && n.getOwnPropertyDescriptor(proto, 'send');
  if (
    typeof Native !== 'function' ||
    !ctorDescriptor?.writable ||
    !protoCtorDescriptor ||
    typeof sendDescriptor?.value !== 'function'
  ) {
    return false;
  }
  const nativeSend = sendDescriptor.value as WebSocket['send'];

  /** Every argument is inert: the browser ran no page code, so any exception is its own. */
  function inert(args: unknown[]): boolean {
    for (let i = 0; i < args.length; i += 1) if (!n.isInert(args[i])) return false;
    return true;
  }

  // `args` is the engine's own array of the call's arguments: its length and indices are own
  // properties (no page accessor on Array.prototype is reached).
  // biome-ignore lint/complexity/noBannedTypes: the new.target a construct trap receives
  function construct(target: typeof WebSocket, args: unknown[], newTarget: Function): object {
    let ws: WebSocket;
    try {
      ws = n.construct(target, args, newTarget) as WebSocket;
    } catch (error) {
      // A subclass or Reflect.construct with another newTarget may have run page code.
      if (newTarget === Wrapped && inert(args)) n.hideTrapFrame(error, construct);
      throw error;
    }
    hooks.created(ws);
    return ws;
  }

  function send(target: WebSocket['send'], self: unknown, args: unknown[]): unknown {
    let result: unknown;
    try {
      result = n.apply(target, self, args);
    } catch (error) {
      if (inert(args)) n.hideTrapFrame(error, send);
      throw error;
    }
    // Only a send the browser accepted is recorded; its exceptions reach the page untouched.
    hooks.sent(self as WebSocket, args.length > 0 ? args[0] : undefined);
    return result;
  }

  // Handlers without a prototype: traps a page defines on Object.prototype must not come alive.
  const constructHandler = n.record<ProxyHandler<typeof WebSocket>>();
  constructHandler.construct = construct;
  const sendHandler = n.record<ProxyHandler<WebSocket['send']>>();
  sendHandler.apply = send;
  n.freeze(construct);
  n.freeze(send);
  n.freeze(inert);
  n.freeze(constructHandler);
  n.freeze(sendHandler);

  const Wrapped = new n.Proxy(Native, constructHandler);
  const sendProxy = new n.Proxy(nativeSend, sendHandler);
  // Same attributes as before, new values: `ws.constructor === WebSocket` holds again.
  n.defineProperty(proto, 'send', n.withValue(sendDescriptor, sendProxy));
  n.defineProperty(proto, 'constructor', n.withValue(protoCtorDescriptor, Wrapped));
  n.defineProperty(global, 'WebSocket', n.withValue(ctorDescriptor, Wrapped));
  const originals = n.list<[object, object]>();
  originals[0] = [Wrapped, Native];
  originals[1] = [sendProxy, nativeSend];
  maskNativeSource(global, n, originals);
  return true;
}
