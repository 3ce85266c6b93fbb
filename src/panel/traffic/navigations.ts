// Pure (clock injected): which of the inspected page's navigations load a new document, and from
// when that document's rows count. A same-document navigation (pushState, replaceState, a hash
// change: single-page apps do nothing else) keeps every row; a new document drops the older ones
// unless preserve log is on (traffic-session.ts decides that). Two witnesses, neither of which
// runs code in the page:
// - the top frame's relay says hello with its document's time origin (the hub's capture status):
//   a time origin not seen last is a new document, and it starts at that instant;
// - where no relay runs (a site capture is not enabled on), DevTools' own network log: after
//   DevTools reports a navigation, the document request for that URL says a new document loaded,
//   and it started when that request did. No such request (pushState): the same document.
import { harStartedAt, harUrl } from '../../core/capture/har-entry.ts';
import { field, stringField } from '../../core/json/fields.ts';
import type { CaptureDocument } from '../../protocol/index.ts';

export interface NavigationsOptions {
  /** A new top document: rows older than `since` (epoch ms) belong to the pages before it. */
  onNewDocument(since: number): void;
  now(): number;
  /** How long a reported navigation waits for its document request, and the reverse. */
  documentWaitMs?: number;
}

export interface Navigations {
  /** The hub's capture status. */
  documents(documents: readonly CaptureDocument[]): void;
  /** DevTools says the top document's URL changed (devtools.network.onNavigated). */
  urlChanged(url: string): void;
  /** Every finished request of DevTools' network log. */
  networkEntry(entry: unknown): void;
}

const withoutHash = (url: string): string => url.split('#', 1)[0] ?? url;

/** A page load in DevTools' log: Chromium says `_resourceType`; otherwise an HTML response. */
function isDocumentEntry(entry: unknown): boolean {
  const type = field(entry, '_resourceType');
  if (type !== undefined) return type === 'document';
  const mime = stringField(field(field(entry, 'response'), 'content'), 'mimeType') ?? '';
  return /^(text\/html|application\/xhtml\+xml)\b/i.test(mime);
}

interface Sighting {
  url: string;
  /** When the panel heard of it. */
  at: number;
}

export function createNavigations(options: NavigationsOptions): Navigations {
  const wait = options.documentWaitMs ?? 10_000;
  /** The time origin of the newest top document the hub reported. */
  let topOrigin: number | undefined;
  /** The newest instant a document was said to start at, by either witness. */
  let lastStart = Number.NEGATIVE_INFINITY;
  let navigation: Sighting | undefined;
  let documentRequest: (Sighting & { started: number }) | undefined;

  function newDocument(since: number): void {
    lastStart = since;
    options.onNewDocument(since);
  }

  /** The network witness: a reported navigation and its document request, in either order. */
  function paired(started: number): void {
    navigation = undefined;
    documentRequest = undefined;
    // The relay may have said so already, from an earlier instant of the same load.
    if (started > lastStart) newDocument(started);
  }

  return {
    documents(documents) {
      let newest: number | undefined;
      for (const doc of documents) {
        if (doc.frameId === 0 && (newest === undefined || doc.timeOrigin > newest)) {
          newest = doc.timeOrigin;
        }
      }
      // A relay reconnecting (the service worker restarted) repeats the same time origin.
      if (newest === undefined || newest === topOrigin) return;
      topOrigin = newest;
      newDocument(newest);
    },
    urlChanged(url) {
      const now = options.now();
      const sighting = { url: withoutHash(url), at: now };
      if (documentRequest?.url === sighting.url && now - documentRequest.at <= wait) {
        paired(documentRequest.started);
        return;
      }
      navigation = sighting;
    },
    networkEntry(entry) {
      if (!isDocumentEntry(entry)) return;
      const url = harUrl(entry);
      const started = harStartedAt(entry);
      if (url === undefined || started === undefined) return;
      const now = options.now();
      const request = { url: withoutHash(url), at: now, started };
      if (navigation?.url === request.url && now - navigation.at <= wait) {
        paired(started);
        return;
      }
      documentRequest = request;
    },
  };
}
