// Recovers an error envelope from text that is not valid JSON (a truncated frame, a socket
// that died mid-message), so a broken error is still explained rather than lost.
const SALVAGE_CHARS = 64 * 1024;

function stringField(text: string, key: string): string | undefined {
  const match = new RegExp(`"${key}"\\s*:\\s*"((?:[^"\\\\]|\\\\.){0,1000})`).exec(text);
  if (!match) return undefined;
  try {
    return JSON.parse(`"${match[1]}"`) as string;
  } catch {
    return match[1];
  }
}

/** Tracks nesting depth (braces and brackets outside strings) while moving forward only, so
 * checking every "code" in the head costs one pass over it. */
function depthTracker(text: string): (index: number) => number {
  let depth = 0;
  let inString = false;
  let position = 0;
  return (index) => {
    for (; position < index; position++) {
      const c = text.charCodeAt(position);
      if (inString) {
        if (c === 92 /* backslash */) position++;
        else if (c === 34 /* quote */) inString = false;
      } else if (c === 34) inString = true;
      else if (c === 123 || c === 91) depth++;
      else if (c === 125 || c === 93) depth--;
    }
    return depth;
  };
}

/** The envelope fields readable from the first 64 KB of broken JSON, or undefined. Only a
 * top-level code key counts: one inside data[] belongs to an item, not to the reply. */
export function salvageEnvelope(text: string): Record<string, unknown> | undefined {
  const head = text.slice(0, SALVAGE_CHARS);
  const depthAt = depthTracker(head);
  let code: RegExpExecArray | undefined;
  for (const match of head.matchAll(/"(code|retCode|ret_code)"\s*:\s*(")?(-?\d{1,9})(")?/g)) {
    if (depthAt(match.index) === 1) {
      code = match;
      break;
    }
  }
  if (!code?.[1] || !code[3]) return undefined;
  const fields: Record<string, unknown> = Object.create(null);
  fields[code[1]] = code[2] && code[4] ? code[3] : Number(code[3]);
  for (const key of ['msg', 'message', 'event', 'retMsg', 'ret_msg']) {
    const value = stringField(head, key);
    if (value !== undefined) fields[key] = value;
  }
  const success = /"success"\s*:\s*(true|false)/.exec(head);
  if (success) fields.success = success[1] === 'true';
  return fields;
}
