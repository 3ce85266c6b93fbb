// Pure: the words of the kind column and of sources.
import type { RowKind, RowSource, TrafficRow } from '../traffic/traffic-row.ts';

export const KIND_LABEL: Record<RowKind, string> = {
  http: 'HTTP',
  send: 'WS sent',
  receive: 'WS received',
  close: 'close',
  open: 'open',
  error: 'error',
};

/** The kind column of a row: a refused send is not listed as sent. */
export function kindLabel(row: Pick<TrafficRow, 'kind' | 'refused'>): string {
  return row.refused ? 'refused (socket closed)' : KIND_LABEL[row.kind];
}

export const SOURCE_LABEL: Record<RowSource, string> = {
  wrapper: "the page's WebSocket wrapper",
  network: 'DevTools network (HTTP)',
  devtools: 'DevTools network log of a socket without wrapper',
};
