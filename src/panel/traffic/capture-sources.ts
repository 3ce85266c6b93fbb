// Pure: reconciles the panel's two sources of WebSocket traffic. The page's wrapper reports
// frames with close codes; DevTools' network log reports every socket, but without them. A
// socket DevTools logged waits a moment for the wrapper's frames of the same URL and is shown
// from DevTools' log only when the wrapper never reported it. Replays are de-duplicated here,
// and gaps in the wrapper's sequence numbers counted as frames the panel never got.
import { isWebSocketEntry } from '../../core/capture/har-entry.ts';
import type { Detector } from '../../core/index.ts';
import type { CaptureDocument, TabFrames } from '../../protocol/index.ts';
import { type LoggedSocket, loggedSocket } from './logged-socket.ts';
import { type RowIds, rowsFromTabFrames } from './rows-from-frames.ts';
import { fallbackRowsFromSocket, httpRowFromEntry } from './rows-from-har.ts';
import { FrameDeduper } from './seen-seqs.ts';
import { SocketLabels } from './socket-labels.ts';
import type { TrafficRow } from './traffic-row.ts';

export interface CaptureSources {
  /** Rows for the wrapper's frames the panel does not hold yet. */
  fromWrapper(message: TabFrames, detector: Detector): TrafficRow[];
  /** An HTTP entry's row now; a socket's entry is held until `due` (then takeDue has it). */
  fromNetwork(
    entry: unknown,
    body: string | undefined,
    detector: Detector,
    due: number,
  ): TrafficRow[] | 'held';
  /** Held sockets due by `now` that the wrapper never reported, as rows. */
  takeDue(now: number): TrafficRow[];
  nextDue(): number | undefined;
  /** Frames of the tab's pages that never reached the panel, since the last forgetDrops(). */
  pageDropped(): number;
  forgetDrops(): void;
  /** Forgets sockets still held back. */
  dropHeld(): void;
  /** The documents the hub says run the wrapper: which frame has which URL. */
  setDocuments(documents: readonly CaptureDocument[]): void;
  /** Socket numbers of sockets no longer listed are free again (a new page, a clear). */
  keepNumbersOf(rows: readonly TrafficRow[]): void;
}

const MAX_WRAPPER_URLS = 2_000;

function normaliseUrl(url: string): string {
  try {
    return new URL(url).href;
  } catch {
    return url;
  }
}

export function createCaptureSources(ids: RowIds): CaptureSources {
  const seen = new FrameDeduper();
  const labels = new SocketLabels();
  const wrapperUrls = new Set<string>();
  let held: { socket: LoggedSocket; due: number; detector: Detector }[] = [];
  /** Gaps already there at the last clear or navigation: not news any more. */
  let missingBaseline = 0;

  function rememberWrapperUrls(message: TabFrames): void {
    for (const frame of message.frames) {
      if (wrapperUrls.has(frame.url)) continue;
      if (wrapperUrls.size >= MAX_WRAPPER_URLS) wrapperUrls.clear();
      wrapperUrls.add(frame.url);
      wrapperUrls.add(normaliseUrl(frame.url));
    }
  }

  return {
    fromWrapper(message, detector) {
      rememberWrapperUrls(message);
      return rowsFromTabFrames(message, seen, ids, detector, labels);
    },
    fromNetwork(entry, body, detector, due) {
      if (isWebSocketEntry(entry)) {
        // Held as a copy cut to the page's cap: the entry carries every message whole.
        const socket = loggedSocket(entry);
        if (socket) held.push({ socket, due, detector });
        return 'held';
      }
      const row = httpRowFromEntry(entry, body, ids.next(), detector);
      return row ? [row] : [];
    },
    takeDue(now) {
      if (held.length === 0) return [];
      const rows: TrafficRow[] = [];
      const waiting: typeof held = [];
      for (const item of held) {
        if (item.due > now) {
          waiting.push(item);
          continue;
        }
        // The wrapper reported this socket: its frames (with close codes) are already shown.
        if (wrapperUrls.has(normaliseUrl(item.socket.url))) continue;
        rows.push(...fallbackRowsFromSocket(item.socket, ids, item.detector));
      }
      held = waiting;
      return rows;
    },
    nextDue() {
      let soonest: number | undefined;
      for (const item of held) if (soonest === undefined || item.due < soonest) soonest = item.due;
      return soonest;
    },
    pageDropped() {
      return Math.max(0, seen.missing() - missingBaseline);
    },
    forgetDrops() {
      missingBaseline = seen.missing();
    },
    dropHeld() {
      held = [];
    },
    setDocuments: (documents) => labels.setDocuments(documents),
    keepNumbersOf: (rows) => (rows.length === 0 ? labels.restart() : labels.keepOnly(rows)),
  };
}
