// Bench (Node): generated captures for npm run bench:scan, written straight to disk so the
// generator's memory stays flat: a pool of JSON Lines events (the detector benchmark's frames of
// the three exchanges, 1% error envelopes, plus HTTP replies and closes) repeated to any size,
// and a HAR of Chromium's shape (pretty-printed, HTTP entries and WebSocket entries whose
// _webSocketMessages hold hundreds of frames, some of them gzip-compressed binary).
import { closeSync, fsyncSync, openSync, writeSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { inflateFrame } from '../../src/cli/inflate-frame.ts';
import { eventsOfEntry } from '../../src/core/capture/har-entry.ts';
import { lineEvent } from '../../src/core/capture/jsonl-event.ts';
import { createDetector } from '../../src/core/index.ts';
import { generateFrames } from '../generate-frames.ts';

export interface WrittenCapture {
  path: string;
  bytes: number;
  /** JSON Lines lines or HAR entries written. */
  records: number;
  events: number;
  /** What a correct scan reports, from the same core run on each record in memory. */
  findings: number;
}

const detector = createDetector();
const WRITE_BYTES = 4 * 1024 * 1024;

export class BufferedFile {
  private readonly fd: number;
  private parts: string[] = [];
  private pending = 0;
  written = 0;
  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }
  write(text: string): void {
    this.parts.push(text);
    this.pending += text.length;
    this.written += Buffer.byteLength(text);
    if (this.pending >= WRITE_BYTES) this.flush();
  }
  flush(): void {
    writeSync(this.fd, this.parts.join(''));
    this.parts = [];
    this.pending = 0;
  }
  close(): void {
    this.flush();
    // On disk before anything is timed: the kernel writes dirty pages back 30 s later, in the
    // middle of some later run.
    fsyncSync(this.fd);
    closeSync(this.fd);
  }
}

const GATEWAY_REST_ERROR = JSON.stringify({
  code: -1021,
  msg: 'Timestamp for this request is outside of the recvWindow.',
});
const OKX_REST_OK = JSON.stringify({ code: '0', msg: '', data: [{ ts: '1795684444000' }] });

interface PoolLine {
  text: string;
  findings: number;
}

/** JSON Lines events: ws frames, with an HTTP reply and a close every 100 lines. */
function jsonlPool(seed: number): PoolLine[] {
  const stream = generateFrames({ frames: 6000, seed, maxBytes: 20_000 });
  const lines: string[] = [];
  stream.events.forEach((event, i) => {
    lines.push(
      JSON.stringify({ type: 'ws', url: event.url, direction: event.direction, data: event.data }),
    );
    if (i % 100 === 50) {
      const failed = i % 200 === 50;
      lines.push(
        JSON.stringify({
          type: 'http',
          method: 'POST',
          url: failed
            ? 'http://119.8.50.236:8088/fapi/v1/order'
            : 'https://www.okx.com/api/v5/public/time',
          status: failed ? 400 : 200,
          headers: { 'content-type': 'application/json' },
          body: failed ? GATEWAY_REST_ERROR : OKX_REST_OK,
        }),
      );
    }
    if (i % 1000 === 999) {
      lines.push(
        JSON.stringify({
          type: 'close',
          url: event.url,
          code: 4004,
          reason: 'No data received in 30s',
          wasClean: true,
        }),
      );
    }
  });
  return lines.map((text) => {
    const event = lineEvent(JSON.parse(text));
    const findings = typeof event === 'string' ? 0 : detector.detect(event).length;
    return { text, findings };
  });
}

export function writeJsonl(path: string, bytes: number, seed: number): WrittenCapture {
  const pool = jsonlPool(seed);
  const file = new BufferedFile(path);
  let records = 0;
  let findings = 0;
  while (file.written < bytes) {
    const line = pool[records % pool.length] as PoolLine;
    file.write(`${line.text}\n`);
    findings += line.findings;
    records++;
  }
  file.close();
  return { path, bytes: file.written, records, events: records, findings };
}

interface PoolEntry {
  text: string;
  events: number;
  findings: number;
}

async function entryCounts(entry: unknown): Promise<{ events: number; findings: number }> {
  let events = 0;
  let findings = 0;
  for (const { event } of eventsOfEntry(entry)) {
    events++;
    let observed = event;
    if (event.type === 'ws' && event.data instanceof Uint8Array) {
      const inflated = await inflateFrame(event.data);
      if (inflated) observed = { ...event, data: inflated.data };
    }
    findings += detector.detect(observed).length;
  }
  return { events, findings };
}

