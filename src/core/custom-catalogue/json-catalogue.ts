// Reads a custom catalogue written as JSON: an array of entries, or {exchange, entries}.
import { elementLines, jsonErrorLine } from './json-element-lines.ts';

export interface LocatedValue {
  value: unknown;
  /** "line 7 (entry 3)": where a problem with this value is reported. */
  where: string;
}

export interface JsonCatalogue {
  exchange?: unknown;
  items: LocatedValue[];
}

const ROOT_KEYS = new Set(['exchange', 'entries', 'source', 'name', 'version']);

function tidyJsonError(message: string): string {
  // "Unexpected token } in JSON at position 42" and Firefox's "JSON.parse: ... at line 3 ...".
  return message
    .replace(/^JSON\.parse: /, '')
    .replace(/ (in JSON )?at (position \d+|line \d+ column \d+ of the JSON data).*$/, '')
    .replace(/ in JSON$/, '');
}

export function readJsonCatalogue(text: string): JsonCatalogue | { problems: string[] } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const line = jsonErrorLine(text, message);
    return {
      problems: [`${line ? `line ${line}: ` : ''}not valid JSON (${tidyJsonError(message)})`],
    };
  }
  let entries: unknown;
  let exchange: unknown;
  let lines: number[];
  if (Array.isArray(json)) {
    entries = json;
    lines = elementLines(text);
  } else if (typeof json === 'object' && json !== null) {
    const root = json as Record<string, unknown>;
    const unknown = Object.keys(root).filter((key) => !ROOT_KEYS.has(key));
    if (unknown.length > 0 || !Array.isArray(root.entries)) {
      const extra = unknown.length > 0 ? ` (unknown key '${unknown[0]}')` : '';
      return { problems: [`line 1: expected an array of entries or {exchange, entries}${extra}`] };
    }
    entries = root.entries;
    exchange = root.exchange;
    lines = elementLines(text, 'entries');
  } else {
    return { problems: ['line 1: expected an array of entries or {exchange, entries}'] };
  }
  const items = (entries as unknown[]).map((value, i) => {
    const line = lines[i];
    return { value, where: line ? `line ${line} (entry ${i + 1})` : `entry ${i + 1}` };
  });
  return exchange === undefined ? { items } : { exchange, items };
}
