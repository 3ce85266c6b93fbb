import { describe, expect, it } from 'vitest';
import { LineSplitter, type SplitLine } from '../../../../src/core/capture/line-splitter.ts';

function split(chunks: string[], max?: number): SplitLine[] {
  const splitter = new LineSplitter(max);
  const lines: SplitLine[] = [];
  for (const chunk of chunks) lines.push(...splitter.push(chunk));
  lines.push(...splitter.end());
  return lines;
}

describe('LineSplitter', () => {
  it('numbers lines from 1 across chunks, keeping a last line without newline', () => {
    expect(split(['\uFEFFa\nb', 'c\n', '\nd\r\ne'])).toEqual([
      { number: 1, text: 'a' },
      { number: 2, text: 'bc' },
      { number: 3, text: '' },
      { number: 4, text: 'd\r' },
      { number: 5, text: 'e' },
    ]);
    expect(split(['a\n'])).toEqual([{ number: 1, text: 'a' }]);
  });

  it('does not keep a line longer than the limit, and goes on with the next', () => {
    expect(split(['ok\n123', '456', '789\nnext\n', '0123456789ab\n'], 8)).toEqual([
      { number: 1, text: 'ok' },
      { number: 2, text: '', tooLong: 9 },
      { number: 3, text: 'next' },
      { number: 4, text: '', tooLong: 12 },
    ]);
  });
});
