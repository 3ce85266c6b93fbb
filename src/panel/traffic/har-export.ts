// Pure: what a view of the panel holds, as a HAR 1.2 log. HTTP rows become entries as DevTools
// writes them; the rows of each socket become one WebSocket entry with Chromium's
// `_webSocketMessages` plus our fields (har-fields.ts): the open and close frames, who saw the
// socket, and the findings of each message. Credentials are redacted unless asked otherwise
// (src/core/redact): every text from a page or a server (URLs, headers, bodies, frames, close
// reasons, error texts) passes through the one Redaction on its way into the document. Binary
// frames are written as captured. The signing pane's inputs never reach here: rows do not carry
// them.
import { HAR_FIELDS } from '../../core/capture/har-entry.ts';
import type { Finding } from '../../core/index.ts';
import { type Redaction, redactionFor } from '../../core/redact/credentials.ts';
import type { TrafficRow } from './traffic-row.ts';

export interface HarExportOptions {
  /** Keep credentials as captured (the user ticked the box); redacted otherwise. */
  keepCredentials: boolean;
  creatorVersion: string;
}

type Json = Record<string, unknown>;

export interface HarDocument {
  log: Json & { entries: Json[] };
}

const iso = (ms: number): string => new Date(Number.isFinite(ms) ? ms : 0).toISOString();
/** Chromium writes message times as epoch seconds with a fraction. */
const seconds = (ms: number): number => ms / 1000;

function findingsJson(findings: readonly Finding[]): Json[] {
  return findings.map((finding) => ({
    exchange: finding.exchange,
    code: finding.code,
    entry: finding.entry?.id ?? null,
    severity: finding.severity,
  }));
}

function withFindings(target: Json, findings: readonly Finding[]): Json {
  if (findings.length > 0) target[HAR_FIELDS.findings] = findingsJson(findings);
  return target;
}

function queryString(url: string): { name: string; value: string }[] {
  try {
    return [...new URL(url).searchParams].map(([name, value]) => ({ name, value }));
  } catch {
    return [];
  }
}

function headerValue(headers: readonly { name: string; value: string }[], name: string) {
  return headers.find((header) => header.name.toLowerCase() === name)?.value;
}

function httpEntry(row: TrafficRow, scrub: Redaction): Json {
  const sentAt = row.request?.sentAt ?? row.time;
  const url = scrub.text(row.url);
  const requestHeaders = scrub.headers(row.request?.headers ?? []);
  const body = row.request?.body;
  const responseHeaders: { name: string; value: string }[] = [];
  if (row.mimeType) responseHeaders.push({ name: 'Content-Type', value: row.mimeType });
  if (row.request?.replyDate) responseHeaders.push({ name: 'Date', value: row.request.replyDate });
  const content: Json = { size: row.size ?? row.payload?.size ?? -1, mimeType: row.mimeType ?? '' };
  if (row.payload?.text !== undefined) content.text = scrub.text(row.payload.text);
  const wait = Math.max(0, row.time - sentAt);
  return withFindings(
    {
      startedDateTime: iso(sentAt),
      time: wait,
      request: {
        method: row.method ?? 'GET',
        url,
        httpVersion: '',
        cookies: [],
        headers: requestHeaders,
        queryString: queryString(url),
        headersSize: -1,
        bodySize: body?.length ?? 0,
        ...(body !== undefined
          ? {
              postData: {
                mimeType: headerValue(requestHeaders, 'content-type') ?? '',
                text: scrub.text(body),
              },
            }
          : {}),
      },
      response: {
        status: row.status ?? 0,
        statusText: '',
        httpVersion: '',
        cookies: [],
        headers: responseHeaders,
        content,
        redirectURL: '',
        headersSize: -1,
        bodySize: -1,
      },
      cache: {},
      timings: { send: 0, wait, receive: 0 },
    },
    row.findings,
  );
}

function messageOf(row: TrafficRow, scrub: Redaction): Json | undefined {
  if (row.kind === 'error') {
    return { type: 'error', time: seconds(row.time), opcode: -1, data: scrub.text(row.preview) };
  }
  const payload = row.payload;
  if (row.kind !== 'send' && row.kind !== 'receive') return undefined;
  const binary = payload?.binary !== undefined;
  const message: Json = {
    type: row.kind,
    time: seconds(row.time),
    opcode: binary ? 2 : 1,
    data: binary ? payload?.binary : scrub.text(payload?.text ?? ''),
  };
  if (payload?.truncated) {
    message[HAR_FIELDS.truncated] = true;
    if (payload.size !== undefined) message[HAR_FIELDS.size] = payload.size;
  }
  return withFindings(message, row.findings);
}

