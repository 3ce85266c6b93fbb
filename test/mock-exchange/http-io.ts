// Mock exchange (Node): reads HTTP requests into plain values and writes JSON replies.
import type { IncomingMessage, ServerResponse } from 'node:http';

/** An HTTP request as the dialects see it: parameters merged from the query and the body. */
export interface MockHttpRequest {
  method: string;
  path: string;
  /** The path and query exactly as sent ("/api/v5/x?a=1"): what signatures are computed over. */
  target: string;
  query: URLSearchParams;
  /** Lower-case header names. */
  headers: Record<string, string>;
  body: string;
  /** Query parameters, then form or JSON-object body fields (strings only). */
  params: Record<string, string>;
  /** The parsed JSON body, when the body is JSON. */
  json?: unknown;
  /** The mock's clock (skew included) when the request arrived, Unix ms. */
  receivedAt: number;
}

export interface MockHttpReply {
  status: number;
  /** Serialised as JSON unless it is already a string. */
  body: unknown;
  /** application/json unless given. */
  contentType?: string;
}

/** Requests bigger than any order batch are refused before they are buffered. */
const MAX_BODY_BYTES = 1 << 20;

export class BodyTooLarge extends Error {}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) throw new BodyTooLarge('request body too large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function scalarFields(value: unknown): Record<string, string> {
  const fields: Record<string, string> = {};
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return fields;
  for (const [key, field] of Object.entries(value)) {
    if (typeof field === 'string' || typeof field === 'number' || typeof field === 'boolean') {
      fields[key] = String(field);
    }
  }
  return fields;
}

export async function readMockRequest(
  request: IncomingMessage,
  now: () => number = Date.now,
): Promise<MockHttpRequest> {
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const receivedAt = now();
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  const body = await readBody(request);
  const params: Record<string, string> = Object.fromEntries(url.searchParams);
  let json: unknown;
  const trimmed = body.trimStart();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      json = JSON.parse(body);
      Object.assign(params, scalarFields(json));
    } catch {
      // A malformed JSON body stays unparsed; the dialect decides what that means.
    }
  } else if (body !== '') {
    Object.assign(params, Object.fromEntries(new URLSearchParams(body)));
  }
  return {
    method: request.method ?? 'GET',
    path: url.pathname,
    target: request.url ?? '/',
    query: url.searchParams,
    headers,
    body,
    params,
    ...(json !== undefined ? { json } : {}),
    receivedAt,
  };
}

// Pages on other local origins (benchmarks, e2e fixtures) may call the mock too.
const CORS_HEADERS = {
  'access-control-allow-origin': '*',
  'access-control-allow-methods': 'GET, POST, PUT, DELETE, OPTIONS',
  'access-control-allow-headers': '*',
};

export function writeReply(response: ServerResponse, reply: MockHttpReply): void {
  const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
  response.writeHead(reply.status, {
    'content-type': reply.contentType ?? 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    ...CORS_HEADERS,
  });
  response.end(text);
}

export function writeText(
  response: ServerResponse,
  status: number,
  contentType: string,
  text: string,
): void {
  response.writeHead(status, {
    'content-type': contentType,
    'cache-control': 'no-store',
    ...CORS_HEADERS,
  });
  response.end(text);
}

export function writePreflight(response: ServerResponse): void {
  response.writeHead(204, CORS_HEADERS);
  response.end();
}
