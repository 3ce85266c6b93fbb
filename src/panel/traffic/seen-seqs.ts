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
  add(seq: number): boolean {
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

interface DocumentSeqs {
  seen: SeenSeqs;
  /** Highest seq taken. */
  max: number;
  /** Distinct seqs taken. */
  taken: number;
}

/**
 * (doc, seq) pairs already taken, across documents. The wrapper numbers a document's frames
 * 1, 2, 3...: every number below the highest one that never arrived is a frame the panel will
 * not get (the page's history dropped it before it could be sent).
 */
export class FrameDeduper {
  private readonly docs = new Map<string, DocumentSeqs>();

  /** True when the frame is new for its document; records it. */
  accept(doc: string, seq: number): boolean {
    let entry = this.docs.get(doc);
    if (!entry) {
      entry = { seen: new SeenSeqs(), max: 0, taken: 0 };
      this.docs.set(doc, entry);
      if (this.docs.size > MAX_DOCUMENTS) {
        const oldest = this.docs.keys().next().value;
        if (oldest !== undefined) this.docs.delete(oldest);
      }
    }
    if (!entry.seen.add(seq)) return false;
    entry.taken++;
    if (seq > entry.max) entry.max = seq;
    return true;
  }

  /** Frames numbered below the highest seen of their document that never arrived. */
  missing(): number {
    let total = 0;
    for (const entry of this.docs.values()) total += Math.max(0, entry.max - entry.taken);
    return total;
  }
}
