// Pure: the words of the kind column and of sources.
import type { RowKind, RowSource } from '../traffic/traffic-row.ts';

export const KIND_LABEL: Record<RowKind, string> = {
  http: 'HTTP',
  send: 'WS sent',
  receive: 'WS received',
  close: 'close',
  open: 'open',
  error: 'error',
};

export const SOURCE_LABEL: Record<RowSource, string> = {
  wrapper: "the page's WebSocket wrapper",
  network: 'DevTools network (HTTP)',
  devtools: 'DevTools network log of a socket without wrapper',
};
