// Pure: a string to sign shown so that every character that changes the HMAC can be seen: the
// hidden characters core knows (controls, bidi, zero-width, lone surrogates: the same stand-ins
// as everywhere else), plus what only matters here — line breaks and tabs as glyphs, unusual
// spaces, a trailing space — and where two such strings first differ.
import {
  codePointLabel,
  hasHiddenChars,
  hiddenCharName,
  hiddenCharPieces,
  type TextPiece,
} from '../../core/hidden-chars.ts';

export interface VisiblePiece {
  text: string;
  /** Set for a stand-in: the character's code point and name, for the tooltip. */
  invisible?: string;
}

const GLYPHS: Readonly<Record<string, string>> = {
  '\n': '↵',
  '\r': '␍',
  '\t': '⇥',
  '\u00a0': '⍽',
};

/** Spaces that look like a plain space but sign differently. */
const UNUSUAL_SPACE = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]/;

function spaceName(char: string): string {
  return char === '\u00a0' ? 'U+00A0 no-break space' : `${codePointLabel(char)} space`;
}

function standInFor(char: string): VisiblePiece {
  const name = UNUSUAL_SPACE.test(char) ? spaceName(char) : hiddenCharName(char);
  return { text: GLYPHS[char] ?? `⟨${codePointLabel(char)}⟩`, invisible: name };
}

/** Ordinary runs split further where unusual or trailing spaces hide. */
function splitSpaces(run: string, rest: string, pieces: VisiblePiece[]): void {
  let plain = '';
  for (let i = 0; i < run.length; i++) {
    const char = run[i] as string;
    const after = run.slice(i + 1, i + 201) + (i + 201 > run.length ? rest.slice(0, 200) : '');
    const trailing = char === ' ' && /^ *(\r?\n|$)/.test(after);
    if (!trailing && !UNUSUAL_SPACE.test(char)) {
      plain += char;
      continue;
    }
    if (plain !== '') pieces.push({ text: plain });
    plain = '';
    pieces.push(
      trailing ? { text: '·', invisible: 'U+0020 space at the end of a line' } : standInFor(char),
    );
  }
  if (plain !== '') pieces.push({ text: plain });
}

/** The text in pieces: runs of ordinary characters, and one stand-in per invisible character.
 * A space at the very end, or before a line break, is shown as "·". */
export function visiblePieces(text: string): VisiblePiece[] {
  const core: TextPiece[] = hasHiddenChars(text) ? hiddenCharPieces(text) : [{ text }];
  const pieces: VisiblePiece[] = [];
  let offset = 0;
  for (const piece of core) {
    if (piece.hidden === undefined) {
      splitSpaces(piece.text, text.slice(offset + piece.text.length), pieces);
      offset += piece.text.length;
      continue;
    }
    const char = String.fromCodePoint(text.codePointAt(offset) ?? 0);
    offset += char.length;
    pieces.push(GLYPHS[char] ? standInFor(char) : { text: piece.text, invisible: piece.hidden });
    // A real line break after its stand-in keeps long bodies readable.
    if (char === '\n') pieces.push({ text: '\n' });
  }
  return pieces;
}

/** Index of the first character where a and b differ; undefined when they are equal. */
export function firstDifference(a: string, b: string): number | undefined {
  if (a === b) return undefined;
  const shorter = Math.min(a.length, b.length);
  for (let i = 0; i < shorter; i++) if (a[i] !== b[i]) return i;
  return shorter;
}
