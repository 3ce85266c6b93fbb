// The normalised index the quick lookup searches: built once per catalogue, so a keystroke only
// scans a vocabulary of a few thousand words instead of re-reading every entry.
import type { CatalogueEntry } from '../catalogue/types.ts';
import { EXCHANGE_IDS } from '../catalogue/types.ts';
import { fold, nameKey, tokensOf } from './tokens.ts';

export interface IndexedEntry {
  entry: CatalogueEntry;
  /** The code's digits, without the sign: "1021" for "-1021". */
  digits: string;
  negative: boolean;
  /** nameKey of the symbolic name, or "" without one. */
  name: string;
  /** Folded message and description, for phrase matches. */
  phraseText: string;
  /** Bundled exchanges in their fixed order, then custom ones. */
  exchangeRank: number;
}

export interface Posting {
  entry: number;
  weight: number;
}

export interface SearchIndex {
  entries: IndexedEntry[];
  /** Every distinct word, for prefix, substring and typo scans. */
  vocabulary: string[];
  postings: Map<string, Posting[]>;
  /** Exchanges present, bundled first, in catalogue order. */
  exchanges: string[];
}

/** How much a word counts, by the field it comes from. */
const WEIGHTS = {
  code: 1,
  name: 1,
  message: 1,
  description: 0.8,
  exchange: 0.7,
  fix: 0.6,
  category: 0.6,
  group: 0.4,
  steps: 0.4,
  note: 0.3,
} as const;
/** Neighbouring words joined ("recv window" -> "recvwindow") count a little less. */
const JOINED = 0.9;

function fieldsOf(entry: CatalogueEntry): [string | undefined, number][] {
  return [
    [entry.code, WEIGHTS.code],
    [entry.name, WEIGHTS.name],
    [entry.messages.en, WEIGHTS.message],
    [entry.messages.zh, WEIGHTS.message],
    // Further documented variants ("Too many new orders; current limit is %s orders per %s.").
    ...(entry.variants ?? []).flatMap(({ en, zh }): [string | undefined, number][] => [
      [en, WEIGHTS.message],
      [zh, WEIGHTS.message],
    ]),
    [entry.description, WEIGHTS.description],
    [entry.descriptionZh, WEIGHTS.description],
    [entry.exchange, WEIGHTS.exchange],
    [entry.fix, WEIGHTS.fix],
    [entry.category, WEIGHTS.category],
    [entry.group, WEIGHTS.group],
    [entry.steps?.join(' '), WEIGHTS.steps],
    [entry.retry.note, WEIGHTS.note],
  ];
}

/** Words of one text, each followed by its join with the next ("recv window" gives "recv",
 * "recvwindow", "window"); true marks a joined word. */
function wordsOfText(text: string): [string, boolean][] {
  const tokens = tokensOf(text);
  const words: [string, boolean][] = [];
  tokens.forEach((token, i) => {
    words.push([token, false]);
    const next = tokens[i + 1];
    if (next && !next.startsWith(token)) words.push([token + next, true]);
  });
  return words;
}

/** Texts many entries share (a rule's fix, a group, a source) are cut into words once. */
type TextWords = Map<string, [string, boolean][]>;

function entryWords(entry: CatalogueEntry, cache: TextWords): Map<string, number> {
  const words = new Map<string, number>();
  const add = (word: string, weight: number) => {
    if ((words.get(word) ?? 0) < weight) words.set(word, weight);
  };
  for (const [text, weight] of fieldsOf(entry)) {
    if (!text) continue;
    let cut = cache.get(text);
    if (!cut) {
      cut = wordsOfText(text);
      cache.set(text, cut);
    }
    for (const [word, joined] of cut) add(word, joined ? weight * JOINED : weight);
  }
  return words;
}

/** Every message variant and the descriptions, for phrase matches. */
function phraseOf(entry: CatalogueEntry): string {
  const texts = (entry.variants ?? [entry.messages]).flatMap(({ en, zh }) => [en, zh ?? '']);
  return [...texts, entry.description, entry.descriptionZh ?? ''].join(' ');
}

function exchangeRank(exchange: string): number {
  const index = (EXCHANGE_IDS as readonly string[]).indexOf(exchange);
  return index < 0 ? EXCHANGE_IDS.length : index;
}

export function buildSearchIndex(catalogueEntries: readonly CatalogueEntry[]): SearchIndex {
  const postings = new Map<string, Posting[]>();
  const exchanges: string[] = [];
  const textWords: TextWords = new Map();
  const entries = catalogueEntries.map((entry, index): IndexedEntry => {
    for (const [word, weight] of entryWords(entry, textWords)) {
      const list = postings.get(word);
      if (list) list.push({ entry: index, weight });
      else postings.set(word, [{ entry: index, weight }]);
    }
    if (!exchanges.includes(entry.exchange)) exchanges.push(entry.exchange);
    const negative = entry.code.startsWith('-');
    return {
      entry,
      digits: negative ? entry.code.slice(1) : entry.code,
      negative,
      name: entry.name ? nameKey(entry.name) : '',
      phraseText: fold(phraseOf(entry)),
      exchangeRank: exchangeRank(entry.exchange),
    };
  });
  exchanges.sort((a, b) => exchangeRank(a) - exchangeRank(b));
  return { entries, vocabulary: [...postings.keys()], postings, exchanges };
}
