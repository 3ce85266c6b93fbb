import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { eventsOfEntry } from '../../../../src/core/capture/har-entry.ts';
import { HarEntryReader, type HarStreamItem } from '../../../../src/core/capture/har-stream.ts';
import { mayEmbedEnvelope } from '../../../../src/core/detect/quick-scan.ts';
import { detect } from '../../../../src/core/index.ts';
import { frameData, frameText } from '../../../support/dialect-frames.ts';

function read(text: string, sizes: readonly number[], skipQuietFrames: boolean): HarStreamItem[] {
  const reader = new HarEntryReader({ skipQuietFrames });
  const items: HarStreamItem[] = [];
  let at = 0;
  for (let i = 0; at < text.length; i++) {
    const size = sizes[i % sizes.length] ?? text.length;
    items.push(...reader.push(text.slice(at, at + size)));
    at += size;
  }
  items.push(...reader.end());
  return items;
}

/** What a scan sees of one entry: its events, the findings with where they are. */
function scanOf(entry: unknown, index: number, quiet = 0) {
  const findings: unknown[] = [];
  let events = quiet;
  for (const { event, frame } of eventsOfEntry(entry)) {
    events++;
    for (const finding of detect(event))
      findings.push([index, frame, finding.exchange, finding.code]);
  }
  return { events, findings };
}

const withoutMessages = (entry: unknown) => ({ ...(entry as object), _webSocketMessages: [] });

/** Text frames whose data shows no envelope word: every way of reading a list leaves them out. */
function plainlyQuiet(entry: unknown): number {
  const list = (entry as { _webSocketMessages?: unknown[] })._webSocketMessages ?? [];
  return list.filter((raw) => {
    const { type, opcode, data } = raw as { type?: unknown; opcode?: unknown; data?: unknown };
    return (
      (type === 'send' || type === 'receive') &&
      opcode === 1 &&
      typeof data === 'string' &&
      !mayEmbedEnvelope(JSON.stringify(data).slice(1, -1))
    );
  }).length;
}

// Messages as Chromium logs them, and the odd ones: error and control frames, a type nobody
// writes, binary data, repeated keys, keys out of order.
const message = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      type: fc.constantFrom('send', 'receive'),
      time: fc.double({ noNaN: true, noDefaultInfinity: true }),
      opcode: fc.constant(1),
      data: frameData,
    }),
  },
  fc.record({
    type: fc.constantFrom('send', 'receive', 'error', 'other'),
    opcode: fc.constantFrom(1, 2, 8, 9),
    data: fc.oneof(frameData, fc.constant('eyJjb2RlIjotMTAyMX0=')),
  }),
  fc.record({ data: frameData, opcode: fc.constant(1), type: fc.constant('receive') }),
  fc.record({ type: fc.constant('receive'), opcode: fc.constant(1) }),
  fc.record({
    type: fc.constant('receive'),
    opcode: fc.constant(1),
    data: fc.dictionary(frameText, frameText),
  }),
);
const httpEntry = fc.record({
  request: fc.record({
    method: fc.constant('POST'),
    url: fc.constant('https://www.okx.com/api/v5/trade/order'),
  }),
  response: fc.record({
    status: fc.constantFrom(200, 400),
    content: fc.record({ mimeType: fc.constant('application/json'), text: frameData }),
  }),
});
// Chromium writes the messages before the request; older versions and other tools after it.
const socketEntry = fc
  .tuple(fc.array(message, { maxLength: 8 }), fc.boolean(), frameText)
  .map(([messages, first, extra]) => {
    const request = { method: 'GET', url: 'wss://ws.okx.com:8443/ws/v5/public' };
    const response = { status: 101, content: { size: 0, mimeType: 'x-unknown' } };
    return first
      ? { _resourceType: 'websocket', _webSocketMessages: messages, cache: {}, request, response }
      : { request, response, extra: { _webSocketMessages: extra }, _webSocketMessages: messages };
  });
