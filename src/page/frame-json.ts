// MAIN world (page): serializes frames and batches by hand. JSON.stringify of an object consults
// toJSON on Object.prototype or Array.prototype (old Prototype.js pages define one); here only
// strings go through the captured stringify, so page patches cannot see or break a batch.
import type { CapturedFrame } from '../protocol/captured-frame.ts';
import { PROTOCOL_VERSION, SOURCE } from '../protocol/version.ts';
import type { FrameEntry } from './frame-entry.ts';

type Quote = (value: string) => string;

export function frameJson(f: CapturedFrame, quote: Quote): string {
  let out = `{"seq":${f.seq},"time":${f.time},"socket":${f.socket},"url":${quote(f.url)},"kind":"${f.kind}"`;
  if (f.text !== undefined) out += `,"text":${quote(f.text)}`;
  if (f.binary !== undefined) out += `,"binary":"${f.binary}"`;
  if (f.size !== undefined) out += `,"size":${f.size}`;
  if (f.truncated !== undefined) out += `,"truncated":${f.truncated}`;
  if (f.code !== undefined) out += `,"code":${f.code}`;
  if (f.reason !== undefined) out += `,"reason":${quote(f.reason)}`;
  if (f.wasClean !== undefined) out += `,"wasClean":${f.wasClean}`;
  if (f.protocol !== undefined) out += `,"protocol":${quote(f.protocol)}`;
  return `${out}}`;
}

/** A PageBatch as JSON. Entries are serialized each time they are sent: keeping the JSON for
 * later replays would double what the history holds, and replays are rare. */
export function batchJson(
  doc: string,
  entries: FrameEntry[],
  replay: boolean,
  dropped: number,
  quote: Quote,
): string {
  let frames = '';
  for (let i = 0; i < entries.length; i += 1) {
    const entry = entries[i] as FrameEntry;
    frames += (i === 0 ? '' : ',') + frameJson(entry.frame, quote);
  }
  return `{"source":"${SOURCE.page}","v":${PROTOCOL_VERSION},"type":"frames","doc":${quote(doc)},"replay":${replay},"dropped":${dropped},"frames":[${frames}]}`;
}

/** The wrapper's "I am listening" message. */
export const PAGE_READY_JSON = `{"source":"${SOURCE.page}","v":${PROTOCOL_VERSION},"type":"ready"}`;
