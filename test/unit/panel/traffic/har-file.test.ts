// A HAR file as the panel reads it: streamed through core's entry reader, refused with the
// reader's words when it is not one, and imported up to where it was cut.
import { describe, expect, it } from 'vitest';
import { readHarFile } from '../../../../src/panel/traffic/har-file.ts';
import { harEntry, T0 } from '../support/frames.ts';

const woo = '{"success":false,"code":-1003,"message":"Rate limit exceed."}';
const entries = [1, 2, 3].map((i) =>
  harEntry({ url: `https://api.woox.io/v1/order?n=${i}`, status: 429, started: T0 + i }),
);
const har = JSON.stringify(
  { log: { version: '1.2', creator: { name: 'WebInspector', version: '537.36' }, entries } },
  null,
  2,
);

async function all(file: Blob, name = 'session.har') {
  const read = await readHarFile(file, name);
  if (!read.ok) return { problem: read.problem };
  const got: unknown[] = [];
  for await (const entry of read.entries) got.push(entry);
  return { entries: got, problems: read.problems(), progress: read.progress() };
}

describe('readHarFile', () => {
  it('streams the entries of a HAR file, all of them', async () => {
    const { entries: got, progress } = await all(new Blob([har]));
    expect(got).toEqual(JSON.parse(har).log.entries);
    expect(progress).toBe(1);
  });

  it("refuses what is not a HAR, in the reader's words", async () => {
    expect(
      await all(
        new Blob([`{"type":"http","url":"x","status":429,"body":${JSON.stringify(woo)}}\n`]),
        'events.jsonl',
      ),
    ).toEqual({
      problem: 'events.jsonl is not a HAR file: the document has no "log" object',
    });
    expect(await all(new Blob(['name,code\nwoo,-1003\n']), 'codes.csv')).toEqual({
      problem: 'codes.csv is not a HAR file: the file is not a JSON object',
    });
    expect(await all(new Blob([]), 'empty.har')).toEqual({ problem: 'empty.har is empty' });
  });

  it('imports up to where a file was cut, and says where', async () => {
    const cut = har.slice(0, har.indexOf('n=3'));
    const { entries: got, problems } = await all(new Blob([cut]), 'cut.har');
    expect(got).toHaveLength(2);
    expect(problems).toEqual([
      expect.stringMatching(/^cut\.har: entry 3 at line \d+: the file ends inside it$/),
    ]);
  });
});
