// Where a finding was seen, in the words of the `-->` line: "entry 3: POST https://... (HTTP 400)",
// "entry 5: GET wss://..., frame 2 (received)", "line 4: wss://... (close frame)", prefixed
// with the file when several were scanned. Counted from 1 like a compiler's line numbers; the
// JSON items keep the 0-based indexes.
import type { FindingJson } from './json-item.ts';
import { printable } from './printable.ts';

function what(item: FindingJson): string {
  switch (item.eventType) {
    case 'http':
      return item.httpStatus !== undefined ? ` (HTTP ${item.httpStatus})` : '';
    case 'ws': {
      const frame = item.frame !== undefined ? `, frame ${item.frame + 1}` : '';
      const packed = item.compression ? `, ${item.compression}-compressed` : '';
      return `${frame} (${item.direction === 'send' ? 'sent' : 'received'}${packed})`;
    }
    case 'close':
      return item.wasClean === false ? ' (close frame, not clean)' : ' (close frame)';
  }
}

/** "entry 3" or "line 4", counted from 1. */
export function placeOf(item: FindingJson): string {
  return item.capture === 'har' ? `entry ${item.index + 1}` : `line ${item.index + 1}`;
}

export function describeLocation(item: FindingJson, withFile = false): string {
  const file = withFile ? `${printable(item.file)}: ` : '';
  const method = item.method ? `${printable(item.method)} ` : '';
  const path = item.path ? `, item ${printable(item.path)}` : '';
  return `${file}${placeOf(item)}: ${method}${printable(item.url)}${what(item)}${path}`;
}
