// Test support (Node): frame entries as the capture makes them.

import type { FrameEntry } from '../../../src/page/frame-entry.ts';
import type { List } from '../../../src/page/natives.ts';
import type { FrameKind } from '../../../src/protocol/index.ts';

let nextSeq = 1;

export function entry(
  text: string,
  { kind = 'receive' as FrameKind, important = false, pending = false, time = Date.now() } = {},
): FrameEntry {
  const seq = nextSeq++;
  return {
    frame: { seq, time, socket: 1, url: 'wss://ws.example/ws', kind, text },
    cost: text.length + 120,
    important,
    pending,
    evicted: false,
  };
}

/** A prototype-less list, as the wrapper's natives.list() makes. */
export function list<T>(): List<T> {
  const out: T[] = [];
  Object.setPrototypeOf(out, null);
  return out;
}

/** A list as an ordinary array, for expectations. */
export const toArray = <T>(items: List<T>): T[] =>
  Array.from({ length: items.length }, (_, i) => items[i] as T);
export const seqs = (entries: List<FrameEntry>) => toArray(entries).map((e) => e.frame.seq);
export const texts = (entries: List<FrameEntry>) => toArray(entries).map((e) => e.frame.text);
