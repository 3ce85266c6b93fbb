// Test support (Node): the DOM pieces the wrapper's link and capture need that Node lacks:
// events the "browser" marks trusted, MouseEvent.relatedTarget, elements with closed shadow
// roots that only the relay's opener can open, a FileReader, and a document.

const trusted = new WeakSet<object>();

/** Marks an event as the browser's own (isTrusted true), as a real socket's events are. */
export function asTrusted<E extends Event>(event: E): E {
  trusted.add(event);
  return event;
}

function isTrusted(this: object): boolean {
  return trusted.has(this);
}

/** Stands for window.Event where the wrapper reads the isTrusted getter of a sample event: its
 * own accessor answers for any event from the set above. */
export class FakeEvent {
  constructor(_type: string) {
    Object.defineProperty(this, 'isTrusted', { get: isTrusted, enumerable: true });
  }
}

/** Node's MessageEvent iterates arrays in its constructor: a page patching Array methods
 * would break the fake browser, not the wrapper. */
export class FakeMessageEvent extends Event {
  readonly #data: unknown;
  constructor(type: string, init?: { data?: unknown }) {
    super(type);
    this.#data = init?.data;
  }
  get data(): unknown {
    return this.#data;
  }
}

export class FakeMouseEvent extends Event {
  readonly #relatedTarget: EventTarget | null;
  constructor(type: string, init?: { relatedTarget?: EventTarget | null }) {
    super(type);
    this.#relatedTarget = init?.relatedTarget ?? null;
  }
  get relatedTarget(): EventTarget | null {
    return this.#relatedTarget;
  }
}

const shadowRoots = new WeakMap<object, EventTarget>();

export class FakeElement extends EventTarget {
  attachShadow(_init: { mode: 'open' | 'closed' }): EventTarget {
    if (shadowRoots.has(this)) throw new DOMException('already a host', 'NotSupportedError');
    const root = new EventTarget();
    shadowRoots.set(this, root);
    return root;
  }
}

/** The relay's dom.openOrClosedShadowRoot. */
export function openShadow(host: unknown): EventTarget | undefined {
  return typeof host === 'object' && host !== null ? shadowRoots.get(host) : undefined;
}

export class FakeDocument extends EventTarget {
  createElement(_tag: string): FakeElement {
    return new FakeElement();
  }
}

export class FakeFileReader extends EventTarget {
  #result: ArrayBuffer | null = null;
  get result(): ArrayBuffer | null {
    return this.#result;
  }
  readAsArrayBuffer(blob: Blob): void {
    blob.arrayBuffer().then(
      (buffer) => {
        this.#result = buffer;
        this.dispatchEvent(new Event('loadend'));
      },
      () => this.dispatchEvent(new Event('loadend')),
    );
  }
}
