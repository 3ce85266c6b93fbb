// MAIN world (page): the built-ins capture uses, taken at document_start before any page script
// can patch them. Zone.js, polyfills, bot detectors and hostile scripts replace setTimeout,
// addEventListener, JSON or Array methods and define accessors on prototypes later; capture
// calls only these copies and never a method of its own objects, which it creates without
// prototypes (see list()), so nothing the page defines later runs inside capture or sees its data.
// By concern: native-language.ts (JavaScript's own built-ins), native-dom.ts (timers, events,
// the link's shadow root, socket getters), native-bytes.ts (binary payloads, Blobs, base64),
// native-stacks.ts (trap frames in error stacks).
import { captureByteNatives } from './native-bytes.ts';
import { captureDomNatives } from './native-dom.ts';
import { languageNatives } from './native-language.ts';
import { captureStackNatives } from './native-stacks.ts';

export type { List } from './native-language.ts';

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
  /** Read for its prototype's toBase64, where the browser has one. */
  Uint8Array: typeof Uint8Array;
  setTimeout: typeof setTimeout;
  clearTimeout: typeof clearTimeout;
  btoa: typeof btoa;
  /** Where the wrapper makes the host of its private channel. */
  document: Pick<Document, 'createElement'> & EventTarget;
}

/** Every native capture calls, in one object made at document_start (the spread reads our own
 * objects only, before any page script has run). */
export function captureNatives(g: PageGlobals) {
  const dom = captureDomNatives(g);
  return {
    ...languageNatives,
    ...dom,
    ...captureByteNatives(g, dom.addListener),
    ...captureStackNatives(),
  };
}

export type Natives = ReturnType<typeof captureNatives>;
