// The same JSON body written the other ways serialisers write it: what a client signs when it
// serialises the body once to sign and again (differently) to send.

export interface JsonRespelling {
  /** "compact JSON", "JSON indented by 2 spaces" ... */
  kind: string;
  text: string;
}

function sortedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedKeys);
  if (value === null || typeof value !== 'object') return value;
  const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([key, inner]) => [key, sortedKeys(inner)]));
}

/** Python's json.dumps default: ", " between items and ": " after keys, on one line. */
function pythonSpaced(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(pythonSpaced).join(', ')}]`;
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  const fields = Object.entries(value).map(
    ([key, inner]) => `${JSON.stringify(key)}: ${pythonSpaced(inner)}`,
  );
  return `{${fields.join(', ')}}`;
}

/** Every other spelling of a JSON body, the body's own excluded; none for text that is not
 * JSON. A fixed five, whatever the body. */
export function jsonRespellings(body: string): JsonRespelling[] {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return [];
  }
  if (value === null || typeof value !== 'object') return [];
  const spellings: JsonRespelling[] = [
    { kind: 'compact JSON', text: JSON.stringify(value) },
    { kind: 'JSON indented by 2 spaces', text: JSON.stringify(value, null, 2) },
    { kind: 'JSON indented by 4 spaces', text: JSON.stringify(value, null, 4) },
    { kind: 'JSON with ", " and ": " (Python\'s json.dumps)', text: pythonSpaced(value) },
    { kind: 'compact JSON with its keys sorted', text: JSON.stringify(sortedKeys(value)) },
  ];
  const seen = new Set([body]);
  return spellings.filter((s) => !seen.has(s.text) && seen.add(s.text));
}
