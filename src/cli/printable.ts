// Text from a capture is hostile until proven otherwise: escape control and bidi characters
// before they reach a terminal, so a server message cannot move the cursor, recolour the
// output or reorder what the user reads.
const UNSAFE = /[\p{Cc}\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069]/gu;

export function printable(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u${(c.codePointAt(0) ?? 0).toString(16).padStart(4, '0')}`);
}

/** A quoted, escaped rendering of an observed message. */
export function quoted(text: string): string {
  return printable(JSON.stringify(text));
}
