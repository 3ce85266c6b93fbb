// Bench (Node): a HAR as Chromium's DevTools exports a trading session ("Save all as HAR with
// content"), for npm run bench:scan: JSON.stringify(har, null, 2); entries with Chromium's keys
// in its order (models/har/Log.ts: _initiator, _priority, _resourceType, _webSocketMessages,
// cache, connection, pageref, request, response, ...), full request and response header lists,
// REST replies of the three exchanges (some errors), the page's script bundle and images, and
// long-lived sockets whose every frame sits in one entry, before its request: 12,000, 40,000
// and 170,000 frames (the last about 300 MB, past what an entry could be before). Written
// straight to disk; the expected counts come from the same core run on each record.
import { gzipSync } from 'node:zlib';
import { inflateFrame } from '../../src/cli/inflate-frame.ts';
import { eventsOfEntry } from '../../src/core/capture/har-entry.ts';
import { createDetector, type ObservedEvent } from '../../src/core/index.ts';
import { generateFrames } from '../generate-frames.ts';
import { BufferedFile, type WrittenCapture } from './captures.ts';
import {
  assetEntries,
  REPLIES,
  type Reply,
  restEntry,
  START,
  socketEntry,
} from './chromium-entries.ts';

const detector = createDetector();
const SOCKET_FRAMES = [12_000, 40_000, 170_000];
const REST_PER_SOCKET = 40;

async function findingsOf(event: ObservedEvent): Promise<number> {
  if (event.type === 'ws' && event.data instanceof Uint8Array) {
    const inflated = await inflateFrame(event.data);
    return detector.detect(inflated ? { ...event, data: inflated.data } : event).length;
  }
  return detector.detect(event).length;
}

async function socketPool(seed: number) {
  const stream = generateFrames({ frames: 16_000, seed, maxBytes: 20_000 });
  const byUrl = new Map<string, (typeof stream.events)[number][]>();
  for (const event of stream.events) byUrl.set(event.url, [...(byUrl.get(event.url) ?? []), event]);
  const sockets = [];
  for (const [url, frames] of byUrl) {
    if (frames.length < 400) continue;
    const messages = [];
    for (const [i, event] of frames.entries()) {
      const time = START / 1000 + i * 0.013;
      // Every 50th frame gzip-compressed binary, as some exchanges' market streams are.
      const binary = i % 50 === 7 && typeof event.data === 'string';
      const message = binary
        ? {
            type: 'receive',
            time,
            opcode: 2,
            data: gzipSync(event.data as string).toString('base64'),
          }
        : { type: event.direction, time, opcode: 1, data: event.data };
      const [{ event: logged } = { event }] = [
        ...eventsOfEntry({ request: { url }, _webSocketMessages: [message] }),
      ].slice(1);
      messages.push({
        text: JSON.stringify(message, null, 2).replace(/\n/g, '\n          '),
        findings: await findingsOf(logged),
      });
    }
    sockets.push({ url, messages });
  }
  return sockets;
}

async function entryCounts(entry: unknown) {
  let events = 0;
  let findings = 0;
  for (const { event } of eventsOfEntry(entry)) {
    events++;
    findings += await findingsOf(event);
  }
  return { events, findings };
}

const indented = (entry: unknown) => JSON.stringify(entry, null, 2).replace(/\n/g, '\n      ');

export async function writeChromiumHar(
  path: string,
  bytes: number,
  seed: number,
): Promise<WrittenCapture> {
  const sockets = await socketPool(seed);
  const assets = assetEntries(seed);
  const file = new BufferedFile(path);
  file.write(
    '{\n  "log": {\n    "version": "1.2",\n    "creator": {\n      "name": "WebInspector",\n      "version": "537.36"\n    },\n    "pages": [\n      {\n        "startedDateTime": "2026-11-20T09:14:03.493Z",\n        "id": "page_1",\n        "title": "http://localhost:5173/",\n        "pageTimings": {\n          "onContentLoad": 412.7,\n          "onLoad": 693.1\n        }\n      }\n    ],\n    "entries": [\n',
  );
  let records = 0;
  let events = 0;
  let findings = 0;
  const add = async (entry: unknown) => {
    file.write(`${records++ > 0 ? ',\n' : ''}      ${indented(entry)}`);
    const counts = await entryCounts(entry);
    events += counts.events;
    findings += counts.findings;
  };
  for (const entry of assets) await add(entry);
  const avgMessage =
    sockets.flatMap((s) => s.messages).reduce((sum, m) => sum + m.text.length, 0) /
    sockets.reduce((n, s) => n + s.messages.length, 0);
  for (let block = 0; file.written < bytes; block++) {
    for (let i = 0; i < REST_PER_SOCKET; i++)
      await add(
        restEntry(REPLIES[(block * REST_PER_SOCKET + i) % REPLIES.length] as Reply, records),
      );
    const socket = sockets[block % sockets.length] as (typeof sockets)[number];
    const [head = '', tail = ''] = indented(socketEntry(socket.url, records)).split('"MESSAGES"');
    const room = Math.max(1, Math.floor((bytes - file.written) / avgMessage));
    const count = Math.min(SOCKET_FRAMES[block % SOCKET_FRAMES.length] as number, room);
    file.write(`,\n      ${head}`);
    for (let i = 0; i < count; i++) {
      const message = socket.messages[i % socket.messages.length] as {
        text: string;
        findings: number;
      };
      file.write(`${i > 0 ? ',\n          ' : ''}${message.text}`);
      findings += message.findings;
    }
    file.write(tail);
    records++;
    // The handshake's HTTP event, and each frame's.
    events += 1 + count;
  }
  file.write('\n    ]\n  }\n}\n');
  file.close();
  return { path, bytes: file.written, records, events, findings };
}
