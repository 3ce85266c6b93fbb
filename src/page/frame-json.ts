// MAIN world (page): serializes frames and batches by hand. JSON.stringify of an object consults
// toJSON on Object.prototype or Array.prototype (old Prototype.js pages define one); here only
// strings go through the captured stringify, so page patches cannot see or break a batch. Every
// field read is an own property of a frame made with all its fields (see newFrame).
import type { CapturedFrame } from '../protocol/captured-frame.ts';
import { PROTOCOL_VERSION, SOURCE } from '../protocol/version.ts';
import type { FrameEntry } from './frame-entry.ts';
import type { List } from './natives.ts';

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
  if (f.refused !== undefined) out += `,"refused":${f.refused}`;
  return `${out}}`;
}

/** entries[from..to) as a PageBatch in JSON. Entries are serialized each time they are sent:
 * keeping the JSON for later replays would double what the history holds, and replays are rare. */
export function batchJson(
  entries: List<FrameEntry>,
  from: number,
  to: number,
  replay: boolean,
  dropped: number,
  quote: Quote,
): string {
  let frames = '';
  for (let i = from; i < to; i += 1) {
    const entry = entries[i] as FrameEntry;
    frames += (i === from ? '' : ',') + frameJson(entry.frame, quote);
  }
  return `{"source":"${SOURCE.page}","v":${PROTOCOL_VERSION},"type":"frames","replay":${replay},"dropped":${dropped},"frames":[${frames}]}`;
}
