// Pure (a Blob, which Node has too): the entries of a HAR file the user chose or dropped, or
// why it is not one. Today the file is read whole and parsed with JSON.parse; the streaming
// reader (src/core/capture/har-stream.ts, on its way from the CLI's branch) replaces the body
// of readHarFile with one call yielding entries as they are read, and nothing else changes:
// the import takes any (async) iterable of entries.
import { harEntries } from '../../core/capture/har-entry.ts';
import { isObject } from '../../core/json/fields.ts';

/** JSON.parse needs the whole text in memory, twice over: refuse files far beyond a session. */
export const MAX_HAR_FILE_BYTES = 512 * 1024 * 1024;

export type HarFileRead =
  | { ok: true; entries: Iterable<unknown> | AsyncIterable<unknown>; total?: number }
  | { ok: false; problem: string };

const megabytes = (bytes: number) => `${Math.round(bytes / 1024 / 1024).toLocaleString('en')} MB`;

export async function readHarFile(file: Blob, name: string): Promise<HarFileRead> {
  if (file.size === 0) return { ok: false, problem: `${name} is empty` };
  if (file.size > MAX_HAR_FILE_BYTES) {
    return {
      ok: false,
      problem: `${name} is ${megabytes(file.size)}: the panel reads HAR files up to ${megabytes(MAX_HAR_FILE_BYTES)} (the CLI reads any size)`,
    };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse((await file.text()).replace(/^\uFEFF/, ''));
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return { ok: false, problem: `${name} is not a HAR file: it is not valid JSON (${why})` };
  }
  const entries = harEntries(parsed);
  if (!entries) {
    const why =
      isObject(parsed) && Object.hasOwn(parsed, 'log')
        ? 'log.entries is missing'
        : 'it has no "log" with "entries"';
    return { ok: false, problem: `${name} is not a HAR file: ${why}` };
  }
  return { ok: true, entries, total: entries.length };
}
