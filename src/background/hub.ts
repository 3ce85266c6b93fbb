// The hub (background): routes WebSocket frames from each tab's relays to the panels
// inspecting that tab, and tells relays when to stream. It keeps no state worth saving: when
// the browser stops the service worker, relays and panels reconnect and the state is rebuilt.
import {
  captureStatus,
  type HubToPanel,
  type HubToRelay,
  isPanelToHub,
  isRelayToHub,
  liveSwitch,
  PORT,
  type Port,
  tabFrames,
  type WrapperLink,
} from '../protocol/index.ts';

export interface HubOptions {
  /** Our extension id: ports from anything else are refused. */
  extensionId: string;
  /** Our pages' URL prefix (runtime.getURL('')): only our own pages may be panels, never a
   * content script, which shares the extension id but runs in a page's renderer. */
  extensionOrigin: string;
  /** Wakes relays of a tab that lost their port while no panel was open. */
  askTabToReconnect(tabId: number): void;
}

type PanelPort = Port<HubToPanel>;

interface RelayConnection {
  port: Port<HubToRelay>;
  tabId: number;
  frameId: number;
  /** The sender's document as the browser names it (Chromium), else the relay's own id. */
  documentId?: string;
  url?: string;
  timeOrigin?: number;
  wrapper?: WrapperLink;
  live: boolean;
}

function setOf<T>(map: Map<number, Set<T>>, key: number): Set<T> {
  const existing = map.get(key);
  if (existing) return existing;
  const created = new Set<T>();
  map.set(key, created);
  return created;
}

export interface Hub {
  /** A port from runtime.onConnect; the hub decides what it may send on it. */
  connect(port: Port): void;
}

export function createHub(options: HubOptions): Hub {
  const relays = new Map<number, Set<RelayConnection>>();
  const panels = new Map<number, Set<PanelPort>>();

  function setLive(relay: RelayConnection, live: boolean, replay: boolean): void {
    relay.live = live;
    relay.port.postMessage(liveSwitch(live, replay));
  }

  function publishStatus(tabId: number): void {
    // Capturing only when the relay reached a wrapper that captures (the banner counts those).
    const documents = [...(relays.get(tabId) ?? [])].flatMap(
      ({ frameId, url, timeOrigin, wrapper }) =>
        url !== undefined && timeOrigin !== undefined
          ? [{ frameId, url, timeOrigin, capturing: wrapper === 'capturing' }]
          : [],
    );
    const status = captureStatus(documents);
    for (const panel of panels.get(tabId) ?? []) panel.postMessage(status);
  }

  function connectRelay(port: Port<HubToRelay>, tabId: number): void {
    const relay: RelayConnection = {
      port,
      tabId,
      frameId: port.sender?.frameId ?? 0,
      documentId: port.sender?.documentId,
      live: false,
    };
    const tabRelays = setOf(relays, tabId);
    tabRelays.add(relay);

    port.onMessage.addListener((message) => {
      if (!isRelayToHub(message)) return;
      if (message.type === 'relay-hello') {
        // Later hellos on the same port only update the wrapper's state.
        const first = relay.url === undefined;
        relay.url = message.url;
        relay.timeOrigin = message.timeOrigin;
        relay.wrapper = message.wrapper;
        if (first && panels.has(tabId)) setLive(relay, true, true);
        publishStatus(tabId);
        return;
      }
      const tabPanels = panels.get(tabId);
      if (!tabPanels) {
        // The last panel closed while this batch was on its way: stop the stream.
        if (relay.live) setLive(relay, false, false);
        return;
      }
      // Ids are the sender's as the browser knows it: no page can speak for another frame.
      const forward = tabFrames(relay.frameId, {
        ...message,
        doc: relay.documentId ?? message.doc,
      });
      for (const panel of tabPanels) panel.postMessage(forward);
    });
    port.onDisconnect.addListener(() => {
      tabRelays.delete(relay);
      if (tabRelays.size === 0) relays.delete(tabId);
      publishStatus(tabId);
    });
  }

  function connectPanel(port: PanelPort): void {
    let tabId: number | undefined;
    port.onMessage.addListener((message) => {
      if (!isPanelToHub(message) || tabId !== undefined) return;
      tabId = message.tabId;
      setOf(panels, tabId).add(port);
      const tabRelays = relays.get(tabId);
      // Every relay replays its page's history; the panel drops what it already has.
      for (const relay of tabRelays ?? []) setLive(relay, true, true);
      if (!tabRelays?.size) options.askTabToReconnect(tabId);
      publishStatus(tabId);
    });
    port.onDisconnect.addListener(() => {
      if (tabId === undefined) return;
      const tabPanels = panels.get(tabId);
      tabPanels?.delete(port);
      if (tabPanels?.size) return;
      panels.delete(tabId);
      for (const relay of relays.get(tabId) ?? []) setLive(relay, false, false);
    });
  }

  return {
    connect(port) {
      if (port.sender?.id !== options.extensionId) {
        port.disconnect();
        return;
      }
      const tabId = port.sender.tab?.id;
      if (port.name === PORT.relay && typeof tabId === 'number' && tabId >= 0) {
        connectRelay(port, tabId);
      } else if (port.name === PORT.panel && port.sender.url?.startsWith(options.extensionOrigin)) {
        connectPanel(port);
      } else {
        port.disconnect();
      }
    },
  };
}
