// Field access on untrusted JSON: what a server or a HAR file wrote answers, nothing inherited
// does, whatever the value claims to be.
import { describe, expect, it } from 'vitest';
import { field, isObject, numberField, stringField } from '../../../../src/core/json/fields.ts';

describe('field access on untrusted values', () => {
  it('reads own fields of objects and arrays', () => {
    const reply = JSON.parse('{"code":"60009","msg":"Login failed.","data":[{"sCode":"51008"}]}');
    expect(stringField(reply, 'code')).toBe('60009');
    expect(field(field(reply, 'data'), '0')).toEqual({ sCode: '51008' });
    expect(numberField(JSON.parse('{"retCode":110007}'), 'retCode')).toBe(110007);
  });

  it('never answers from the prototype chain', () => {
    const parsed = JSON.parse('{"__proto__":{"code":-1021},"msg":"x"}');
    expect(field(parsed, 'code')).toBeUndefined();
    expect(field(parsed, '__proto__')).toEqual({ code: -1021 });
    expect(field({}, 'constructor')).toBeUndefined();
    expect(field({}, 'toString')).toBeUndefined();
    expect(field([], 'length')).toBe(0);
  });

  it('answers undefined for the wrong type, never throws', () => {
    for (const value of [null, undefined, 42, 'code', true]) {
      expect(field(value, 'code')).toBeUndefined();
    }
    expect(stringField({ code: -1021 }, 'code')).toBeUndefined();
    expect(numberField({ code: '-1021' }, 'code')).toBeUndefined();
    expect(numberField({ code: Number.NaN }, 'code')).toBeUndefined();
    expect(isObject([])).toBe(false);
    expect(isObject(null)).toBe(false);
    expect(isObject({})).toBe(true);
  });
});
