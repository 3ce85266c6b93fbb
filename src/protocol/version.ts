// Names and versions every context agrees on; bumping PROTOCOL_VERSION makes old peers refuse.
export const PROTOCOL_VERSION = 1;

/** Source tags: each direction of each hop says who sent it. */
export const SOURCE = {
  page: 'exchange-lens/page',
  relay: 'exchange-lens/relay',
} as const;

/** DOM event names between the MAIN-world wrapper and the ISOLATED-world relay. */
export const PAGE_TO_RELAY_EVENT = 'exchange-lens:page-to-relay';
export const RELAY_TO_PAGE_EVENT = 'exchange-lens:relay-to-page';

/** runtime.connect port names; the hub tells its peers apart by name. */
export const PORT = {
  relay: 'exchange-lens/relay',
  panel: 'exchange-lens/panel',
} as const;
