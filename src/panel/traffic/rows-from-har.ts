// Pure: rows from DevTools' network log (HAR entries): one row per HTTP response, and for a
// WebSocket the wrapper never reported, one row per message Chromium logged (no close codes).
// Bodies and messages are cut to the page's per-frame cap before anything reads them
// (kept-payload.ts): detection, previews and rows see the kept part, like the wrapper frames.

import { base64Bytes } from '../../core/bytes/base64.ts';
import { hexHead } from '../../core/bytes/hex-dump.ts';
import {
  harContentSize,
  harDuration,
  harMimeType,
  harRequestBody,
  harRequestHeaders,
  harStartedAt,
  harStatus,
  httpEventOf,
  isWebSocketEntry,
  socketMessageData,
} from '../../core/capture/har-entry.ts';
import { MAX_BINARY_DECODE } from '../../core/detect/payload-text.ts';
import { cutWhole } from '../../core/hidden-chars.ts';
import type { Detector, ObservedEvent } from '../../core/index.ts';
import { FRAME_LIMITS, PAYLOAD_CAP } from '../../protocol/index.ts';
import { completeRow, type RowParts } from './complete-row.ts';
import { compressionOfBase64 } from './inflated-row.ts';
import { keptText } from './kept-payload.ts';
import { type KeptSocketMessage, type LoggedSocket, loggedSocket } from './logged-socket.ts';
import { hostAndPath, oneLine } from './row-text.ts';
import type { RowIds } from './rows-from-frames.ts';
import type { RowKind, RowPayload, RowRequest, TrafficRow } from './traffic-row.ts';

/** Bodies are held up to this many characters: the page's per-frame cap. */
export const MAX_BODY_CHARS = PAYLOAD_CAP.chars;
/** Request bodies kept for the signing pane: an order or a batch, not an upload. */
export const MAX_REQUEST_BODY_CHARS = 64 * 1024;
const MAX_REQUEST_HEADERS = 100;
const MAX_HEADER_CHARS = 8 * 1024;

export const FALLBACK_NOTE =
  'Seen by DevTools network only: close codes are not available for this socket (no wrapper ran: the site is not enabled, or the socket was opened inside a Worker)';

/** Requests DevTools logs that are never exchange traffic. */
export function isIgnoredUrl(url: string): boolean {
  return /^(data|blob|chrome-extension|moz-extension|about|chrome):/i.test(url);
}

/**
 * Whether the body is worth fetching (getContent costs an IPC and a copy): API-looking
 * responses and failures, not images, scripts or style sheets.
 */
export function wantsBody(entry: unknown): boolean {
  const status = harStatus(entry);
  if (/image|font|css|javascript|ecmascript|html|video|audio|wasm/.test(harMimeType(entry))) {
    return status >= 400;
  }
  return true;
}

/** The request as sent, for the signing pane: headers (no cookies: signing never needs them), the
 * body, and the reply's Date header. */
function requestOf(
  entry: unknown,
  sentAt: number,
  reply: Readonly<Record<string, string>>,
): RowRequest {
  const headers: { name: string; value: string }[] = [];
  for (const { name, value } of harRequestHeaders(entry, MAX_REQUEST_HEADERS)) {
    if (name.toLowerCase() === 'cookie') continue;
    headers.push({ name, value: value.slice(0, MAX_HEADER_CHARS) });
  }
  const kept: RowRequest = { headers, sentAt };
  const body = harRequestBody(entry);
  if (body !== undefined) {
    const cut = keptText(body, MAX_REQUEST_BODY_CHARS);
    kept.body = cut.text;
    if (cut.truncated) kept.truncated = true;
  }
  if (reply.date !== undefined) kept.replyDate = reply.date;
  return kept;
}

function startedAt(entry: unknown): number {
  return harStartedAt(entry) ?? Date.now();
}

/** URLs are held to the relay's cap on live frames' URLs, whichever log they come from. */
const keptUrl = (url: string): string => cutWhole(url, FRAME_LIMITS.maxUrl);