function socketEntry(rows: readonly TrafficRow[], scrub: Redaction): Json {
  const first = rows[0] as TrafficRow;
  const last = rows[rows.length - 1] as TrafficRow;
  const url = scrub.text(first.url);
  const open = rows.find((row) => row.kind === 'open' && row.source === 'wrapper');
  const close = rows.find((row) => row.close);
  const protocol = open?.protocol !== undefined ? scrub.text(open.protocol) : undefined;
  const entry: Json = {
    startedDateTime: iso(first.time),
    time: Math.max(0, last.time - first.time),
    request: {
      method: 'GET',
      url,
      httpVersion: '',
      cookies: [],
      headers: [],
      queryString: queryString(url),
      headersSize: -1,
      bodySize: 0,
    },
    response: {
      status: 101,
      statusText: 'Switching Protocols',
      httpVersion: '',
      cookies: [],
      headers: protocol ? [{ name: 'Sec-WebSocket-Protocol', value: protocol }] : [],
      content: { size: 0, mimeType: '' },
      redirectURL: '',
      headersSize: -1,
      bodySize: -1,
    },
    cache: {},
    timings: { send: 0, wait: 0, receive: 0 },
    _resourceType: 'websocket',
    [HAR_FIELDS.messages]: rows.flatMap((row) => messageOf(row, scrub) ?? []),
    [HAR_FIELDS.source]: first.source === 'wrapper' ? 'wrapper' : 'devtools',
  };
  if (first.source === 'wrapper') {
    if (first.socket !== undefined) entry[HAR_FIELDS.socket] = first.socket;
    if (first.doc !== undefined) entry[HAR_FIELDS.document] = first.doc;
    if (first.frameId !== undefined) entry[HAR_FIELDS.frameId] = first.frameId;
    if (first.listNumber !== undefined) entry[HAR_FIELDS.listNumber] = first.listNumber;
    if (first.frameUrl !== undefined) entry[HAR_FIELDS.frameUrl] = scrub.text(first.frameUrl);
  }
  if (open) {
    entry[HAR_FIELDS.open] = { time: seconds(open.time), ...(protocol ? { protocol } : {}) };
  }
  if (close?.close) {
    const { code, reason, wasClean } = close.close;
    entry[HAR_FIELDS.close] = withFindings(
      {
        time: seconds(close.time),
        code,
        reason: scrub.text(reason),
        ...(wasClean !== undefined ? { wasClean } : {}),
      },
      close.findings,
    );
  }
  return entry;
}

/** The rows of each socket (wrapper: by document, frame and socket number; DevTools' log: from
 * each of its "open" rows on, by URL), and each HTTP row alone, in the order they started. */
function groupRows(rows: readonly TrafficRow[]): (TrafficRow | TrafficRow[])[] {
  const groups: (TrafficRow | TrafficRow[])[] = [];
  const sockets = new Map<string, TrafficRow[]>();
  for (const row of rows) {
    if (row.kind === 'http') {
      groups.push(row);
      continue;
    }
    const key =
      row.source === 'wrapper'
        ? `w|${row.doc ?? ''}|${row.frameId ?? ''}|${row.socket ?? ''}|${row.url}`
        : `d|${row.url}`;
    let group = sockets.get(key);
    if (!group || (row.source === 'devtools' && row.kind === 'open')) {
      group = [];
      sockets.set(key, group);
      groups.push(group);
    }
    group.push(row);
  }
  return groups;
}

const startOf = (group: TrafficRow | TrafficRow[]): number =>
  Array.isArray(group) ? (group[0]?.time ?? 0) : (group.request?.sentAt ?? group.time);

export function harFromRows(rows: readonly TrafficRow[], options: HarExportOptions): HarDocument {
  const scrub = redactionFor(options.keepCredentials);
  const groups = groupRows(rows).sort((a, b) => startOf(a) - startOf(b));
  return {
    log: {
      version: '1.2',
      creator: { name: 'Exchange Lens', version: options.creatorVersion },
      pages: [],
      entries: groups.map((group) =>
        Array.isArray(group) ? socketEntry(group, scrub) : httpEntry(group, scrub),
      ),
      _credentials: options.keepCredentials ? 'as-captured' : 'redacted',
    },
  };
}

/** A file name for the export, to the millisecond so a second export never replaces the
 * first: exchange-lens-2025-01-02T03-04-05.678.har */
export function harFileName(now: number): string {
  return `exchange-lens-${iso(now).slice(0, 23).replaceAll(':', '-')}.har`;
}
