import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HarEntryReader, type HarStreamItem } from '../../../../src/core/capture/har-stream.ts';

function read(text: string, chunkSize = text.length || 1): HarStreamItem[] {
  const reader = new HarEntryReader();
  const items: HarStreamItem[] = [];
  for (let at = 0; at < text.length; at += chunkSize) {
    items.push(...reader.push(text.slice(at, at + chunkSize)));
  }
  items.push(...reader.end());
  return items;
}

const entries = (items: HarStreamItem[]) =>
  items.flatMap((item) => (item.kind === 'entry' ? [item.entry] : []));
const problems = (items: HarStreamItem[]) =>
  items.flatMap((item) => (item.kind === 'problem' ? [item.message] : []));

const ENTRY_A = {
  request: { method: 'POST', url: 'https://www.okx.com/api/v5/trade/order' },
  response: {
    status: 200,
    content: {
      text: '{"code":"1","msg":"","data":[{"sCode":"51008","sMsg":"Order failed. \\"quoted\\" {brace} [x]"}]}',
    },
  },
};
const ENTRY_B = {
  request: { method: 'GET', url: 'wss://ws.okx.com:8443/ws/v5/public' },
  _webSocketMessages: [
    {
      type: 'receive',
      time: 1.5,
      opcode: 1,
      data: '{"event":"error","code":"60012","msg":"Invalid request: {\\"op\\": \\"subscribe\\"}"}',
    },
    { type: 'send', time: 1.6, opcode: 1, data: 'ends with a backslash \\' },
  ],
};