/** The HTTP row of a finished request; undefined for WebSockets and ignored URLs. */
export function httpRowFromEntry(
  entry: unknown,
  fullBody: string | undefined,
  id: number,
  detector: Detector,
): TrafficRow | undefined {
  const kept = fullBody === undefined ? undefined : keptText(fullBody, MAX_BODY_CHARS);
  const body = kept?.text;
  const event = httpEventOf(entry, body);
  if (!event || isIgnoredUrl(event.url) || isWebSocketEntry(entry)) return undefined;
  const { status, headers = {} } = event;
  const url = keptUrl(event.url);
  const method = event.method ?? 'GET';
  const findings = detector.detect({ ...event, method });
  const size = harContentSize(entry) ?? kept?.size;
  const statusText = status === 0 ? 'failed' : String(status);
  const head = body ? ` · ${oneLine(body)}` : '';
  const started = startedAt(entry);
  const parts: RowParts = {
    id,
    time: started + (harDuration(entry) ?? 0),
    kind: 'http',
    source: 'network',
    url,
    where: hostAndPath(url),
    method,
    status,
    preview: oneLine(`${method} ${statusText}${head}`),
    request: requestOf(entry, started, headers),
    findings,
  };
  if (size !== undefined) parts.size = size;
  const mimeType = harMimeType(entry);
  if (mimeType !== '') parts.mimeType = mimeType;
  if (kept !== undefined) {
    const payload: RowPayload = { text: kept.text, size: kept.size };
    if (kept.truncated) payload.truncated = true;
    parts.payload = payload;
  }
  return completeRow(parts, detector);
}

function messageRow(
  message: KeptSocketMessage,
  url: string,
  ids: RowIds,
  detector: Detector,
  at: number,
): TrafficRow | undefined {
  const { data } = message;
  const time = message.time ?? at;
  const where = `${hostAndPath(url)} · DevTools`;
  if (message.type === 'error') {
    const parts: RowParts = {
      id: ids.next(),
      time,
      kind: 'error',
      source: 'devtools',
      url,
      where,
      preview: oneLine(data),
      findings: [],
    };
    return completeRow(parts, detector);
  }
  const detected = socketMessageData(message, MAX_BINARY_DECODE);
  if (detected === undefined) return undefined;
  const kind: RowKind = message.type;
  const binary = message.opcode === 2;
  // A frame the inflater will try is detected once inflated (rows-from-frames.ts says why).
  const compressed = binary && compressionOfBase64(data) !== undefined;
  const event: ObservedEvent = { type: 'ws', url, direction: message.type, data: detected };
  const { size } = message;
  const preview = binary
    ? `binary, ${size} bytes: ${hexHead(base64Bytes(data, 16))}`
    : oneLine(data) || '(empty)';
  const payload: RowPayload = binary ? { binary: data, size } : { text: data, size };
  if (message.truncated) payload.truncated = true;
  const findings = compressed ? [] : detector.detect(event);
  const parts: RowParts = {
    id: ids.next(),
    time,
    kind,
    source: 'devtools',
    url,
    where,
    size,
    preview,
    payload,
    findings,
  };
  return completeRow(parts, detector);
}

/** fallbackRowsFromSocket of a HAR entry as DevTools hands it. */
export function fallbackRowsFromEntry(
  entry: unknown,
  ids: RowIds,
  detector: Detector,
): TrafficRow[] {
  const socket = loggedSocket(entry);
  return socket ? fallbackRowsFromSocket(socket, ids, detector) : [];
}

/**
 * Rows for a WebSocket that only DevTools saw: a first row saying close codes are not
 * available for it, then its logged messages (Chromium's non-standard `_webSocketMessages`).
 */
export function fallbackRowsFromSocket(
  socket: LoggedSocket,
  ids: RowIds,
  detector: Detector,
): TrafficRow[] {
  return [...fallbackRowsOf(socket, ids, detector)];
}

/** The same rows one at a time (an imported socket may hold a million messages, read as they
 * are kept); `note` is the first row's text, for a socket read from a HAR file. */
export function* fallbackRowsOf(
  socket: { url: string; started: number | undefined; messages: Iterable<KeptSocketMessage> },
  ids: RowIds,
  detector: Detector,
  note = FALLBACK_NOTE,
): Generator<TrafficRow> {
  const url = keptUrl(socket.url);
  const started = socket.started ?? Date.now();
  yield completeRow(
    {
      id: ids.next(),
      time: started,
      kind: 'open',
      source: 'devtools',
      url,
      where: `${hostAndPath(url)} · DevTools`,
      preview: note,
      findings: [],
    },
    detector,
  );
  for (const message of socket.messages) {
    const row = messageRow(message, url, ids, detector, started);
    if (row) yield row;
  }
}
