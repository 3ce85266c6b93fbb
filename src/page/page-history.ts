// MAIN world (page): the recent history the page keeps while no panel is open, replayed when one
// connects. Ordinary messages and important frames (opens, closes, errors, error-looking
// messages) have separate caps, so a market-data flood cannot push an error out.
import type { CaptureLimits } from './capture-limits.ts';
import type { FrameEntry } from './frame-entry.ts';
import { createFrameRing } from './frame-ring.ts';
import type { List } from './natives.ts';

export interface PageHistory {
  keep(entry: FrameEntry): void;
  grow(entry: FrameEntry, delta: number): void;
  /** Everything kept, in seq order. */
  entries(): List<FrameEntry>;
  /** Frames pushed out by the caps so far. */
  readonly dropped: number;
}

export function createPageHistory(
  limits: Pick<CaptureLimits, 'historyMessages' | 'historyChars' | 'keptFrames' | 'keptChars'>,
  /** Makes a prototype-less list (natives.list). */
  list: <T>() => List<T>,
): PageHistory {
  const messages = createFrameRing(limits.historyMessages, limits.historyChars, list());
  const kept = createFrameRing(limits.keptFrames, limits.keptChars, list());
  const ringOf = (entry: FrameEntry) => (entry.important ? kept : messages);

  return {
    keep: (entry) => ringOf(entry).push(entry),
    grow: (entry, delta) => ringOf(entry).grow(entry, delta),
    entries() {
      // Both rings are in seq order: merge them.
      const out = list<FrameEntry>();
      let m = 0;
      let k = 0;
      for (;;) {
        const a = messages.at(m);
        const b = kept.at(k);
        if (!a && !b) return out;
        if (a && (!b || a.frame.seq < b.frame.seq)) {
          out[out.length] = a;
          m += 1;
        } else if (b) {
          out[out.length] = b;
          k += 1;
        }
      }
    },
    get dropped() {
      return messages.dropped + kept.dropped;
    },
  };
}
