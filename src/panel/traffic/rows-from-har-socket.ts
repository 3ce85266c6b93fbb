// Pure: rows for a socket our own export wrote (`_source: "wrapper"`): its open, frames, errors
// and close frame turned back into the frames the page's wrapper reported, and built into rows
// by the same function as live frames, so an exported session imports as it was shown.
import {
  harSocketClose,
  harSocketMessages,
  harSocketOpen,
  harSocketOrigin,
  harStartedAt,
  harUrl,
} from '../../core/capture/har-entry.ts';
import type { Detector } from '../../core/index.ts';
import type { CapturedFrame } from '../../protocol/index.ts';
import { rowFromFrame } from './rows-from-frames.ts';
import type { SocketLabel } from './socket-labels.ts';
import type { TrafficRow } from './traffic-row.ts';

export function* wrapperRowsOf(entry: unknown, detector: Detector): Generator<TrafficRow> {
  const url = harUrl(entry);
  if (url === undefined) return;
  const origin = harSocketOrigin(entry);
  const started = harStartedAt(entry) ?? 0;
  const socket = origin.socket ?? 1;
  const frameId = origin.frameId ?? 0;
  // Listed under the number and frame it had in the panel that exported it (rowFromFrame names
  // the frame from its URL, and caps what the file claims).
  const label: SocketLabel = {
    number: origin.listNumber ?? socket,
    ...(origin.frameUrl !== undefined && frameId !== 0 ? { frameUrl: origin.frameUrl } : {}),
  };
  const from = { doc: origin.document ?? 'imported', frameId, label };
  let seq = 0;
  const frame = (parts: Pick<CapturedFrame, 'kind'> & Partial<CapturedFrame>): CapturedFrame => ({
    seq: ++seq,
    time: started,
    socket,
    url,
    ...parts,
  });
  const build = (captured: CapturedFrame) => rowFromFrame(captured, from, 0, detector);

  const open = harSocketOpen(entry);
  if (open) {
    yield build(
      frame({
        kind: 'open',
        time: open.time ?? started,
        ...(open.protocol ? { protocol: open.protocol } : {}),
      }),
    );
  }
  for (const [, message] of harSocketMessages(entry)) {
    const time = message.time ?? started;
    if (message.type === 'error') {
      yield build(frame({ kind: 'error', time }));
      continue;
    }
    if (message.opcode !== 1 && message.opcode !== 2) continue;
    const payload = message.opcode === 1 ? { text: message.data } : { binary: message.data };
    yield build(
      frame({
        kind: message.type,
        time,
        ...payload,
        ...(message.size !== undefined ? { size: message.size } : {}),
        ...(message.truncated ? { truncated: true } : {}),
      }),
    );
  }
  const close = harSocketClose(entry);
  if (close) {
    yield build(
      frame({
        kind: 'close',
        time: close.time ?? started,
        code: close.code,
        reason: close.reason,
        ...(close.wasClean !== undefined ? { wasClean: close.wasClean } : {}),
      }),
    );
  }
}
