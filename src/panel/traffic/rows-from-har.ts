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
import type { Detector, Finding, ObservedEvent } from '../../core/index.ts';
import { PAYLOAD_CAP } from '../../protocol/index.ts';
import { keptText } from './kept-payload.ts';
import { type KeptSocketMessage, type LoggedSocket, loggedSocket } from './logged-socket.ts';
import { haystackOf, hostAndPath, oneLine } from './row-text.ts';
import type { RowIds } from './rows-from-frames.ts';
import {
  levelOf,
  type RowKind,
  type RowPayload,
  type RowRequest,
  type TrafficRow,
} from './traffic-row.ts';

/** Bodies are held up to this many characters: the page's per-frame cap. */
export const MAX_BODY_CHARS = PAYLOAD_CAP.chars;
const DETECT_BINARY_BYTES = 64 * 1024;
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

function requestChars(request: RowRequest): number {
  let chars = request.body?.length ?? 0;
  for (const header of request.headers) chars += header.name.length + header.value.length;
  return chars;
}

function startedAt(entry: unknown): number {
  return harStartedAt(entry) ?? Date.now();
}

function rowOf(
  parts: Omit<TrafficRow, 'level' | 'haystack' | 'weight' | 'findings'>,
  findings: readonly Finding[],
): TrafficRow {
  const payloadChars = (parts.payload?.text?.length ?? 0) + (parts.payload?.binary?.length ?? 0);
  return {
    ...parts,
    findings,
    level: levelOf(parts.kind, findings),
    haystack: haystackOf(parts.url, parts.preview, findings),
    weight:
      payloadChars +
      parts.url.length +
      parts.preview.length +
      (parts.request ? requestChars(parts.request) : 0),
  };
}

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
  const { url, status, headers = {} } = event;
  const method = event.method ?? 'GET';
  const findings = detector.detect({ ...event, method });
  const size = harContentSize(entry) ?? kept?.size;
  const statusText = status === 0 ? 'failed' : String(status);
  const head = body ? ` · ${oneLine(body)}` : '';
  const started = startedAt(entry);
  const row = rowOf(
    {
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
    },
    findings,
  );
  if (size !== undefined) row.size = size;
  const mimeType = harMimeType(entry);
  if (mimeType !== '') row.mimeType = mimeType;
  if (kept !== undefined) {
    const payload: RowPayload = { text: kept.text, size: kept.size };
    if (kept.truncated) payload.truncated = true;
    row.payload = payload;
  }
  return row;
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
    return rowOf(
      {
        id: ids.next(),
        time,
        kind: 'error',
        source: 'devtools',
        url,
        where,
        preview: oneLine(data),
      },
      [],
    );
  }
  const detected = socketMessageData(message, DETECT_BINARY_BYTES);
  if (detected === undefined) return undefined;
  const kind: RowKind = message.type;
  const binary = message.opcode === 2;
  const event: ObservedEvent = { type: 'ws', url, direction: message.type, data: detected };
  const { size } = message;
  const preview = binary
    ? `binary, ${size} bytes: ${hexHead(base64Bytes(data, 16))}`
    : oneLine(data) || '(empty)';
  const payload: RowPayload = binary ? { binary: data, size } : { text: data, size };
  if (message.truncated) payload.truncated = true;
  return rowOf(
    { id: ids.next(), time, kind, source: 'devtools', url, where, size, preview, payload },
    detector.detect(event),
  );
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
  const { url } = socket;
  const started = socket.started ?? Date.now();
  yield rowOf(
    {
      id: ids.next(),
      time: started,
      kind: 'open',
      source: 'devtools',
      url,
      where: `${hostAndPath(url)} · DevTools`,
      preview: note,
    },
    [],
  );
  for (const message of socket.messages) {
    const row = messageRow(message, url, ids, detector, started);
    if (row) yield row;
  }
}
