// Pure (Blob and web streams, which Node has too): the entries of a HAR file the user chose or
// dropped, read as it streams in with core's HarEntryReader (the one the CLI's scan uses), so
// only the entry being read is held, never the file's text. The file is read up to its first
// entry before anything opens for it: a file that is not a HAR is refused with the reader's
// words and changes nothing. Entries the reader cannot parse are skipped and named; a file that
// ends inside an entry ends the import there, with what came before kept.
import { HarEntryReader, type HarStreamItem } from '../../core/capture/har-stream.ts';

export type HarFileRead =
  | {
      ok: true;
      entries: AsyncIterable<unknown>;
      /** Share of the file read so far, 0 to 1. */
      progress(): number;
      /** Entries skipped or a cut end, in the reader's words, as the import goes. */
      problems(): readonly string[];
    }
  | { ok: false; problem: string };

export async function readHarFile(file: Blob, name: string): Promise<HarFileRead> {
  if (file.size === 0) return { ok: false, problem: `${name} is empty` };
  const chunks = file.stream().pipeThrough(new TextDecoderStream()).getReader();
  const reader = new HarEntryReader();
  const problems: string[] = [];
  let read = 0;
  let ended = false;
  const waiting: unknown[] = [];

  /** Takes one item; a fatal problem before any entry means the file is not a HAR. */
  function take(item: HarStreamItem): string | undefined {
    if (item.kind === 'entry') {
      waiting.push(item.entry);
      return undefined;
    }
    if (
      item.fatal &&
      waiting.length === 0 &&
      problems.length === 0 &&
      item.problem !== 'truncated'
    ) {
      return item.message.startsWith('not a HAR file')
        ? `${name} is ${item.message}`
        : `${name} is not a HAR file: ${item.message}`;
    }
    problems.push(item.message);
    return undefined;
  }

  /** Reads on until entries wait or the file ends; the reason it is not a HAR, if it is not. */
  async function fill(): Promise<string | undefined> {
    while (waiting.length === 0 && !ended) {
      const next = await chunks.read();
      const items = next.done ? reader.end() : reader.push(next.value);
      if (next.done) ended = true;
      else read += next.value.length;
      for (const item of items) {
        const refused = take(item);
        if (refused) return refused;
      }
    }
    return undefined;
  }

  const refused = await fill().catch(
    (error: unknown) => `${name} could not be read: ${String(error)}`,
  );
  if (refused) {
    await chunks.cancel().catch(() => {});
    return { ok: false, problem: refused };
  }
  if (waiting.length === 0) {
    // Nothing to show: a HAR without entries, or one cut or broken before its first.
    const [first] = problems;
    return {
      ok: false,
      problem: first
        ? `${name} is not a complete HAR file: ${first}`
        : `${name} is a HAR file without entries`,
    };
  }

  async function* entries(): AsyncGenerator<unknown> {
    for (;;) {
      while (waiting.length > 0) yield waiting.shift();
      if (ended) return;
      await fill();
    }
  }

  return {
    ok: true,
    entries: entries(),
    // Characters read against bytes in the file: the same for the ASCII that HAR mostly is.
    progress: () => (ended ? 1 : Math.min(1, read / file.size)),
    problems: () => problems.map((message) => `${name}: ${message}`),
  };
}
