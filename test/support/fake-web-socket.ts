// Test support (Node): a WebSocket stand-in with the browser's shape (accessors on the
// prototype, constants, DOMExceptions) that a test drives by hand: open, receive, close, fail.
// Its events are marked trusted, as the browser's are; a test's own dispatchEvent is not.
import { asTrusted, FakeMessageEvent } from './fake-dom.ts';

export class FakeCloseEvent extends Event {
  readonly #init: { code: number; reason: string; wasClean: boolean };
  constructor(type: string, init: { code: number; reason: string; wasClean: boolean }) {
    super(type);
    this.#init = init;
  }
  get code() {
    return this.#init.code;
  }
  get reason() {
    return this.#init.reason;
  }
  get wasClean() {
    return this.#init.wasClean;
  }
}

/**
 * A fresh WebSocket class per call: the wrapper changes its prototype (send, constructor), so
 * each test gets its own "browser".
 */
export function createFakeWebSocket() {
  class FakeWebSocket extends EventTarget {
    static readonly CONNECTING = 0;
    static readonly OPEN = 1;
    static readonly CLOSING = 2;
    static readonly CLOSED = 3;

    #url: string;
    #state = 0;
    #protocol = '';
    #binaryType: BinaryType = 'blob';
    /** What the "network" got, in order. */
    readonly wire: unknown[] = [];

    constructor(url: string, _protocols?: string | string[]) {
      super();
      if (!/^wss?:\/\/[^#]+$/.test(url)) throw new DOMException(`bad URL ${url}`, 'SyntaxError');
      this.#url = url;
    }
    get url() {
      return this.#url;
    }
    get readyState() {
      return this.#state;
    }
    get protocol() {
      return this.#protocol;
    }
    get binaryType() {
      return this.#binaryType;
    }
    set binaryType(value: BinaryType) {
      this.#binaryType = value;
    }
    send(...args: unknown[]) {
      if (args.length === 0) throw new TypeError('1 argument required, but only 0 present.');
      const data = args[0];
      if (this.#state === 0) throw new DOMException('still connecting', 'InvalidStateError');
      // A closing or closed socket discards the data without an exception, as browsers do.
      if (this.#state >= 2) return;
      // Defined, not assigned: tests that patch Array.prototype accessors must not hit them here.
      Object.defineProperty(this.wire, this.wire.length, {
        value: data,
        writable: true,
        enumerable: true,
        configurable: true,
      });
    }
    close(code?: number) {
      if (code !== undefined && code !== 1000 && (code < 3000 || code > 4999)) {
        throw new DOMException(`bad code ${code}`, 'InvalidAccessError');
      }
      this.#state = 2;
    }

    // Test controls: what the server and the network do.
    serverOpens(protocol = '') {
      this.#state = 1;
      this.#protocol = protocol;
      this.dispatchEvent(asTrusted(new Event('open')));
    }
    serverSends(data: string | Uint8Array) {
      const payload =
        typeof data === 'string'
          ? data
          : this.#binaryType === 'arraybuffer'
            ? data.slice().buffer
            : new Blob([data.slice()]);
      this.dispatchEvent(asTrusted(new FakeMessageEvent('message', { data: payload })));
    }
    fails() {
      this.dispatchEvent(asTrusted(new Event('error')));
    }
    closes(code: number, reason: string, wasClean = true) {
      this.#state = 3;
      this.dispatchEvent(asTrusted(new FakeCloseEvent('close', { code, reason, wasClean })));
    }
  }
  for (const [name, value] of Object.entries({ CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3 })) {
    Object.defineProperty(FakeWebSocket.prototype, name, { value, enumerable: true });
  }
  return FakeWebSocket;
}

export type FakeWebSocket = InstanceType<ReturnType<typeof createFakeWebSocket>>;
