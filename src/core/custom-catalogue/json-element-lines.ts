// Where each entry of a JSON catalogue starts, so that a problem can name its line: JSON.parse
// gives values, not positions. A small scanner that only tracks strings and nesting.

/**
 * 1-based line of each element of the entries array: the root array, or the array under
 * `key` in the root object. Assumes `text` already parsed as JSON.
 */
export function elementLines(text: string, key?: string): number[] {
  const lines: number[] = [];
  const stack: { object: boolean; target: boolean }[] = [];
  let line = 1;
  let inString = false;
  let escaped = false;
  let stringStart = 0;
  let lastString = '';
  let rootKey = '';
  let expectElement = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\n') line++;
    if (inString) {
      if (escaped) escaped = false;
      else if (c === '\\') escaped = true;
      else if (c === '"') {
        inString = false;
        lastString = text.slice(stringStart, i);
      }
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') continue;
    const top = stack[stack.length - 1];
    if (expectElement && top?.target && c !== ']') lines.push(line);
    expectElement = false;
    switch (c) {
      case '"':
        inString = true;
        stringStart = i + 1;
        break;
      case '[': {
        const target =
          key === undefined
            ? stack.length === 0
            : stack.length === 1 && top?.object === true && rootKey === key;
        stack.push({ object: false, target });
        expectElement = target;
        break;
      }
      case '{':
        stack.push({ object: true, target: false });
        break;
      case ']':
      case '}':
        stack.pop();
        break;
      case ',':
        expectElement = top?.target === true;
        break;
      case ':':
        if (stack.length === 1) rootKey = lastString;
        break;
    }
  }
  return lines;
}

/** The line a JSON.parse error points at, from either engine's wording. */
export function jsonErrorLine(text: string, message: string): number | undefined {
  const lineColumn = /line (\d+) column \d+/.exec(message);
  if (lineColumn) return Number(lineColumn[1]);
  const position = /position (\d+)/.exec(message);
  if (!position) return undefined;
  const offset = Math.min(Number(position[1]), text.length);
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