/** HAR entries: for every 20 HTTP entries, one socket entry of 400 frames. */
async function harPool(seed: number, pretty: boolean): Promise<PoolEntry[]> {
  const stream = generateFrames({ frames: 16_000, seed, maxBytes: 20_000 });
  // A socket carries one endpoint's frames, as in a real capture.
  const byUrl = new Map<string, (typeof stream.events)[number][]>();
  for (const event of stream.events) byUrl.set(event.url, [...(byUrl.get(event.url) ?? []), event]);
  const sockets = [...byUrl.values()].filter((frames) => frames.length >= 400);
  const entries: unknown[] = [];
  const started = Date.parse('2026-11-20T09:14:03.493Z');
  for (let socket = 0; socket < 20; socket++) {
    for (let i = 0; i < 20; i++) {
      const failed = (socket * 20 + i) % 10 === 3;
      const body = failed ? GATEWAY_REST_ERROR : OKX_REST_OK;
      entries.push({
        _initiator: { type: 'script' },
        _priority: 'High',
        _resourceType: 'fetch',
        cache: {},
        request: {
          method: 'POST',
          url: failed
            ? 'http://119.8.50.236:8088/fapi/v1/order'
            : 'https://www.okx.com/api/v5/public/time',
          httpVersion: 'http/2.0',
          headers: [{ name: 'Accept', value: 'application/json' }],
          queryString: [],
          cookies: [],
          headersSize: -1,
          bodySize: 0,
        },
        response: {
          status: failed ? 400 : 200,
          statusText: '',
          httpVersion: 'http/2.0',
          headers: [{ name: 'content-type', value: 'application/json' }],
          cookies: [],
          content: { size: body.length, mimeType: 'application/json', text: body },
          redirectURL: '',
          headersSize: -1,
          bodySize: -1,
        },
        startedDateTime: new Date(started + entries.length * 10).toISOString(),
        time: 42.1,
        timings: {
          blocked: 0.4,
          dns: -1,
          ssl: -1,
          connect: -1,
          send: 0.1,
          wait: 41.2,
          receive: 0.4,
        },
      });
    }
    const frames = (sockets[socket % sockets.length] ?? []).slice(
      Math.floor(socket / sockets.length) * 400,
      Math.floor(socket / sockets.length) * 400 + 400,
    );
    entries.push({
      _resourceType: 'websocket',
      _webSocketMessages: frames.map((event, i) => {
        const time = started / 1000 + i * 0.01;
        // Every 50th frame gzip-compressed, as some exchanges' binary market streams are.
        if (i % 50 === 7 && typeof event.data === 'string') {
          return {
            type: 'receive',
            time,
            opcode: 2,
            data: gzipSync(event.data).toString('base64'),
          };
        }
        return { type: 'receive', time, opcode: 1, data: event.data };
      }),
      request: {
        method: 'GET',
        url: frames[0]?.url ?? 'wss://ws.okx.com:8443/ws/v5/public',
        headers: [],
      },
      response: {
        status: 101,
        statusText: 'Switching Protocols',
        headers: [],
        content: { size: 0, mimeType: 'x-unknown' },
      },
      startedDateTime: new Date(started).toISOString(),
      time: 0,
    });
  }
  const pool: PoolEntry[] = [];
  for (const entry of entries) {
    const text = pretty
      ? JSON.stringify(entry, null, 2).replace(/\n/g, '\n      ')
      : JSON.stringify(entry);
    pool.push({ text, ...(await entryCounts(entry)) });
  }
  return pool;
}

/** A HAR as Chromium writes it (pretty), or minified on one line. */
export async function writeHar(
  path: string,
  bytes: number,
  seed: number,
  pretty = true,
): Promise<WrittenCapture> {
  const pool = await harPool(seed, pretty);
  const file = new BufferedFile(path);
  file.write(
    pretty
      ? '{\n  "log": {\n    "version": "1.2",\n    "creator": {\n      "name": "WebInspector",\n      "version": "537.36"\n    },\n    "pages": [],\n    "entries": [\n'
      : '{"log":{"version":"1.2","creator":{"name":"WebInspector","version":"537.36"},"pages":[],"entries":[',
  );
  let records = 0;
  let events = 0;
  let findings = 0;
  while (file.written < bytes) {
    const entry = pool[records % pool.length] as PoolEntry;
    file.write(
      pretty
        ? `${records > 0 ? ',\n' : ''}      ${entry.text}`
        : `${records > 0 ? ',' : ''}${entry.text}`,
    );
    events += entry.events;
    findings += entry.findings;
    records++;
  }
  file.write(pretty ? '\n    ]\n  }\n}\n' : ']}}');
  file.close();
  return { path, bytes: file.written, records, events, findings };
}
