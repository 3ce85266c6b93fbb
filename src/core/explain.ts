// Looks a code up in the catalogues, as `exchange-lens explain` and the popup do: every entry
// with that code, best first, with placeholders filled from an observed message if given.
import { BUNDLED_CATALOGUE, type Catalogue } from './catalogue/catalogue.ts';
import { placeholdersFrom, similarityScorer } from './catalogue/match-message.ts';
import { type CatalogueEntry, EXCHANGE_IDS, type ExchangeId } from './catalogue/types.ts';

export interface ExplainOptions {
  exchange?: ExchangeId;
  /** The message the server sent: picks the best row and fills placeholders. */
  message?: string;
  catalogue?: Catalogue;
}

export interface ExplainMatch {
  entry: CatalogueEntry;
  /** Similarity of the observed message to this entry; 0 without a message, and 0 when it is
   * under MESSAGE_MATCH_FLOOR. */
  score: number;
  /** Only with a message: whether it matches one of this entry's documented messages. When no
   * match of a code has it, no documented message fits and the entries keep catalogue order. */
  messageMatched?: boolean;
  placeholders?: Record<string, string>;
}

/** The code as typed, and the same code with its sign flipped ("1021" finds "-1021"). */
function spellings(code: string): string[] {
  const trimmed = code.trim();
  return trimmed.startsWith('-') ? [trimmed, trimmed.slice(1)] : [trimmed, `-${trimmed}`];
}

/** Bundled exchanges in their fixed order, then custom ones (which sort by catalogue order). */
function exchangeRank(exchange: ExchangeId): number {
  const index = (EXCHANGE_IDS as readonly string[]).indexOf(exchange);
  return index < 0 ? EXCHANGE_IDS.length : index;
}

export function explain(code: string, options: ExplainOptions = {}): ExplainMatch[] {
  const catalogue = options.catalogue ?? BUNDLED_CATALOGUE;
  let entries: readonly CatalogueEntry[] = [];
  for (const spelling of spellings(code)) {
    entries = catalogue
      .byCode(spelling)
      .filter((e) => !options.exchange || e.exchange === options.exchange);
    if (entries.length > 0) break;
  }
  const score = similarityScorer(options.message);
  const matches = entries.map((entry, order) => {
    const match: ExplainMatch = { entry, score: score(entry) };
    if (options.message) match.messageMatched = match.score > 0;
    const placeholders = placeholdersFrom(entry, options.message);
    if (placeholders) match.placeholders = placeholders;
    return { match, order };
  });
  matches.sort(
    (a, b) =>
      b.match.score - a.match.score ||
      exchangeRank(a.match.entry.exchange) - exchangeRank(b.match.entry.exchange) ||
      a.order - b.order,
  );
  return matches.map(({ match }) => match);
}
