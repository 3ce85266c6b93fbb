import { describe, expect, it } from 'vitest';
import { BUNDLED_CATALOGUE, detect, explain, fillTemplate } from '../../../../src/core/index.ts';

const templated = BUNDLED_CATALOGUE.entries.filter((e) => e.placeholders);

function instantiate(template: string, values: Record<string, string>): string {
  return template.replace(/\{([A-Za-z0-9_]+)\}/g, (_, name: string) => values[name] ?? `<${name}>`);
}

describe('templated messages', () => {
  it('exist in the OKX catalogue with every kind of placeholder', () => {
    const names = new Set(templated.flatMap((e) => e.placeholders ?? []));
    expect([...names].sort()).toEqual(['0', 'channelName', 'instId', 'op', 'param0']);
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

  it.each(templated.map((e) => [e.code, e] as const))(
    '%s fills every placeholder in English and Chinese',
    (_code, entry) => {
      const values = {
        '0': 'books5',
        param0: 'sz',
        channelName: 'books',
        instId: 'BTC-USDT-SWAP',
        op: 'subscribe',
      };
      for (const template of [entry.messages.en, entry.messages.zh ?? '']) {
        const names = [...template.matchAll(/\{([A-Za-z0-9_]+)\}/g)].map((m) => m[1] as string);
        if (names.length === 0) continue;
        const observed = instantiate(template, values);
        const [finding] = detect({
          type: 'ws',
          url: 'wss://ws.okx.com:8443/ws/v5/public',
          direction: 'receive',
          data: JSON.stringify({ event: 'error', code: entry.code, msg: observed }),
        });
        const expected = Object.fromEntries(
          names.map((name) => [name, values[name as keyof typeof values]]),
        );
        expect(finding?.placeholders).toEqual(expected);
      }
    },
  );

  it('keep the case of the filled value and tolerate a missing full stop', () => {
    expect(
      fillTemplate('Parameter {0} can not be empty.', 'parameter InstFamily can not be empty'),
    ).toEqual({
      '0': 'InstFamily',
    });
    expect(
      fillTemplate('Parameter {0} can not be empty.', 'Something else entirely'),
    ).toBeUndefined();
  });

  it('with many placeholders match without backtracking, even on a long near miss', () => {
    const template = '{a} {b} {c} {d} end';
    expect(fillTemplate(template, 'w x y z end')).toEqual({ a: 'w', b: 'x', c: 'y', d: 'z' });
    expect(fillTemplate(template, 'x '.repeat(1000))).toBeUndefined();
    expect(
      fillTemplate('Order {id} for {symbol} at {price} rejected', 'Order '.repeat(300)),
    ).toBeUndefined();
  });

  it('are filled by explain --message too', () => {
    const [match] = explain('60019', { message: 'Invalid op: subscribe2' });
    expect(match?.placeholders).toEqual({ op: 'subscribe2' });
  });
});
