// ANSI colours of the human output; every function is the identity when colour is off, so the
// formatter never asks whether it is writing to a terminal.
export interface Style {
  error(text: string): string;
  note(text: string): string;
  warning(text: string): string;
  /** The gutter: "-->", "|", "=". */
  gutter(text: string): string;
  bold(text: string): string;
}

function sgr(open: number, close: number): (text: string) => string {
  return (text) => `\u001b[${open}m${text}\u001b[${close}m`;
}

const plain = (text: string) => text;

export function createStyle(colour: boolean): Style {
  if (!colour) return { error: plain, note: plain, warning: plain, gutter: plain, bold: plain };
  const bold = sgr(1, 22);
  return {
    error: (text) => bold(sgr(31, 39)(text)),
    note: (text) => bold(sgr(36, 39)(text)),
    warning: (text) => bold(sgr(33, 39)(text)),
    gutter: (text) => bold(sgr(34, 39)(text)),
    bold,
  };
}
