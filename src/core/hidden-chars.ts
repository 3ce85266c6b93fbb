// Pure: the characters that render as nothing or reorder the text around them — bidi controls
// (U+202A-U+202E, U+2066-U+2069, U+061C, U+200E/U+200F), zero-width and other format
// characters (U+200B-U+200D, U+2060, U+FEFF, tags), C0 and C1 controls, line and paragraph
// separators, lone surrogates — and how to show them. Text a server or a page sent passes
// through here before any surface prints it (panel rows and details, popup, signing pane, CLI),
// so a message cannot reorder or hide part of what the user reads.

/** One match per hidden code point; a lone surrogate counts as one, a valid pair is not hidden. */
const HIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/gu;
const ANY_HIDDEN = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Cs}]/u;

const NAMES: Readonly<Record<number, string>> = {
  9: 'tab',
  10: 'line feed',
  13: 'carriage return',
  27: 'escape',
  173: 'soft hyphen',
  1564: 'Arabic letter mark',
  6158: 'Mongolian vowel separator',
  8203: 'zero-width space',
  8204: 'zero-width non-joiner',
  8205: 'zero-width joiner',
  8206: 'left-to-right mark',
  8207: 'right-to-left mark',
  8232: 'line separator',
  8233: 'paragraph separator',
  8234: 'left-to-right embedding',
  8235: 'right-to-left embedding',
  8236: 'pop directional formatting',
  8237: 'left-to-right override',
  8238: 'right-to-left override',
  8288: 'word joiner',
  8294: 'left-to-right isolate',
  8295: 'right-to-left isolate',
  8296: 'first strong isolate',
  8297: 'pop directional isolate',
  65279: 'zero-width no-break space (byte order mark)',
};

export interface ShowOptions {
  /**
   * Keep tab, line feed and a carriage return before a line feed as they are: for text laid out
   * in a block (a payload, pretty JSON) where they are layout, not hiding places.
   */
  keepLayout?: boolean;
}

export interface TextPiece {
  text: string;
  /** Set for a stand-in: the hidden character's code point and name, for a tooltip. */
  hidden?: string;
}

/** "U+202E" */
export function codePointLabel(char: string): string {
  return `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** "U+202E right-to-left override"; a lone surrogate or unnamed control by its code alone. */
export function hiddenCharName(char: string): string {
  const code = char.codePointAt(0) ?? 0;
  const label = codePointLabel(char);
  if (code >= 0xd800 && code <= 0xdfff) return `${label} lone surrogate`;
  const name = NAMES[code] ?? (code < 0x20 || (code >= 0x7f && code <= 0x9f) ? 'control' : '');
  return name === '' ? label : `${label} ${name}`;
}

/** What a hidden character reads as on screen: ⟨U+202E⟩. */
export function standIn(char: string): string {
  return `⟨${codePointLabel(char)}⟩`;
}

export function hasHiddenChars(text: string): boolean {
  return ANY_HIDDEN.test(text);
}

/** Each hidden character of the text once, in order of first appearance. */
export function hiddenCharsIn(text: string): string[] {
  return [...new Set(text.match(HIDDEN) ?? [])];
}

function kept(text: string, char: string, at: number, options: ShowOptions | undefined): boolean {
  if (!options?.keepLayout) return false;
  return char === '\n' || char === '\t' || (char === '\r' && text[at + 1] === '\n');
}

/** Calls `hidden` for each hidden character (not kept for layout) and `plain` for the runs between. */
function walk(
  text: string,
  options: ShowOptions | undefined,
  plain: (run: string) => void,
  hidden: (char: string) => void,
): void {
  let from = 0;
  for (const match of text.matchAll(HIDDEN)) {
    const char = match[0];
    const at = match.index;
    if (kept(text, char, at, options)) continue;
    if (at > from) plain(text.slice(from, at));
    hidden(char);
    from = at + char.length;
  }
  if (from < text.length) plain(from === 0 ? text : text.slice(from));
}

/** The text with every hidden character replaced by its stand-in (⟨U+202E⟩). */
export function showHiddenChars(text: string, options?: ShowOptions): string {
  if (!hasHiddenChars(text)) return text;
  let shown = '';
  walk(
    text,
    options,
    (run) => {
      shown += run;
    },
    (char) => {
      shown += standIn(char);
    },
  );
  return shown;
}

/** The text in pieces, stand-ins apart, for views that mark them (a tooltip, a style). */
export function hiddenCharPieces(text: string, options?: ShowOptions): TextPiece[] {
  const pieces: TextPiece[] = [];
  walk(
    text,
    options,
    (run) => pieces.push({ text: run }),
    (char) => pieces.push({ text: standIn(char), hidden: hiddenCharName(char) }),
  );
  return pieces;
}

/** The text with every hidden character written by `write` (a terminal's `\u202e`). */
export function escapeHiddenChars(
  text: string,
  write: (codePoint: number) => string,
  options?: ShowOptions,
): string {
  if (!hasHiddenChars(text)) return text;
  let escaped = '';
  walk(
    text,
    options,
    (run) => {
      escaped += run;
    },
    (char) => {
      escaped += write(char.codePointAt(0) ?? 0);
    },
  );
  return escaped;
}

/**
 * The first `max` UTF-16 units of a text, never ending on half of a surrogate pair (which a
 * later pass would rightly report as a lone surrogate the sender never sent).
 */
export function cutWhole(text: string, max: number): string {
  if (text.length <= max) return text;
  const last = text.charCodeAt(max - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? max - 1 : max);
}
