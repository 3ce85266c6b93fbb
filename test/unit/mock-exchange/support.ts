// Test support (Node): talks to an in-process mock exchange the way a page would, and turns what
// came back into the detector's observed events.
import { gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';
import { WebSocket } from 'ws';
import { compressionOf } from '../../../src/core/bytes/compression.ts';
import {
  detect,
  type Finding,
  type ObservedEvent,
  type RawRequest,
  type SigningRecipeId,
  signRequest,
} from '../../../src/core/index.ts';
import type { ScenarioStep } from '../../mock-exchange/console/scenario-runner.js';

export interface TestSocket {
  socket: WebSocket;
  /** The next text frame received (frames are queued from the moment the socket opens). */
  next(timeoutMs?: number): Promise<string>;
  send(data: unknown): void;
  closed: Promise<{ code: number; reason: string }>;
}

export async function openSocket(url: string): Promise<TestSocket> {
  const socket = new WebSocket(url);
  const queue: string[] = [];
  const waiters: ((frame: string) => void)[] = [];
  socket.on('message', (data) => {
    const frame = String(data);
    const waiter = waiters.shift();
    if (waiter) waiter(frame);
    else queue.push(frame);
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  return {
    socket,
    closed,
    send: (data) => socket.send(typeof data === 'string' ? data : JSON.stringify(data)),
    next: (timeoutMs = 3000) => {
      const queued = queue.shift();
      if (queued !== undefined) return Promise.resolve(queued);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no frame received')), timeoutMs);
        waiters.push((frame) => {
          clearTimeout(timer);
          resolve(frame);
        });
      });
    },
  };
}

export async function nextJson(socket: TestSocket): Promise<Record<string, unknown>> {
  return JSON.parse(await socket.next()) as Record<string, unknown>;
}

function inflated(base64: string): string {
  const bytes = Buffer.from(base64, 'base64');
  const format = compressionOf(bytes);
  if (format === 'gzip') return gunzipSync(bytes).toString('utf8');
  if (format === 'deflate') return inflateSync(bytes).toString('utf8');
  if (format === 'deflate-raw') return inflateRawSync(bytes).toString('utf8');
  return '';
}

/** The events a capturing extension would hand the detector for these steps. */
export function observedEvents(steps: readonly ScenarioStep[]): ObservedEvent[] {
  const events: ObservedEvent[] = [];
  for (const step of steps) {
    if (step.type === 'response') {
      events.push({
        type: 'http',
        url: step.url,
        status: step.status,
        headers: { 'content-type': step.contentType },
        body: step.body,
      });
    } else if (step.type === 'receive') {
      // A compressed frame reaches the detector inflated, as the panel inflates it.
      const data = step.binary === undefined ? step.data : inflated(step.binary);
      events.push({ type: 'ws', url: step.url, direction: 'receive', data });
    } else if (step.type === 'close') {
      events.push({
        type: 'close',
        url: step.url,
        code: step.code,
        reason: step.reason,
        wasClean: step.wasClean,
      });
    }
  }
  return events;
}

/** Error findings only: a normal close (1000) is reported as info, not as an error. */
export function errorFindings(events: readonly ObservedEvent[]): Finding[] {
  return events.flatMap((event) => detect(event)).filter((f) => f.severity === 'error');
}

export function httpFindings(url: string, status: number, body: string): Finding[] {
  return errorFindings([
    { type: 'http', url, status, headers: { 'content-type': 'application/json' }, body },
  ]);
}

export interface SignedCall {
  method: string;
  path: string;
  query?: string;
  body?: string;
  /** Headers besides the recipe's (content-type). */
  headers?: Record<string, string>;
}

export interface SignedCredentials {
  key?: string;
  secret: string;
  passphrase?: string;
  /** The clock the signer reads (Unix ms); default now. */
  now?: number;
}

export interface Reply {
  status: number;
  body: string;
  json: Record<string, unknown>;
  /** The request exactly as sent, the way DevTools would capture it. */
  sent: RawRequest & { url: string; headers: Record<string, string> };
}

/** Signs a request with the signing core (as a client built on it would) and sends it. */
export async function sendSigned(
  origin: string,
  recipe: SigningRecipeId,
  call: SignedCall,
  credentials: SignedCredentials,
): Promise<Reply> {
  const { now, ...secrets } = credentials;
  const signed = await signRequest(
    recipe,
    {
      method: call.method,
      path: call.path,
      ...(call.query === undefined ? {} : { query: call.query }),
      ...(call.body === undefined ? {} : { body: call.body }),
      ...secrets,
    },
    now === undefined ? {} : { now },
  );
  const query = signed.params ? signed.params.query : (call.query ?? '');
  const body = signed.params ? signed.params.body : (call.body ?? '');
  const url = `${origin}${call.path}${query === '' ? '' : `?${query}`}`;
  const headers = { ...call.headers, ...signed.headers };
  const response = await fetch(url, {
    method: call.method,
    headers,
    ...(body === '' ? {} : { body }),
  });
  const text = await response.text();
  return {
    status: response.status,
    body: text,
    json: JSON.parse(text) as Record<string, unknown>,
    sent: { method: call.method, url, headers, body },
  };
}
