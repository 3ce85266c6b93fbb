import { Writable } from 'node:stream';
import { expect, it } from 'vitest';
import { batchedOutput } from '../../../src/cli/batched-output.ts';

/** A stream that records each write it is given; a slow one is "behind" past `limit` bytes. */
function recorder(limit = 1 << 20, slow = false) {
  const writes: string[] = [];
  const stream = new Writable({
    highWaterMark: limit,
    write(chunk, _encoding, done) {
      writes.push(String(chunk));
      if (slow) setImmediate(done);
      else done();
    },
  });
  return { stream, writes };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

it('gathers what is written in one task into one write, in order', async () => {
  const { stream, writes } = recorder();
  const output = batchedOutput(stream);
  output.write('a\n');
  output.write('b\n');
  expect(writes).toEqual([]);
  await tick();
  expect(writes).toEqual(['a\nb\n']);
  output.write('c\n');
  output.flush();
  expect(writes).toEqual(['a\nb\n', 'c\n']);
});

it('writes at once past 64 KB, and says when the stream is behind until it drains', async () => {
  const { stream, writes } = recorder(1024, true);
  const output = batchedOutput(stream);
  const big = 'x'.repeat(64 * 1024);
  const behind = output.write(big);
  expect(writes).toEqual([big]);
  expect(behind).toBeInstanceOf(Promise);
  expect(output.write('y')).toBe(behind);
  await behind;
  expect(output.write('z')).toBeUndefined();
});
