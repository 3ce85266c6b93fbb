// Pure: one row of the traffic list, built once on arrival and never changed afterwards.
import type { Compression } from '../../core/bytes/compression.ts';
import type { ExchangeId, Finding } from '../../core/index.ts';

/** What the row shows in its kind column; data-kind carries the same value. */
export type RowKind = 'http' | 'send' | 'receive' | 'close' | 'open' | 'error';

/**
 * Who saw it: the page's WebSocket wrapper, DevTools' network log (HTTP), or DevTools' log of a
 * socket the wrapper never reported (no close codes for those).
 */
export type RowSource = 'wrapper' | 'network' | 'devtools';

/** 'error' rows carry at least one error finding (or are a socket error); 'note' only info. */
export type RowLevel = 'error' | 'note' | 'plain';

export interface RowPayload {
  text?: string;
  /** Binary payload, base64. */
  binary?: string;
  /** Full size before any cut: bytes, or UTF-16 units for text captured by the page. */
  size?: number;
  truncated?: boolean;
  /** A binary frame that was gzip, zlib or raw deflate: what it inflated to. */
  inflated?: RowInflated;
}

/** A compressed frame inflated before its row was built (inflated-row.ts). */
export interface RowInflated {
  format: Compression;
  /** The inflated payload as text when it is UTF-8; otherwise its bytes, base64. */
  text?: string;
  binary?: string;
  /** Compressed bytes read, and inflated bytes kept. */
  fromBytes: number;
  bytes: number;
  /** Inflation stopped at INFLATE_LIMITS.maxOutputBytes, or the capture had cut the input. */
  cut?: boolean;
}

export interface RowClose {
  code: number;
  reason: string;
  wasClean?: boolean;
}

/** An HTTP row's request as sent, kept for the signing pane (which re-reads its signature) and
 * the reply's Date header for its clock check. Panel memory only, like the rest of the row. */
export interface RowRequest {
  /** As HAR lists them, Cookie left out; capped in number and size. */
  headers: readonly { name: string; value: string }[];
  /** The body as sent (HAR postData.text), when there was one. */
  body?: string;
  /** The body was longer than the panel keeps: its signature cannot be re-checked. */
  truncated?: boolean;
  /** Epoch ms the request started. */
  sentAt: number;
  /** The reply's Date header: the server's clock, to the second. */
  replyDate?: string;
}

export interface TrafficRow {
  /** Arrival order, unique within the panel: rows are always sorted by it. */
  id: number;
  /** Epoch milliseconds. */
  time: number;
  kind: RowKind;
  source: RowSource;
  url: string;
  /** Host and path, plus "#socket" for WebSocket rows. */
  where: string;
  /** The page's own number of the socket, counted per document. */
  socket?: number;
  /** The number the list shows ("#2"), per frame label: see socket-labels.ts. */
  listNumber?: number;
  doc?: string;
  frameId?: number;
  /** The URL of the frame's document, for a socket outside the top document. */
  frameUrl?: string;
  seq?: number;
  method?: string;
  status?: number;
  size?: number;
  /** HTTP rows: the response's MIME type, as DevTools logged it (kept for the HAR export). */
  mimeType?: string;
  /** One line, whitespace collapsed, capped. */
  preview: string;
  payload?: RowPayload;
  close?: RowClose;
  protocol?: string;
  /** A send() on a closing or closed socket: the browser discarded it, nothing was sent. */
  refused?: true;
  request?: RowRequest;
  findings: readonly Finding[];
  level: RowLevel;
  /** Rows loaded from a HAR file: the file and the entry (from 0) the row came from. */
  imported?: { file: string; entry: number };
  /** Lower-cased text the filter searches: URL, preview, codes and messages. */
  haystack: string;
  /** Characters held by the row, for the store's memory budget. */
  weight: number;
  /** The exchange of the URL's host by the user's host map and the bundled hosts, as the
   * detector that built the row decided (the `exchange:` filter reads it). */
  hostExchange?: ExchangeId;
}

/** Where a row's level comes from: its findings, or the socket error it reports. */
export function levelOf(kind: RowKind, findings: readonly Finding[]): RowLevel {
  if (kind === 'error') return 'error';
  if (findings.some((f) => f.severity === 'error')) return 'error';
  return findings.length > 0 ? 'note' : 'plain';
}
