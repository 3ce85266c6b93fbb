// Pure: how a wrapper row names its socket. Sockets are numbered per frame — "#1", "#2" in the
// order the panel first sees them — and a socket outside the top document adds the frame's
// origin: "#1 · frame https://other.example:8443". The page counts sockets per document, so an
// iframe beside the top page, an iframe reloaded, or two pages kept by preserve log would each
// have a "#1": here every (frame, document, socket) gets its own number within its label, so no
// two sockets listed read alike. Frame URLs come from the hub's capture status.
import type { CaptureDocument } from '../../protocol/index.ts';
import type { TrafficRow } from './traffic-row.ts';

export interface SocketLabel {
  /** The number the list shows: unique among the sockets listed under the same frame label. */
  number: number;
  /** The frame's document URL, for a socket outside the top document (when the hub said). */
  frameUrl?: string;
  /** "frame https://other.example:8443" (or "frame 15" while its URL is unknown); absent on top.
   * Sockets are numbered per such label; rows name their frame by row-text.ts's frameTag. */
  frame?: string;
}

/** Sockets remembered at most; past it numbering restarts (a page opening sockets in a loop). */
const MAX_SOCKETS = 10_000;
const MAX_FRAMES = 1_000;

function originOf(url: string): string {
  try {
    const { origin } = new URL(url);
    return origin === 'null' ? url : origin;
  } catch {
    return url;
  }
}

/** "frame https://other.example:8443" (or "frame 15" while its URL is unknown); undefined on top. */
export function frameLabel(frameId: number, frameUrl: string | undefined): string | undefined {
  if (frameId === 0) return undefined;
  return `frame ${frameUrl !== undefined ? originOf(frameUrl) : frameId}`;
}

export class SocketLabels {
  private readonly frameUrls = new Map<number, string>();
  private readonly numbers = new Map<string, SocketLabel>();
  private readonly counts = new Map<string, number>();

  /** The documents the hub says run the wrapper: the latest URL of each frame is kept. */
  setDocuments(documents: readonly CaptureDocument[]): void {
    for (const { frameId, url } of documents) {
      if (this.frameUrls.size >= MAX_FRAMES && !this.frameUrls.has(frameId)) this.frameUrls.clear();
      this.frameUrls.set(frameId, url);
    }
  }

  labelOf(frameId: number, doc: string, socket: number): SocketLabel {
    const key = `${frameId} ${doc} ${socket}`;
    const known = this.numbers.get(key);
    if (known) return known;
    if (this.numbers.size >= MAX_SOCKETS) this.restart();
    const frameUrl = frameId === 0 ? undefined : this.frameUrls.get(frameId);
    const frame = frameLabel(frameId, frameUrl);
    const group = frame ?? 'top';
    const number = (this.counts.get(group) ?? 0) + 1;
    this.counts.set(group, number);
    const label: SocketLabel = {
      number,
      ...(frameUrl !== undefined ? { frameUrl } : {}),
      ...(frame !== undefined ? { frame } : {}),
    };
    this.numbers.set(key, label);
    return label;
  }

  /**
   * Only these rows' sockets are still listed (a new page dropped the others): their numbers
   * stay, the others are free again, so the next page's first socket is #1 once more.
   */
  keepOnly(rows: readonly Pick<TrafficRow, 'frameId' | 'doc' | 'socket'>[]): void {
    const listed = new Set<string>();
    for (const { frameId, doc, socket } of rows) {
      if (frameId !== undefined && doc !== undefined && socket !== undefined) {
        listed.add(`${frameId} ${doc} ${socket}`);
      }
    }
    this.counts.clear();
    for (const [key, label] of [...this.numbers]) {
      if (!listed.has(key)) {
        this.numbers.delete(key);
        continue;
      }
      const group = label.frame ?? 'top';
      this.counts.set(group, Math.max(this.counts.get(group) ?? 0, label.number));
    }
  }

  /** A clear: numbering starts again at #1. */
  restart(): void {
    this.numbers.clear();
    this.counts.clear();
  }
}