const documents = fc.record({
  entries: fc.array(fc.oneof(httpEntry, socketEntry), { minLength: 1, maxLength: 5 }),
  layout: fc.constantFrom<(string | number)[]>(2, 2, 0, '\t', 4),
  // Chunks of one character put a boundary everywhere; a megabyte, none.
  sizes: fc.oneof(
    fc.constant([1]),
    fc.array(fc.integer({ min: 1, max: 97 }), { minLength: 1, maxLength: 5 }),
    fc.constant([1 << 20]),
  ),
});

describe('HarEntryReader reads _webSocketMessages one message at a time', () => {
  it('a scan finds what reading the whole document finds, frame indexes and events included', () => {
    fc.assert(
      fc.property(documents, ({ entries, layout, sizes }) => {
        const text = JSON.stringify({ log: { version: '1.2', entries } }, null, layout);
        const whole = JSON.parse(text).log.entries as unknown[];
        const items = read(text, sizes, true);
        expect(items.filter((item) => item.kind === 'problem')).toEqual([]);
        const read_ = items.flatMap((item) => (item.kind === 'entry' ? [item] : []));
        expect(read_.map((item) => item.index)).toEqual(entries.map((_, i) => i));
        read_.forEach((item, i) => {
          expect(withoutMessages(item.entry)).toEqual(withoutMessages(whole[i]));
          expect(scanOf(item.entry, i, item.quietFrames)).toEqual(scanOf(whole[i], i));
          // Read one by one, not whole: the quiet ones were left out.
          expect(item.quietFrames).toBeGreaterThanOrEqual(plainlyQuiet(whole[i]));
        });
      }),
      { numRuns: 400 },
    );
  });

  it('without skipping, each entry is what JSON.parse makes of it', () => {
    fc.assert(
      fc.property(documents, ({ entries, layout, sizes }) => {
        const text = JSON.stringify({ log: { entries } }, null, layout);
        const items = read(text, sizes, false);
        expect(items.map((item) => (item.kind === 'entry' ? item.entry : item))).toEqual(
          JSON.parse(text).log.entries,
        );
      }),
      { numRuns: 200 },
    );
  });

  it('gives the entries after a socket their own lines', () => {
    const socket = {
      _resourceType: 'websocket',
      _webSocketMessages: [
        { type: 'receive', time: 1, opcode: 1, data: '{"arg":{"channel":"tickers"}}' },
        { type: 'receive', time: 2, opcode: 1, data: '{"event":"error","code":"60012","msg":"x"}' },
      ],
      request: { method: 'GET', url: 'wss://ws.okx.com:8443/ws/v5/public' },
    };
    const after = {
      request: { method: 'GET', url: 'https://www.okx.com/' },
      response: { status: 200 },
    };
    const text = JSON.stringify({ log: { entries: [socket, after, socket, after] } }, null, 2);
    for (const size of [1, 5, 64, text.length]) {
      const items = read(text, [size], true).flatMap((item) =>
        item.kind === 'entry' ? [item] : [],
      );
      const lines = text.split('\n');
      expect(items.map((item) => lines[item.line - 1]?.trim())).toEqual(['{', '{', '{', '{']);
      expect(items.map((item) => text.slice(0, item.offset).split('\n').length)).toEqual(
        items.map((item) => item.line),
      );
    }
  });

  it('names a message that is not JSON by its frame, and reads the entry and the others', () => {
    const text = [
      '{"log":{"entries":[',
      '{"request":{"url":"wss://ws.okx.com:8443/ws/v5/public"},"_webSocketMessages":[',
      '{"type":"receive","opcode":1,"data":"{\\"code\\":-1021,"msg":"cut"}"},',
      '{"type":"receive","opcode":1,"data":"{\\"event\\":\\"error\\",\\"code\\":\\"60012\\",\\"msg\\":\\"x\\"}"}',
      ']}]}}',
    ].join('\n');
    const items = read(text, [7], true);
    expect(items[0]).toMatchObject({
      kind: 'problem',
      problem: 'bad-frame',
      index: 0,
      frame: 0,
      fatal: false,
      message: expect.stringMatching(
        /^entry 1 at line 2, frame 1: not valid JSON \(.+\), skipped$/,
      ),
    });
    expect(items[1]?.kind === 'entry' && scanOf(items[1].entry, 0).findings).toEqual([
      [0, 1, 'okx', '60012'],
    ]);
  });

  it('a list that is not valid JSON makes the entry one, and the next entries are read', () => {
    const text = `{"log":{"entries":[{"_webSocketMessages":[{"a":1} {"b":2}],"request":{}},{"c":3}]}}`;
    const items = read(text, [4], true);
    expect(items).toEqual([
      expect.objectContaining({
        problem: 'bad-entry',
        message:
          'entry 1 at line 1: not valid JSON (in _webSocketMessages: a message is not followed by "," or "]"), skipped',
      }),
      expect.objectContaining({ kind: 'entry', index: 1, entry: { c: 3 } }),
    ]);
  });
});

