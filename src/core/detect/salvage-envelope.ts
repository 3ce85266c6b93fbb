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

/** The envelope fields readable from the first 64 KB of broken JSON, or undefined. */
export function salvageEnvelope(text: string): Record<string, unknown> | undefined {
  const head = text.slice(0, SALVAGE_CHARS);
  const code = /"code"\s*:\s*(")?(-?\d{1,9})(")?/.exec(head);
  if (!code?.[2]) return undefined;
  const fields: Record<string, unknown> = Object.create(null);
  fields.code = code[1] && code[3] ? code[2] : Number(code[2]);
  for (const key of ['msg', 'message', 'event']) {
    const value = stringField(head, key);
    if (value !== undefined) fields[key] = value;
  }
  const success = /"success"\s*:\s*(true|false)/.exec(head);
  if (success) fields.success = success[1] === 'true';
  return fields;
}
