// Mock exchange (Node): the real catalogue's words, so the mock says exactly what the exchanges
// document, and a catalogue change that drops an entry the mock uses fails loudly at start-up.
import { BUNDLED_CATALOGUE, type CatalogueEntry, messageVariants } from '../../src/core/index.ts';

const byId = new Map(BUNDLED_CATALOGUE.entries.map((entry) => [entry.id, entry]));

export function catalogueEntry(id: string): CatalogueEntry {
  const entry = byId.get(id);
  if (!entry) throw new Error(`the mock exchange uses catalogue entry ${id}, which is gone`);
  return entry;
}

/** The entry's English message, its {placeholders} replaced by the values given. */
export function catalogueMessage(id: string, values: Record<string, string> = {}): string {
  return catalogueEntry(id).messages.en.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? (values[name] as string) : whole,
  );
}

/** The entry of `exchange` and `code` that documents exactly these words (one of its message
 * variants), so the mock only says what the exchange's document says; throws otherwise. */
export function documentedEntry(exchange: string, code: string, words: string): CatalogueEntry {
  const found = BUNDLED_CATALOGUE.byCode(code).find(
    (entry) =>
      entry.exchange === exchange && messageVariants(entry).some((variant) => variant.en === words),
  );
  if (!found) throw new Error(`${exchange} ${code} documents no message "${words}"`);
  return found;
}
