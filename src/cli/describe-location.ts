// Where a finding was seen, in the words of the `-->` line: "entry 3: POST https://... (HTTP 400)",
// "entry 5: GET wss://..., frame 2 (received)", "line 4: wss://... (close frame)". Counted from 1
// like a compiler's line numbers; the JSON items keep the 0-based indexes.
import type { FindingJson } from './json-item.ts';
import { printable } from './printable.ts';
import type { CaptureKind } from './sourced-event.ts';

function what(item: FindingJson): string {
  switch (item.eventType) {
    case 'http':
      return item.httpStatus !== undefined ? ` (HTTP ${item.httpStatus})` : '';
    case 'ws': {
      const frame = item.frame !== undefined ? `, frame ${item.frame + 1}` : '';
      return `${frame} (${item.direction === 'send' ? 'sent' : 'received'})`;
    }
    case 'close':
      return item.wasClean === false ? ' (close frame, not clean)' : ' (close frame)';
  }
}

export function describeLocation(item: FindingJson, kind: CaptureKind): string {
  const where = kind === 'har' ? `entry ${item.index + 1}` : `line ${item.index + 1}`;
  const method = item.method ? `${printable(item.method)} ` : '';
  const path = item.path ? `, item ${printable(item.path)}` : '';
  return `${where}: ${method}${printable(item.url)}${what(item)}${path}`;
}
