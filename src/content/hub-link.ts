// ISOLATED world (content script): the relay's runtime port to the hub (background). The service
// worker or event page may stop at any time: when the port drops while live, reconnect with a
// short backoff and say hello again; otherwise stay quiet until the hub asks (reconnect()).
import {
  isHubToRelay,
  type PageBatch,
  type Port,
  type RelayToHub,
  relayFrames,
  relayHello,
  type WrapperLink,
} from '../protocol/index.ts';

type HubPort = Pick<Port<RelayToHub>, 'postMessage' | 'onMessage' | 'onDisconnect'>;

export interface HubLinkDeps {
  /** Opens the port; throws when the extension context is gone (extension reloaded). */
  connect(): HubPort;
  /** The document's URL, read at each hello. */
  url(): string;
  /** The document's time origin (performance.timeOrigin in this isolated world). */
  timeOrigin(): number;
  /** This document's random id, chosen by the relay: the page never sees nor picks it. */
  doc: string;
  /** What the page's wrapper answers now (PageLink.probe), read at each hello. */
  wrapper(): WrapperLink;
  /** Forwards the hub's live switch to the page. */
  onLive(live: boolean, replay: boolean): void;
  setTimer(fn: () => void, ms: number): void;
}

export interface HubLink {
  start(): void;
  /** Forwards a batch; dropped while disconnected (the page's history replays it later). */
  send(batch: PageBatch): void;
  /** The hub asked (a panel connected after a restart): connect now if disconnected. */
  reconnect(): void;
  /** The wrapper linked after the hello: say hello again with its state. */
  wrapperChanged(): void;
  readonly connected: boolean;
}

/** Delays between reconnect attempts; after the last one the relay waits for the hub to ask. */
export const RECONNECT_BACKOFF_MS = [100, 250, 500, 1000, 2000, 4000, 8000] as const;

export function createHubLink(deps: HubLinkDeps): HubLink {
  let port: HubPort | undefined;
  let live = false;
  let attempts = 0;
  let retrying = false;
  // Frames were dropped while disconnected: the next live start must replay the history.
  let owesReplay = false;

  function connect() {
    if (port) return;
    let next: HubPort;
    try {
      next = deps.connect();
    } catch {
      return; // extension context invalidated: nothing to reconnect to
    }
    port = next;
    next.onMessage.addListener((message) => {
      if (next !== port || !isHubToRelay(message)) return;
      attempts = 0;
      retrying = false;
      live = message.live;
      const replay = message.replay || (live && owesReplay);
      if (live) owesReplay = false;
      deps.onLive(live, replay);
    });
    next.onDisconnect.addListener(() => {
      if (next === port) dropped();
    });
    hello();
  }

  function hello() {
    post(relayHello(deps.url(), deps.timeOrigin(), deps.wrapper()));
  }

  function dropped() {
    port = undefined;
    const wasLive = live;
    live = false;
    if (wasLive) {
      // Stop the page's stream; the hub will ask again, with replay, after the reconnect.
      owesReplay = true;
      deps.onLive(false, false);
    }
    if (!wasLive && !retrying) return;
    if (attempts >= RECONNECT_BACKOFF_MS.length) {
      retrying = false;
      return;
    }
    retrying = true;
    const delay = RECONNECT_BACKOFF_MS[attempts] as number;
    attempts += 1;
    deps.setTimer(connect, delay);
  }

  function post(message: RelayToHub) {
    if (!port) return;
    try {
      port.postMessage(message);
    } catch {
      dropped();
    }
  }

  return {
    start: connect,
    send(batch) {
      if (!port) {
        owesReplay = true;
        return;
      }
      const { frames, replay, dropped } = batch;
      post(relayFrames({ doc: deps.doc, frames, replay, dropped }));
    },
    reconnect() {
      if (port) return;
      attempts = 0;
      connect();
    },
    wrapperChanged() {
      if (port) hello();
    },
    get connected() {
      return port !== undefined;
    },
  };
}