describe('HarEntryReader reads log.entries one entry at a time', () => {
  it('in pretty-printed and minified documents, at every chunk size', () => {
    const doc = {
      log: {
        version: '1.2',
        creator: { name: 'WebInspector', version: '537.36' },
        pages: [{ id: 'page_1', title: '{[' }],
        entries: [ENTRY_A, ENTRY_B],
        comment: ']}',
      },
    };
    for (const text of [
      JSON.stringify(doc),
      JSON.stringify(doc, null, 2),
      `\uFEFF${JSON.stringify(doc, null, '\t')}\n`,
    ]) {
      for (const size of [1, 2, 3, 7, 64, text.length]) {
        const items = read(text, size);
        expect(problems(items)).toEqual([]);
        expect(entries(items)).toEqual([ENTRY_A, ENTRY_B]);
      }
    }
  });

  it('gives each entry its index, the line and offset of its opening brace', () => {
    const text = JSON.stringify({ log: { entries: [ENTRY_A, ENTRY_B] } }, null, 2);
    const items = read(text, 5).filter((item) => item.kind === 'entry');
    const lines = text.split('\n');
    for (const item of items) {
      if (item.kind !== 'entry') continue;
      expect(lines[item.line - 1]?.trim()).toBe('{');
      expect(text[item.offset]).toBe('{');
      expect(text.slice(0, item.offset).split('\n').length).toBe(item.line);
    }
    expect(items.map((item) => (item.kind === 'entry' ? item.index : -1))).toEqual([0, 1]);
  });

  it('keys of log after entries, and of the root after log, are skipped', () => {
    const text = '{"log":{"entries":[{"a":1}],"pages":[{"x":"]"}]},"extra":{"y":[1,2,{"z":null}]}}';
    const items = read(text, 3);
    expect(entries(items)).toEqual([{ a: 1 }]);
    expect(problems(items)).toEqual([]);
  });

  it('a truncated file: everything before counts and the cut entry is named with its line', () => {
    const text = JSON.stringify({ log: { entries: [ENTRY_A, ENTRY_B, ENTRY_A] } }, null, 2);
    const cut = text.slice(0, text.lastIndexOf('"POST"'));
    const items = read(cut, 11);
    expect(entries(items)).toEqual([ENTRY_A, ENTRY_B]);
    const line = cut.slice(0, cut.lastIndexOf('{\n        "request"')).split('\n').length;
    expect(problems(items)).toEqual([`entry 3 at line ${line}: the file ends inside it`]);
  });

  it('a file cut between entries, or before log.entries, says where', () => {
    expect(problems(read('{"log":{"entries":[{"a":1},'))).toEqual([
      'the file ends at line 1, after 1 entry, before the HAR document closes',
    ]);
    expect(problems(read('{"log":{"version":"1.2",'))).toEqual([
      'the file ends at line 1, before log.entries',
    ]);
  });

  it('an entry that is not valid JSON or not an object is skipped, and the next ones read', () => {
    const text = '{"log":{"entries":[\n{"a":01},\n"text",\n{"b":2}]}}';
    const items = read(text, 4);
    expect(entries(items)).toEqual([{ b: 2 }]);
    expect(problems(items)).toEqual([
      expect.stringMatching(/^entry 1 at line 2: not valid JSON \(.+\), skipped$/),
      'entry 2 at line 3: not an object, skipped',
    ]);
    expect(items.at(-1)).toMatchObject({ kind: 'entry', index: 2, line: 4 });
  });

  it('tells a document without log, or log without entries, as fatal', () => {
    expect(read('{"apiKey":"x"}')).toEqual([
      expect.objectContaining({ problem: 'no-log', fatal: true }),
    ]);
    expect(read('{"log":{"version":"1.2","creator":{"name":"x"}}}')).toEqual([
      expect.objectContaining({
        problem: 'no-entries',
        message: 'not a HAR file: log.entries is missing',
        fatal: true,
      }),
    ]);
    expect(read('[1]')).toEqual([expect.objectContaining({ problem: 'no-log', fatal: true })]);
  });

  it('reads any document JSON.stringify writes, cut anywhere into chunks', () => {
    const text = fc.string({
      unit: fc.constantFrom('a', '"', '\\', '{', '}', '[', ']', '\n', 'é', '😀', ',', ':'),
    });
    const value = fc.letrec((tie) => ({
      leaf: fc.oneof(text, fc.integer(), fc.boolean(), fc.constant(null)),
      node: fc.oneof(
        { depthSize: 'small' },
        tie('leaf'),
        fc.array(tie('node'), { maxLength: 3 }),
        fc.dictionary(text, tie('node'), { maxKeys: 3 }),
      ),
    })).node;
    const entry = fc.dictionary(text, value, { maxKeys: 4 });
    fc.assert(
      fc.property(
        fc.array(entry, { maxLength: 4 }),
        fc.integer({ min: 1, max: 40 }),
        fc.boolean(),
        (list, size, pretty) => {
          const doc = JSON.stringify(
            { log: { version: '1.2', entries: list, after: list[0] ?? null } },
            null,
            pretty ? 2 : 0,
          );
          const items = read(doc, size);
          expect(problems(items)).toEqual([]);
          expect(entries(items)).toEqual(list);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('HarEntryReader with skipQuietFrames, as scan reads', () => {
  const frames = [
    {
      type: 'receive',
      time: 1,
      opcode: 1,
      data: '{"arg":{"channel":"tickers"},"data":[{"last":"65012.4"}]}',
    },
    {
      type: 'receive',
      time: 2,
      opcode: 1,
      data: '{"event":"error","code":"60012","msg":"Invalid request"}',
    },
    { type: 'receive', time: 3, opcode: 2, data: 'H4sIAAAAAAAAA6tWSs7PS8tMBwCzA0Y5CgAAAA==' },
    { type: 'error', time: 4, opcode: 1, data: 'net::ERR_CONNECTION_RESET' },
    {
      type: 'send',
      time: 5,
      opcode: 1,
      data: '{"op":"subscribe","args":[{"channel":"\\u0063ode"}]}',
    },
    { type: 'send', time: 6, opcode: 1, data: 'ping' },
  ];
  const socket = {
    request: { method: 'GET', url: 'wss://ws.okx.com:8443/ws/v5/public' },
    _webSocketMessages: frames,
  };
  const text = JSON.stringify({ log: { entries: [ENTRY_A, socket] } }, null, 2);

  it('leaves out only text frames that cannot hold an envelope, keeping every index', () => {
    for (const size of [3, 50, text.length]) {
      const reader = new HarEntryReader({ skipQuietFrames: true });
      const items: HarStreamItem[] = [];
      for (let at = 0; at < text.length; at += size)
        items.push(...reader.push(text.slice(at, at + size)));
      items.push(...reader.end());
      const [first, second] = items;
      expect(first).toMatchObject({ kind: 'entry', entry: ENTRY_A, quietFrames: 0 });
      expect(second).toMatchObject({ kind: 'entry', quietFrames: 3 });
      const entry = second?.kind === 'entry' ? (second.entry as typeof socket) : undefined;
      // The error event, the binary frame and the error message stay, each at its index; the
      // market data, the subscription (its "\u0063ode" is no key to the detector) and the ping
      // are holes.
      expect(entry?._webSocketMessages).toHaveLength(6);
      expect(Object.keys(entry?._webSocketMessages ?? {})).toEqual(['1', '2', '3']);
      expect(entry?._webSocketMessages.slice(1, 4)).toEqual([frames[1], frames[2], frames[3]]);
      expect({ ...entry, _webSocketMessages: [] }).toEqual({ ...socket, _webSocketMessages: [] });
    }
  });

  it('reads a minified document alike, each message parsed and judged on its own', () => {
    const reader = new HarEntryReader({ skipQuietFrames: true });
    const items = [...reader.push(JSON.stringify({ log: { entries: [socket] } })), ...reader.end()];
    expect(items).toEqual([expect.objectContaining({ kind: 'entry', quietFrames: 3 })]);
  });
});
