// The one list of characters that hide or reorder text, and how every surface shows them.
import { describe, expect, it } from 'vitest';
import {
  cutWhole,
  hasHiddenChars,
  hiddenCharName,
  hiddenCharPieces,
  showHiddenChars,
} from '../../../src/core/hidden-chars.ts';

/** Every character the issue names, and the rest of the families, one of each. */
const HIDDEN = {
  '\u202e': 'U+202E right-to-left override',
  '\u202c': 'U+202C pop directional formatting',
  '\u202a': 'U+202A left-to-right embedding',
  '\u2066': 'U+2066 left-to-right isolate',
  '\u2067': 'U+2067 right-to-left isolate',
  '\u2068': 'U+2068 first strong isolate',
  '\u2069': 'U+2069 pop directional isolate',
  '\u061c': 'U+061C Arabic letter mark',
  '\u200b': 'U+200B zero-width space',
  '\u200d': 'U+200D zero-width joiner',
  '\u200e': 'U+200E left-to-right mark',
  '\u200f': 'U+200F right-to-left mark',
  '\ufeff': 'U+FEFF zero-width no-break space (byte order mark)',
  '\u2028': 'U+2028 line separator',
  '\u2029': 'U+2029 paragraph separator',
  '\u0000': 'U+0000 control',
  '\u001b': 'U+001B escape',
  '\u007f': 'U+007F control',
  '\u009b': 'U+009B control',
  '\ud800': 'U+D800 lone surrogate',
  '\udfff': 'U+DFFF lone surrogate',
  '\u{e0041}': 'U+E0041',
} as const;

describe('hidden characters', () => {
  it('shows every bidi, zero-width, control and separator character by its code point', () => {
    for (const [char, name] of Object.entries(HIDDEN)) {
      const code = name.split(' ')[0];
      expect(showHiddenChars(`a${char}b`), name).toBe(`a⟨${code}⟩b`);
      expect(hiddenCharName(char)).toBe(name);
    }
  });

  it('leaves ordinary text, other scripts and emoji (valid surrogate pairs) alone', () => {
    const text = 'Parameter instId can not be empty. 参数错误 مرحبا 😀 ünïcödé';
    expect(hasHiddenChars(text)).toBe(false);
    expect(showHiddenChars(text)).toBe(text);
  });

  it('keeps tab and line breaks for laid-out text, and nothing else', () => {
    const text = '{\n\t"msg": "x\u202ey"\r\n}\r';
    expect(showHiddenChars(text, { keepLayout: true })).toBe(
      '{\n\t"msg": "x⟨U+202E⟩y"\r\n}⟨U+000D⟩',
    );
    expect(showHiddenChars('a\nb\tc')).toBe('a⟨U+000A⟩b⟨U+0009⟩c');
  });

  it('hands views the stand-ins apart, each with its name', () => {
    expect(hiddenCharPieces('ok\u202ekc\u202c!')).toEqual([
      { text: 'ok' },
      { text: '⟨U+202E⟩', hidden: 'U+202E right-to-left override' },
      { text: 'kc' },
      { text: '⟨U+202C⟩', hidden: 'U+202C pop directional formatting' },
      { text: '!' },
    ]);
  });

  it('cuts text without splitting a surrogate pair', () => {
    expect(cutWhole('ab😀c', 3)).toBe('ab');
    expect(cutWhole('ab😀c', 4)).toBe('ab😀');
    expect(hasHiddenChars(cutWhole('ab😀c', 3))).toBe(false);
    expect(hasHiddenChars('ab😀c'.slice(0, 3))).toBe(true);
  });
});
