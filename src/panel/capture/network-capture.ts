// Panel glue (extension page inside DevTools): the inspected page's HTTP responses and logged
// WebSockets from devtools.network, fed to the traffic session; navigation events and document
// requests, fed to the navigation witness (navigations.ts).
import type { Browser } from 'webextension-polyfill';
import { decodeBody, isWebSocketEntry } from '../../core/capture/har-entry.ts';
import type { Navigations } from '../traffic/navigations.ts';
import { wantsBody } from '../traffic/rows-from-har.ts';
import type { TrafficSession } from '../traffic/traffic-session.ts';

type Network = Browser['devtools']['network'];
type HarRequest = Parameters<Parameters<Network['onRequestFinished']['addListener']>[0]>[0];

export interface NetworkCaptureOptions {
  network: Network;
  session: TrafficSession;
  /** The inspected page's URL changed (a new document, or pushState, or a hash change). */
  onNavigated(url: string): void;
  /** Tells new documents from same-document navigations. */
  navigations: Pick<Navigations, 'urlChanged' | 'networkEntry'>;
}

async function bodyOf(request: HarRequest): Promise<string | undefined> {
  try {
    // Chromium (151+, MV3) resolves { content, encoding }; Firefox [content, mimeType].
    const got: unknown = await request.getContent();
    if (Array.isArray(got)) return decodeBody(got[0], got[1]);
    const { content, encoding } = (got ?? {}) as { content?: unknown; encoding?: unknown };
    return decodeBody(content, encoding);
  } catch {
    return undefined;
  }
}

export function startNetworkCapture(options: NetworkCaptureOptions): void {
  const { network, session, navigations } = options;
  network.onRequestFinished.addListener((request: HarRequest) => {
    navigations.networkEntry(request);
    if (isWebSocketEntry(request) || !wantsBody(request)) {
      session.ingestHar(request);
      return;
    }
    void bodyOf(request).then((body) => session.ingestHar(request, body));
  });
  network.onNavigated.addListener((url: string) => {
    options.onNavigated(url);
    navigations.urlChanged(url);
  });
}
