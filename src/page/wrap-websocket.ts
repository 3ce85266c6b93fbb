// MAIN world (page): replaces window.WebSocket with a Proxy of the native constructor and
// prototype.send with a Proxy of the native send. Instances stay native objects: readyState,
// binaryType, events, exceptions and prototype identity are the browser's own; nothing is added
// to instances or to window. Function.prototype.toString still prints their native source.

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

  // Handlers without a prototype: traps a page defines on Object.prototype must not come alive.
  const constructHandler = n.create(null) as ProxyHandler<typeof WebSocket>;
  constructHandler.construct = (target, args, newTarget) => {
    const ws = n.construct(target, args, newTarget) as WebSocket;
    hooks.created(ws);
    return ws;
  };
  const sendHandler = n.create(null) as ProxyHandler<WebSocket['send']>;
  sendHandler.apply = (target, self, args) => {
    // Only a send the browser accepted is recorded; its exceptions reach the page untouched.
    const result = n.apply(target, self, args);
    hooks.sent(self as WebSocket, args[0]);
    return result;
  };

  const Wrapped = new n.Proxy(Native, constructHandler);
  const send = new n.Proxy(sendDescriptor.value as WebSocket['send'], sendHandler);
  // Same attributes as before, new values: `ws.constructor === WebSocket` holds again.
  n.defineProperty(proto, 'send', { ...sendDescriptor, value: send });
  n.defineProperty(proto, 'constructor', { ...protoCtorDescriptor, value: Wrapped });
  n.defineProperty(global, 'WebSocket', { ...ctorDescriptor, value: Wrapped });
  maskNativeSource(global, n, [
    [Wrapped, Native],
    [send, sendDescriptor.value],
  ]);
  return true;
}
