// MAIN world (page): the DOM natives capture uses, taken from the page's globals at
// document_start: timers, EventTarget's methods, the events and the closed shadow root of the
// private link, and the getters that read sockets and their events.
import {
  getter,
  languageNatives,
  lenientGetter,
  list,
  record,
  unbound,
  uncurry,
} from './native-language.ts';
import type { PageGlobals } from './natives.ts';

const { construct, getOwnPropertyDescriptor } = languageNatives;

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

export function captureDomNatives(g: PageGlobals) {
  const nativeSetTimeout = unbound(g.setTimeout as (fn: () => void, ms: number) => number);
  const clearTimer = unbound(g.clearTimeout as (id: number) => void);
  const addListener = uncurry(g.EventTarget.prototype.addEventListener);
  const removeListener = uncurry(g.EventTarget.prototype.removeEventListener);
  const dispatch = uncurry(g.EventTarget.prototype.dispatchEvent);
  const CustomEventCtor = g.CustomEvent;
  const MouseEventCtor = g.MouseEvent;
  const attachShadow = uncurry(g.Element.prototype.attachShadow);
  const createElement = uncurry(g.document.createElement as (tag: string) => Element);
  const wsProto = g.WebSocket?.prototype;
  // An unforgeable own accessor of each event; its getter is shared by all events.
  const trusted =
    getOwnPropertyDescriptor(new g.Event(''), 'isTrusted')?.get ??
    getOwnPropertyDescriptor(g.Event.prototype, 'isTrusted')?.get;
  const isTrusted = trusted
    ? (uncurry(trusted as () => boolean) as (event: unknown) => boolean)
    : () => true;

  return {
    /** A timer whose callback never throws into the page (an uncaught error would reach its
     * window.onerror). */
    setTimer(fn: () => void, ms: number): number {
      return nativeSetTimeout(() => {
        try {
          fn();
        } catch {}
      }, ms);
    },
    clearTimer,
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
    socketBinaryType: lenientGetter<BinaryType>(wsProto, 'binaryType'),
  };
}
