// Pure: the fields of a row that follow from the others — its level, the text the filter
// searches, its weight in the store's memory budget and its host's exchange — worked out here
// for every row builder (live frames, DevTools' log, HTTP, imports, inflated frames), so a row
// rebuilt after inflation is searched and weighed exactly as one built at once.
import type { Detector } from '../../core/index.ts';
import { frameTag, haystackOf } from './row-text.ts';
import { levelOf, type TrafficRow } from './traffic-row.ts';

/** A row before its derived fields. */
export type RowParts = Omit<TrafficRow, 'level' | 'haystack' | 'weight' | 'hostExchange'>;

function payloadChars(parts: RowParts): number {
  const payload = parts.payload;
  if (!payload) return 0;
  const inflated = payload.inflated;
  return (
    (payload.text?.length ?? 0) +
    (payload.binary?.length ?? 0) +
    (inflated?.text?.length ?? 0) +
    (inflated?.binary?.length ?? 0)
  );
}

function requestChars(parts: RowParts): number {
  const request = parts.request;
  if (!request) return 0;
  let chars = request.body?.length ?? 0;
  for (const header of request.headers) chars += header.name.length + header.value.length;
  return chars;
}

/** The row with its derived fields; a row already complete (one rebuilt after inflation) may be
 * passed as its own parts: every derived field is worked out again. */
export function completeRow(parts: RowParts, detector: Detector): TrafficRow {
  const { url, preview, findings } = parts;
  const row: TrafficRow = {
    ...parts,
    level: levelOf(parts.kind, findings),
    haystack: haystackOf(url, preview, findings) + frameTag(parts).toLowerCase(),
    weight:
      url.length +
      preview.length +
      payloadChars(parts) +
      requestChars(parts) +
      (parts.close?.reason.length ?? 0),
  };
  const hostExchange = detector.exchangeOfUrl(url);
  if (hostExchange !== undefined) row.hostExchange = hostExchange;
  else delete row.hostExchange;
  return row;
}
