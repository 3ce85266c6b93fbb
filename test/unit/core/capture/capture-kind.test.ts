import { describe, expect, it } from 'vitest';
import { SNIFF_CHARS, sniffCapture } from '../../../../src/core/capture/capture-kind.ts';

describe('sniffCapture tells HAR from JSON Lines by the head of the text', () => {
  it('a HAR by its first key, pretty or minified, BOM or not', () => {
    expect(sniffCapture('{"log":{"version"', false)).toBe('har');
    expect(sniffCapture('\uFEFF{\n  "log": {', false)).toBe('har');
    expect(sniffCapture('{\n  "_meta": 1,\n', false)).toBe('har');
  });

  it('JSON Lines by a first line that is a line of its own', () => {
    expect(
      sniffCapture('{"type":"ws","url":"wss://x","direction":"receive","data":"{}"}\n', false),
    ).toBe('jsonl');
    expect(sniffCapture('{"type":"ws",\n{"type"', false)).toBe('jsonl');
    expect(sniffCapture('not json\n', false)).toBe('jsonl');
  });

  it('waits for more text when the head does not tell yet', () => {
    expect(sniffCapture('{"type":"ws","data":"', false)).toBeUndefined();
    expect(sniffCapture('  ', false)).toBeUndefined();
    expect(sniffCapture('  \n', true)).toBe('empty');
    expect(sniffCapture('{"type":"close","url":"x","code":1000}', true)).toBe('jsonl');
    expect(sniffCapture('{"x":1,"log":{"entries":[]}}', true)).toBe('har');
  });

  it('a first line longer than the head is judged by its first key', () => {
    const long = 'x'.repeat(SNIFF_CHARS);
    expect(sniffCapture(`{"type":"http","body":"${long}`, false)).toBe('jsonl');
    expect(sniffCapture(`{"_exported":"${long}`, false)).toBe('har');
  });
});
