import { expect, it } from 'vitest';
import { SocketMessageList } from '../../../../src/core/capture/socket-message-list.ts';

const error = (i: number) =>
  JSON.stringify({ type: 'receive', time: i, opcode: 1, data: `{"code":-1021,"msg":"late ${i}"}` });
const ticker = JSON.stringify({ type: 'receive', time: 0, opcode: 1, data: '{"arg":{}}' });

it('keeps frames that may hold an error up to its limit, then names the ones it left out', () => {
  // Room for three error frames; the quiet ones cost nothing, the list keeps its length.
  const list = new SocketMessageList(true, error(0).length * 3 + 2);
  const text = `${[error(0), ticker, error(1), error(2), ticker, error(3), error(4)].join(',')}]`;
  expect(list.feed(text, 0)).toBe(text.length);
  const messages = list.finish();
  expect(messages).toHaveLength(7);
  expect(Object.keys(messages)).toEqual(['0', '2', '3']);
  expect(list.quiet).toBe(2);
  expect(list.problems).toEqual([
    {
      frame: 5,
      through: 6,
      why: 'past 0 MB of frames that may hold an error in one entry, not read',
    },
  ]);
});
