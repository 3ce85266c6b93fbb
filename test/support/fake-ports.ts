// Test support: a connected pair of runtime ports, as runtime.connect and runtime.onConnect hand
// them out. `near` is the side that connected (a relay, a panel), `far` the side onConnect gets
// (the hub), with the sender the browser would name. Messages are copied as the browser
// serializes them and delivered synchronously; disconnect() on one side fires the other's
// onDisconnect, and posting on a closed port throws as it does in the browser.
import type { Port, PortSender } from '../../src/protocol/index.ts';

export interface FakePort extends Port {
  /** Messages this side received, in order. */
  readonly received: unknown[];
  /** True once either side disconnected. */
  readonly disconnected: boolean;
}

export interface PortPair {
  near: FakePort;
  far: FakePort;
  /** Closes both sides without telling either: a stopped worker whose news has not arrived. */
  sever(): void;
}

const copy = (message: unknown): unknown =>
  message === undefined ? undefined : JSON.parse(JSON.stringify(message));

export function portPair(name = 'port', sender: PortSender = {}): PortPair {
  let closed = false;
  const sides: {
    port: FakePort;
    onMessage: ((m: unknown) => void)[];
    onDisconnect: (() => void)[];
  }[] = [];

  function side(index: number, withSender: PortSender | undefined): FakePort {
    const onMessage: ((m: unknown) => void)[] = [];
    const onDisconnect: (() => void)[] = [];
    const received: unknown[] = [];
    const port: FakePort = {
      name,
      ...(withSender ? { sender: withSender } : {}),
      received,
      get disconnected() {
        return closed;
      },
      postMessage(message) {
        if (closed) throw new Error('Attempting to use a disconnected port object');
        const other = sides[1 - index];
        if (!other) return;
        const delivered = copy(message);
        other.port.received.push(delivered);
        for (const listener of [...other.onMessage]) listener(delivered);
      },
      disconnect() {
        if (closed) return;
        closed = true;
        // Only the other side hears of it, as with runtime.Port.
        for (const listener of [...(sides[1 - index]?.onDisconnect ?? [])]) listener();
      },
      onMessage: { addListener: (listener) => onMessage.push(listener) },
      onDisconnect: { addListener: (listener) => onDisconnect.push(listener) },
    };
    sides[index] = { port, onMessage, onDisconnect };
    return port;
  }

  return {
    near: side(0, undefined),
    far: side(1, sender),
    sever() {
      closed = true;
    },
  };
}
