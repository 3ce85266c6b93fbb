// Pure: which frame sequence numbers the panel already holds, per document, so a replay after a
// service-worker restart or a port reconnect adds only what is new.

/** Ranges kept per document; beyond it the two oldest merge (a gap between them counts as seen). */
const MAX_RANGES = 1024;
/** Documents remembered; a long session of reloads forgets the oldest. */
const MAX_DOCUMENTS = 256;

/**
 * Seen numbers of one document as sorted, disjoint [start, end] ranges. Frames arrive almost
 * always in order, so the common case extends the last range in O(1); replays with gaps (the
 * page dropped frames from its history) stay a handful of ranges.
 */
export class SeenSeqs {
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];

  /** Records seq; true when it had not been seen before. */
  mark(seq: number): boolean {
    const { starts, ends } = this;
    const last = ends.length - 1;
    const lastEnd = ends[last];
    if (lastEnd === undefined || seq > lastEnd + 1) {
      starts.push(seq);
      ends.push(seq);
      this.bound();
      return true;
    }
    if (seq === lastEnd + 1) {
      ends[last] = seq;
      return true;
    }
    // Index of the last range starting at or before seq (-1 when none).
    let lo = 0;
    let hi = last;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if ((starts[mid] as number) <= seq) lo = mid + 1;
      else hi = mid - 1;
    }
    const i = hi;
    if (i >= 0 && seq <= (ends[i] as number)) return false;
    const joinsLeft = i >= 0 && ends[i] === seq - 1;
    const joinsRight = starts[i + 1] === seq + 1;
    if (joinsLeft && joinsRight) {
      ends[i] = ends[i + 1] as number;
      starts.splice(i + 1, 1);
      ends.splice(i + 1, 1);
    } else if (joinsLeft) {
      ends[i] = seq;
    } else if (joinsRight) {
      starts[i + 1] = seq;
    } else {
      starts.splice(i + 1, 0, seq);
      ends.splice(i + 1, 0, seq);
      this.bound();
    }
    return true;
  }

  get ranges(): number {
    return this.starts.length;
  }

  private bound(): void {
    if (this.starts.length <= MAX_RANGES) return;
    this.ends[0] = this.ends[1] as number;
    this.starts.splice(1, 1);
    this.ends.splice(1, 1);
  }
}

/** Documents remembered per frame: a frame shows one at a time, a few more come back from the
 * back/forward cache; a frame that loads many cannot push out another frame's. */
const MAX_DOCUMENTS_PER_FRAME = 8;

interface DocumentSeqs {
  frameId: number;
  seen: SeenSeqs;
  /** Highest seq taken. */
  max: number;
  /** Distinct seqs taken. */
  taken: number;
  /** The highest running total of frames the page's history dropped, as its batches said. */
  dropped: number;
  /** When it last took a frame (a counter): the least recent is forgotten first. */
  used: number;
}

/**
 * (frameId, doc, seq) triples already taken. The frame id is the sender's as the browser named
 * it to the hub, and the document id the relay's or the browser's, never the page's: a document
 * cannot touch the numbers of another frame or another document. The wrapper numbers a
 * document's frames 1, 2, 3...: a number below the highest one that never arrived is a frame
 * the panel will not get, but only as many as the page's history says it dropped (a jump in
 * the numbers is not a loss by itself).
 */
export class FrameDeduper {
  private readonly docs = new Map<string, DocumentSeqs>();
  private clock = 0;

  /** True when the frame is new for its frame's document; records it. */
  accept(frameId: number, doc: string, seq: number): boolean {
    const entry = this.entry(frameId, doc);
    entry.used = ++this.clock;
    if (!entry.seen.mark(seq)) return false;
    entry.taken++;
    if (seq > entry.max) entry.max = seq;
    return true;
  }

  /** The page's running total of frames its history dropped, from a batch's `dropped`. */
  reportDropped(frameId: number, doc: string, dropped: number): void {
    const entry = this.docs.get(key(frameId, doc));
    if (entry && dropped > entry.dropped) entry.dropped = dropped;
  }

  /** Frames below the highest seen of their document that never arrived and that the page
   * dropped: never more than either. */
  missing(): number {
    let total = 0;
    for (const entry of this.docs.values()) {
      total += Math.max(0, Math.min(entry.max - entry.taken, entry.dropped));
    }
    return total;
  }

  private entry(frameId: number, doc: string): DocumentSeqs {
    const id = key(frameId, doc);
    const existing = this.docs.get(id);
    if (existing) return existing;
    this.makeRoom(frameId);
    const created: DocumentSeqs = {
      frameId,
      seen: new SeenSeqs(),
      max: 0,
      taken: 0,
      dropped: 0,
      used: this.clock,
    };
    this.docs.set(id, created);
    return created;
  }

  /** Forgets the least recently used document of this frame when it has too many, and overall
   * the least recently used of a frame other than the top one (frame 0 is never pushed out by
   * others; its own documents are bounded per frame). */
  private makeRoom(frameId: number): void {
    let ofFrame = 0;
    let oldestOfFrame: string | undefined;
    let oldestOther: string | undefined;
    let frameUsed = Number.POSITIVE_INFINITY;
    let otherUsed = Number.POSITIVE_INFINITY;
    for (const [id, entry] of this.docs) {
      if (entry.frameId === frameId) {
        ofFrame++;
        if (entry.used < frameUsed) [frameUsed, oldestOfFrame] = [entry.used, id];
      }
      if (entry.frameId !== 0 && entry.used < otherUsed)
        [otherUsed, oldestOther] = [entry.used, id];
    }
    if (ofFrame >= MAX_DOCUMENTS_PER_FRAME && oldestOfFrame !== undefined) {
      this.docs.delete(oldestOfFrame);
    } else if (this.docs.size >= MAX_DOCUMENTS && oldestOther !== undefined) {
      this.docs.delete(oldestOther);
    }
  }
}

const key = (frameId: number, doc: string): string => `${frameId} ${doc}`;
