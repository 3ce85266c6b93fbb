// Pure: a string to sign shown so that every character that changes the HMAC can be seen (line
// breaks, tabs, non-breaking and zero-width spaces, a trailing space), and where two such
// strings first differ.

export interface TextPiece {
  text: string;
  /** Set for a stand-in: the character's code point and name, for the tooltip. */
  invisible?: string;
}

const NAMED: Readonly<Record<string, [string, string]>> = {
  '\n': ['↵', 'U+000A line feed'],
  '\r': ['␍', 'U+000D carriage return'],
  '\t': ['⇥', 'U+0009 tab'],
  '\u00a0': ['⍽', 'U+00A0 no-break space'],
  '\u200b': ['⟨ZWSP⟩', 'U+200B zero-width space'],
  '\u200c': ['⟨ZWNJ⟩', 'U+200C zero-width non-joiner'],
  '\u200d': ['⟨ZWJ⟩', 'U+200D zero-width joiner'],
  '\u2060': ['⟨WJ⟩', 'U+2060 word joiner'],
  '\ufeff': ['⟨BOM⟩', 'U+FEFF byte order mark'],
};

/** Other controls, format characters and unusual spaces, by their code point. */
function otherInvisible(char: string): boolean {
  const code = char.charCodeAt(0);
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0xad ||
    (code >= 0x2000 && code <= 0x200f) ||
    (code >= 0x2028 && code <= 0x202f) ||
    code === 0x205f ||
    code === 0x3000
  );
}

function codePoint(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** The text in pieces: runs of ordinary characters, and one stand-in per invisible character.
 * A space at the very end, or before a line break, is shown as "·". */
export function visiblePieces(text: string): TextPiece[] {
  const pieces: TextPiece[] = [];
  let run = '';
  const flush = () => {
    if (run !== '') pieces.push({ text: run });
    run = '';
  };
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    const named = NAMED[char];
    const trailingSpace = char === ' ' && /^ *(\r?\n|$)/.test(text.slice(i + 1, i + 1 + 200));
    if (!named && !trailingSpace && !otherInvisible(char)) {
      run += char;
      continue;
    }
    flush();
    if (named) pieces.push({ text: named[0], invisible: named[1] });
    else if (trailingSpace)
      pieces.push({ text: '·', invisible: 'U+0020 space at the end of a line' });
    else pieces.push({ text: `⟨${codePoint(char)}⟩`, invisible: codePoint(char) });
    // A real line break after its stand-in keeps long bodies readable.
    if (char === '\n') pieces.push({ text: '\n' });
  }
  flush();
  return pieces;
}

/** Index of the first character where a and b differ; undefined when they are equal. */
export function firstDifference(a: string, b: string): number | undefined {
  if (a === b) return undefined;
  const shorter = Math.min(a.length, b.length);
  for (let i = 0; i < shorter; i++) if (a[i] !== b[i]) return i;
  return shorter;
}
