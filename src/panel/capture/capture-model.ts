// Panel state of capture (timers and site access injected): what the hub says runs in the
// inspected tab, the page's URL, and the one-click request for access to a site.
import type { CaptureStatus } from '../../protocol/index.ts';
import type { AccessRequest, CaptureFacts } from './capture-state.ts';

export interface SiteAccess {
  /** True when the manifest's default sites or granted optional access cover the URL. */
  covers(url: string): Promise<boolean>;
  /** permissions.request is available in this page. */
  readonly canRequest: boolean;
  /** Asks for access to the URL's host; must run straight from a click (user gesture). */
  request(url: string): Promise<boolean>;
  /** Opens the options page, asking it to offer access to the URL's site when one is given. */
  openOptions(url?: string): Promise<void>;
}

export interface CaptureModel {
  facts(): CaptureFacts;
  subscribe(listener: () => void): () => void;
  setStatus(status: CaptureStatus): void;
  setHub(state: CaptureFacts['hub']): void;
  setInspectedUrl(url: string | undefined): void;
  /** The click handler of "Enable WebSocket capture on <origin>". */
  enable(): void;
  openOptions(): void;
  /** Reloads the inspected page; absent outside DevTools. */
  reload: (() => void) | undefined;
  dispose(): void;
}

export interface CaptureModelOptions {
  mode: CaptureFacts['mode'];
  tabId: number | undefined;
  access: SiteAccess;
  reload?: () => void;
  /** After this long without a word from the hub, no document is taken to capture. */
  statusGraceMs?: number;
}

export function createCaptureModel(options: CaptureModelOptions): CaptureModel {
  const { access } = options;
  let facts: CaptureFacts = {
    mode: options.mode,
    tabId: options.tabId,
    inspectedUrl: undefined,
    documents: undefined,
    covered: undefined,
    canRequest: access.canRequest,
    request: 'idle',
    hub: 'connecting',
  };
  const listeners = new Set<() => void>();
  let urlKnownFromDevtools = false;

  function update(change: Partial<CaptureFacts>): void {
    facts = { ...facts, ...change };
    for (const listener of [...listeners]) listener();
  }

  function checkCoverage(url: string): void {
    access.covers(url).then(
      (covered) => {
        if (facts.inspectedUrl === url) update({ covered });
      },
      () => {
        if (facts.inspectedUrl === url) update({ covered: false });
      },
    );
  }

  function setUrl(url: string | undefined): void {
    if (url === facts.inspectedUrl) return;
    update({ inspectedUrl: url, covered: undefined, request: 'idle' });
    if (url !== undefined) checkCoverage(url);
  }

  const grace = globalThis.setTimeout(() => {
    if (facts.documents === undefined) update({ documents: [] });
  }, options.statusGraceMs ?? 1_500);

  function setRequest(request: AccessRequest): void {
    update({ request });
  }

  function openOptions(): void {
    access.openOptions(facts.inspectedUrl).then(
      () => setRequest('options-opened'),
      () => setRequest('failed'),
    );
  }

  function enable(): void {
    const url = facts.inspectedUrl;
    if (url === undefined) return;
    if (!access.canRequest) {
      openOptions();
      return;
    }
    // The request comes first, synchronously: the browser allows it only inside the click.
    const asked = access.request(url);
    setRequest('pending');
    asked.then(
      (granted) => setRequest(granted ? 'granted' : 'denied'),
      () => setRequest('failed'),
    );
  }

  return {
    facts: () => facts,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    setStatus(status) {
      update({ documents: status.documents });
      // Outside DevTools the top document's URL is the only way to learn the page's URL.
      const top = status.documents.find((doc) => doc.frameId === 0);
      if (!urlKnownFromDevtools && top) setUrl(top.url);
    },
    setHub(hub) {
      if (hub !== facts.hub) update({ hub });
    },
    setInspectedUrl(url) {
      urlKnownFromDevtools = url !== undefined;
      setUrl(url);
    },
    enable,
    openOptions,
    reload: options.reload,
    dispose() {
      globalThis.clearTimeout(grace);
      listeners.clear();
    },
  };
}
