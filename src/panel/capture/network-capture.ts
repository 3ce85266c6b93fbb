// Panel glue (extension page inside DevTools): the inspected page's HTTP responses and logged
// WebSockets from devtools.network, fed to the traffic session; navigation events.
import type { Browser } from 'webextension-polyfill';
import { decodeBody, isWebSocketEntry } from '../../core/capture/har-entry.ts';
import { wantsBody } from '../traffic/rows-from-har.ts';
import type { TrafficSession } from '../traffic/traffic-session.ts';

type Network = Browser['devtools']['network'];
type HarRequest = Parameters<Parameters<Network['onRequestFinished']['addListener']>[0]>[0];

export interface NetworkCaptureOptions {
  network: Network;
  session: TrafficSession;
  /** The inspected page navigated (a new document): its URL. */
  onNavigated(url: string): void;
  /** The new document's time origin; rows older than it go unless preserve log is on. */
  timeOrigin(): Promise<number | undefined>;
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
  const { network, session } = options;
  network.onRequestFinished.addListener((request: HarRequest) => {
    if (isWebSocketEntry(request) || !wantsBody(request)) {
      session.ingestHar(request);
      return;
    }
    void bodyOf(request).then((body) => session.ingestHar(request, body));
  });
  network.onNavigated.addListener((url: string) => {
    options.onNavigated(url);
    void options.timeOrigin().then((origin) => session.navigated(origin ?? Date.now()));
  });
}
