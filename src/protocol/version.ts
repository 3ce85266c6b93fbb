// Names and versions every context agrees on; bumping PROTOCOL_VERSION makes old peers refuse.
export const PROTOCOL_VERSION = 1;

/** Source tags: each direction of each hop says who sent it. */
export const SOURCE = {
  page: 'exchange-lens/page',
  relay: 'exchange-lens/relay',
} as const;

/**
 * The two public DOM events of the one handshake between the MAIN-world wrapper and the
 * ISOLATED-world relay, on `document` at document_start, before any page script runs. Each side
 * listens for the other's at most once and stops listening as soon as they are linked.
 * - PAGE_TO_RELAY_EVENT: the wrapper's announcement, a MouseEvent whose relatedTarget is a
 *   detached element holding the private channel in a closed shadow root.
 * - RELAY_TO_PAGE_EVENT: the relay asks the wrapper to announce itself (when the wrapper ran
 *   first, its announcement found nobody listening).
 */
export const PAGE_TO_RELAY_EVENT = 'exchange-lens:page-to-relay';
export const RELAY_TO_PAGE_EVENT = 'exchange-lens:relay-to-page';

/**
 * Event types on the private channel (the closed shadow root): only the wrapper, which created
 * it, and the relay, which can open closed shadow roots, hold it. Non-composed events dispatched
 * on a shadow root reach no other target.
 */
export const LINK_EVENTS = {
  /** page -> relay: the wrapper's state (WrapperState), in answer to every ping. */
  state: 'exchange-lens:state',
  /** page -> relay: a PageBatch as JSON. */
  frames: 'exchange-lens:frames',
  /** relay -> page: a RelayCommand detail. */
  command: 'exchange-lens:command',
  /** relay -> page: answer with your state now (the answer is synchronous). */
  ping: 'exchange-lens:ping',
} as const;

/** runtime.connect port names; the hub tells its peers apart by name. */
export const PORT = {
  relay: 'exchange-lens/relay',
  panel: 'exchange-lens/panel',
} as const;
