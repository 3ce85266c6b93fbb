// Text from a capture is hostile until proven otherwise: escape control and bidi characters
// (core's one list of hidden characters) before they reach a terminal, so a server message
// cannot move the cursor, recolour the output or reorder what the user reads.
import { escapeHiddenChars } from '../core/hidden-chars.ts';

const unicodeEscape = (code: number): string =>
  code > 0xffff ? `\\u{${code.toString(16)}}` : `\\u${code.toString(16).padStart(4, '0')}`;

export function printable(text: string): string {
  return escapeHiddenChars(text, unicodeEscape);
}

/** A quoted, escaped rendering of an observed message. */
export function quoted(text: string): string {
  return printable(JSON.stringify(text));
}
