// MAIN world (page): a bounded FIFO of frame entries, capped by count and by payload cost.
import type { FrameEntry } from './frame-entry.ts';
import type { List } from './natives.ts';

export interface FrameRing {
  push(entry: FrameEntry): void;
  /** An entry's payload arrived late (Blob): count it, evicting older entries if needed. */
  grow(entry: FrameEntry, delta: number): void;
  /** Oldest first. */
  at(index: number): FrameEntry | undefined;
  readonly size: number;
  readonly dropped: number;
}

/** `slots` is a prototype-less list (natives.list()): no Array method, no page accessor. */
export function createFrameRing(
  maxCount: number,
  maxCost: number,
  slots: List<FrameEntry | undefined>,
): FrameRing {
  // A fixed array with a moving head: no shift(), no page-patchable Array methods.
  let head = 0;
  let count = 0;
  let cost = 0;
  let dropped = 0;

  function dropOldest() {
    const oldest = slots[head];
    slots[head] = undefined;
    head = (head + 1) % maxCount;
    count -= 1;
    dropped += 1;
    if (oldest) {
      cost -= oldest.cost;
      oldest.evicted = true;
    }
  }

  // The newest entry always stays, even alone over the cost cap: the per-frame cap bounds it.
  function trim() {
    while (cost > maxCost && count > 1) dropOldest();
  }

  return {
    push(entry) {
      if (count === maxCount) dropOldest();
      slots[(head + count) % maxCount] = entry;
      count += 1;
      cost += entry.cost;
      trim();
    },
    grow(entry, delta) {
      if (entry.evicted) return;
      cost += delta;
      trim();
    },
    at(index) {
      return index < count ? slots[(head + index) % maxCount] : undefined;
    },
    get size() {
      return count;
    },
    get dropped() {
      return dropped;
    },
  };
}