describe('a socket entry of any size', () => {
  const head = '{\n  "log": {\n    "entries": [\n      {\n        "_webSocketMessages": [\n';
  const quiet = JSON.stringify(
    {
      type: 'receive',
      time: 1.5,
      opcode: 1,
      data: `{"arg":{"channel":"tickers"},"data":[{"last":"${'6'.repeat(200)}"}]}`,
    },
    null,
    2,
  ).replace(/\n/g, '\n          ');
  const error = JSON.stringify(
    {
      type: 'receive',
      time: 1.6,
      opcode: 1,
      data: '{"event":"error","code":"60012","msg":"Invalid request"}',
    },
    null,
    2,
  ).replace(/\n/g, '\n          ');
  const tail =
    '\n        ],\n        "request": {\n          "url": "wss://ws.okx.com:8443/ws/v5/public"\n        }\n      }\n    ]\n  }\n}\n';

  it('over the 256 MB an entry may have, its messages are read one by one, none held', () => {
    // One block of quiet messages, about 1 MB, sent 300 times: 300 MB of one entry.
    const perBlock = Math.ceil((1024 * 1024) / (quiet.length + 12));
    const block = `          ${quiet},\n`.repeat(perBlock);
    const reader = new HarEntryReader({ skipQuietFrames: true });
    const items = [...reader.push(head)];
    for (let i = 0; i < 300; i++) items.push(...reader.push(block));
    items.push(...reader.push(`          ${error}${tail}`), ...reader.end());
    expect(300 * block.length).toBeGreaterThan(256 * 1024 * 1024);
    expect(items).toHaveLength(1);
    const [item] = items;
    expect(item).toMatchObject({ kind: 'entry', index: 0, line: 4, quietFrames: 300 * perBlock });
    // The handshake's HTTP event and the error frame; the quiet ones are counted apart.
    expect(item?.kind === 'entry' && scanOf(item.entry, 0)).toEqual({
      events: 2,
      findings: [[0, 300 * perBlock, 'okx', '60012']],
    });
  });

  it('a single message over 256 MB is skipped and said so; the next ones are read', () => {
    const reader = new HarEntryReader({ skipQuietFrames: true });
    const items = [
      ...reader.push(
        `${head}          {\n            "type": "receive",\n            "opcode": 1,\n            "data": "`,
      ),
    ];
    const megabyte = 'x'.repeat(1024 * 1024);
    for (let i = 0; i < 257; i++) items.push(...reader.push(megabyte));
    items.push(...reader.push(`"\n          },\n          ${error}${tail}`), ...reader.end());
    expect(items.map((item) => (item.kind === 'problem' ? item.message : item.kind))).toEqual([
      'entry 1 at line 4, frame 1: 257 MB, over the 256 MB a message may have, skipped',
      'entry',
    ]);
    const entry = items[1]?.kind === 'entry' ? items[1].entry : undefined;
    expect(scanOf(entry, 0).findings).toEqual([[0, 1, 'okx', '60012']]);
  });
});
