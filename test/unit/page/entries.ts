// Test support (Node): frame entries as the capture makes them.

import type { FrameEntry } from '../../../src/page/frame-entry.ts';
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

export const seqs = (entries: FrameEntry[]) => entries.map((e) => e.frame.seq);
export const texts = (entries: FrameEntry[]) => entries.map((e) => e.frame.text);
