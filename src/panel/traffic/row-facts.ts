// Pure: what filters and pairing read of a row beyond its text, worked out once per row (on
// arrival, by the session) and remembered with the row: the frame's operation and channel, its
// request or reply keys, the codes it carries and the exchanges it concerns.
import { type MessageShape, messageShape } from '../../core/pairing/message-shape.ts';
import type { TrafficRow } from './traffic-row.ts';

export interface RowFacts {
  shape: MessageShape;
  /** Codes of the findings, and a close row's code. */
  codes: readonly string[];
  /** Exchange ids of the findings and of the URL's host (by the user's host map too). */
  exchanges: readonly string[];
}

const EMPTY_SHAPE: MessageShape = Object.freeze({});
const remembered = new WeakMap<TrafficRow, RowFacts>();

/** The text a frame's shape is read from: its inflated text when it was compressed. */
export function frameText(row: TrafficRow): string | undefined {
  if (row.kind !== 'send' && row.kind !== 'receive') return undefined;
  return row.payload?.inflated?.text ?? row.payload?.text;
}

function computeFacts(row: TrafficRow): RowFacts {
  const text = frameText(row);
  const shape =
    text !== undefined && (row.kind === 'send' || row.kind === 'receive')
      ? messageShape(row.kind, text)
      : EMPTY_SHAPE;
  const codes = row.findings.map((finding) => finding.code);
  if (row.close && !codes.includes(String(row.close.code))) codes.push(String(row.close.code));
  const exchanges = new Set<string>();
  for (const finding of row.findings)
    if (finding.exchange !== 'unknown') exchanges.add(finding.exchange);
  if (row.hostExchange !== undefined) exchanges.add(row.hostExchange);
  return { shape, codes, exchanges: [...exchanges] };
}

export function factsOf(row: TrafficRow): RowFacts {
  let facts = remembered.get(row);
  if (!facts) {
    facts = computeFacts(row);
    remembered.set(row, facts);
  }
  return facts;
}
