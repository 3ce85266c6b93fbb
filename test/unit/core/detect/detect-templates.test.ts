import { describe, expect, it } from 'vitest';
import {
  BUNDLED_CATALOGUE,
  detect,
  explain,
  fillPlaceholders,
  placeholderNames,
  readPlaceholders,
} from '../../../../src/core/index.ts';

const templated = BUNDLED_CATALOGUE.entries.filter((e) => e.placeholders);
/** The OKX WebSocket seed: its templates fill through the detector on a WebSocket frame. */
const okxSeed = templated.filter((e) => e.exchange === 'okx' && e.surface !== 'rest');

const ADJACENT = /(\}|%[sdb])(\{|%[sdb])/;

/** Distinct values that never contain a template's literal text. */
function valuesFor(names: readonly string[]): Record<string, string> {
  return Object.fromEntries(names.map((name, i) => [name, `v${i}Q${name.replace('%', 'p')}`]));
}

describe('templated messages', () => {
  it('exist in the OKX seed with every kind of placeholder', () => {
    const names = new Set(okxSeed.flatMap((e) => e.placeholders ?? []));
    expect([...names].sort()).toEqual(['0', 'channelName', 'instId', 'op', 'param0']);
  });

  it('use every spelling the sources do: {name}, {{name}}, %s, %d, %b, quoted and full-width', () => {
    const texts = templated.flatMap((e) =>
      (e.variants ?? [e.messages]).flatMap(({ en, zh }) => [en, zh ?? '']),
    );
    const has = (needle: string) => texts.some((t) => t.includes(needle));
    for (const spelling of ['{param0}', '{instId}', '{{key0}}', '{{.replaceKey0}}', "'%s'"]) {
      expect(has(spelling), spelling).toBe(true);
    }
    for (const spelling of ['%d', '%b', '％s', '{}']) expect(has(spelling), spelling).toBe(true);
  });

  it('fill {0} from "Parameter instId can not be empty."', () => {
    const [finding] = detect({
      type: 'ws',
      url: 'wss://ws.okx.com:8443/ws/v5/public',
      direction: 'receive',
      data: '{"event":"error","code":"60027","msg":"Parameter instId can not be empty.","connId":"1"}',
    });
    expect(finding?.placeholders).toEqual({ '0': 'instId' });
  });

  it.each(okxSeed.map((e) => [e.code, e] as const))(
    'OKX %s fills every placeholder in English and Chinese through the detector',
    (_code, entry) => {
      for (const template of [entry.messages.en, entry.messages.zh ?? '']) {
        const names = placeholderNames(template);
        if (names.length === 0) continue;
        const values = valuesFor(names);
        const [finding] = detect({
          type: 'ws',
          url: 'wss://ws.okx.com:8443/ws/v5/public',
          direction: 'receive',
          data: JSON.stringify({
            event: 'error',
            code: entry.code,
            msg: fillPlaceholders(template, values),
          }),
        });
        expect(finding?.placeholders).toEqual(values);
      }
    },
  );

  it.each(templated.map((e) => [e.id, e] as const))(
    '%s: every templated variant reads back the values it was filled with',
    (_id, entry) => {
      for (const { en, zh } of entry.variants ?? [entry.messages]) {
        for (const template of [en, zh ?? '']) {
          const names = placeholderNames(template);
          if (names.length === 0) continue;
          const values = valuesFor(names);
          const read = readPlaceholders(template, fillPlaceholders(template, values));
          // "{0}{1}" (an amount and its currency) has no text between its values to split at:
          // the message still fits, but the first value keeps one character.
          if (ADJACENT.test(template)) expect(read, template).toBeDefined();
          else expect(read, template).toEqual(values);
        }
      }
    },
  );

  it('keep the case of the filled value and tolerate a missing full stop', () => {
    expect(
      readPlaceholders('Parameter {0} can not be empty.', 'parameter InstFamily can not be empty'),
    ).toEqual({
      '0': 'InstFamily',
    });
    expect(
      readPlaceholders('Parameter {0} can not be empty.', 'Something else entirely'),
    ).toBeUndefined();
  });

  it('with many placeholders match without backtracking, even on a long near miss', () => {
    const template = '{a} {b} {c} {d} end';
    expect(readPlaceholders(template, 'w x y z end')).toEqual({ a: 'w', b: 'x', c: 'y', d: 'z' });
    expect(readPlaceholders(template, 'x '.repeat(1000))).toBeUndefined();
    expect(
      readPlaceholders('Order {id} for {symbol} at {price} rejected', 'Order '.repeat(300)),
    ).toBeUndefined();
  });

  it('are filled by explain --message too', () => {
    const [match] = explain('60019', { message: 'Invalid op: subscribe2' });
    expect(match?.placeholders).toEqual({ op: 'subscribe2' });
  });
});
