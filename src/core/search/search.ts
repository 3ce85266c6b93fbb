// The quick lookup's search: a code, a symbolic name, words or Chinese text in, entries of every
// catalogue out, best first. Tiers: exact code, code prefix, name, then words (typos last).
import type { CatalogueEntry } from '../catalogue/types.ts';
import type { SearchIndex } from './search-index.ts';
import { fold, isHan, nameKey, queryTokensOf, withinOneEdit } from './tokens.ts';

/** Why an entry matched, best first; the UI may say "did you mean" for a typo. */
export type MatchKind = 'code' | 'code-prefix' | 'name' | 'words' | 'typo' | 'all';

export interface SearchHit {
  entry: CatalogueEntry;
  score: number;
  kind: MatchKind;
}

export interface SearchOptions {
  /** Only these exchanges; empty or absent means all. */
  exchanges?: ReadonlySet<string>;
}

const SCORE = {
  code: 1000,
  codeOtherSign: 950,
  codePrefix: 800,
  codePrefixOtherSign: 780,
  name: 700,
  namePrefix: 650,
  words: 300,
  wordsRange: 200,
  phrase: 50,
} as const;
const QUALITY = { exact: 1, han: 1, prefix: 0.8, typo: 0.6, substring: 0.5 } as const;

/** "-1021", "1021", "−1021" (a typographic minus), "#60012". */
const CODE_QUERY = /^[#]?([-\u2212]?)\s*(\d{1,10})$/;

interface Scored {
  score: number;
  kind: MatchKind;
}

function better(scores: Map<number, Scored>, entry: number, score: number, kind: MatchKind) {
  const current = scores.get(entry);
  if (!current || current.score < score) scores.set(entry, { score, kind });
}

/** Scores entries by code when the query is one; true when any code matched. */
function scoreCodes(index: SearchIndex, query: string, scores: Map<number, Scored>): boolean {
  const match = CODE_QUERY.exec(query);
  if (!match) return false;
  const negative = match[1] !== '';
  const digits = match[2] as string;
  let found = false;
  index.entries.forEach((item, i) => {
    const sameSign = item.negative === negative;
    // A missing minus is forgiven ("1021" finds -1021); a typed one is meant.
    if (negative && !item.negative) return;
    if (item.digits === digits) {
      better(scores, i, sameSign ? SCORE.code : SCORE.codeOtherSign, 'code');
      found = true;
    } else if (item.digits.startsWith(digits)) {
      better(scores, i, sameSign ? SCORE.codePrefix : SCORE.codePrefixOtherSign, 'code-prefix');
      found = true;
    }
  });
  return found;
}

function scoreNames(index: SearchIndex, query: string, scores: Map<number, Scored>) {
  const key = nameKey(query);
  if (key.length < 2) return;
  index.entries.forEach((item, i) => {
    if (item.name === key) better(scores, i, SCORE.name, 'name');
    else if (item.name.startsWith(key)) better(scores, i, SCORE.namePrefix, 'name');
  });
}

interface QueryWord {
  text: string;
  han: boolean;
  substrings: boolean;
  typos: boolean;
}

/** Quality of a vocabulary word as a match for one query word, 0 when it does not match. */
function quality(word: string, token: QueryWord): number {
  const text = token.text;
  if (word.startsWith(text)) return word.length === text.length ? QUALITY.exact : QUALITY.prefix;
  if (token.han) return word.includes(text) ? QUALITY.han : 0;
  if (token.substrings && word.includes(text)) return QUALITY.substring;
  const gap = word.length - text.length;
  if (token.typos && gap <= 1 && gap >= -1 && withinOneEdit(word, text)) return QUALITY.typo;
  return 0;
}

function scoreWords(index: SearchIndex, query: string, scores: Map<number, Scored>) {
  const tokens = queryTokensOf(query);
  if (tokens.length === 0) return;
  let totals: Map<number, { sum: number; typo: boolean }> | undefined;
  for (const text of tokens) {
    const token: QueryWord = {
      text,
      han: isHan(text),
      substrings: text.length >= 3,
      typos: text.length >= 4,
    };
    const best = new Map<number, { value: number; typo: boolean }>();
    for (const word of index.vocabulary) {
      const q = quality(word, token);
      if (q === 0) continue;
      for (const { entry, weight } of index.postings.get(word) ?? []) {
        const value = q * weight;
        const current = best.get(entry);
        if (!current || current.value < value) {
          best.set(entry, { value, typo: q === QUALITY.typo });
        }
      }
    }
    // Every query word must match: intersect with the words before.
    const next = new Map<number, { sum: number; typo: boolean }>();
    for (const [entry, { value, typo }] of best) {
      const before = totals ? totals.get(entry) : { sum: 0, typo: false };
      if (before) next.set(entry, { sum: before.sum + value, typo: before.typo || typo });
    }
    totals = next;
    if (totals.size === 0) return;
  }
  const phrase = tokens.length > 1 ? fold(query.trim()).replace(/\s+/g, ' ') : undefined;
  for (const [entry, { sum, typo }] of totals ?? []) {
    const item = index.entries[entry];
    const bonus = phrase && item?.phraseText.includes(phrase) ? SCORE.phrase : 0;
    const score = SCORE.words + (SCORE.wordsRange * sum) / tokens.length + bonus;
    better(scores, entry, score, typo ? 'typo' : 'words');
  }
}

export function search(
  index: SearchIndex,
  query: string,
  options: SearchOptions = {},
): SearchHit[] {
  const wanted = options.exchanges?.size ? options.exchanges : undefined;
  const allowed = (entry: CatalogueEntry) => !wanted || wanted.has(entry.exchange);
  const trimmed = query.normalize('NFKC').trim();
  if (trimmed === '') {
    return index.entries
      .filter((item) => allowed(item.entry))
      .map(({ entry }) => ({ entry, score: 0, kind: 'all' }));
  }
  const scores = new Map<number, Scored>();
  // A code that matches as typed (or as a prefix) is the answer; numbers in the text and codes
  // one edit away would only be noise under it.
  if (!scoreCodes(index, trimmed, scores)) {
    scoreNames(index, trimmed, scores);
    scoreWords(index, trimmed, scores);
  }
  const hits: { hit: SearchHit; rank: number; order: number }[] = [];
  for (const [i, { score, kind }] of scores) {
    const item = index.entries[i];
    if (!item || !allowed(item.entry)) continue;
    hits.push({ hit: { entry: item.entry, score, kind }, rank: item.exchangeRank, order: i });
  }
  hits.sort((a, b) => b.hit.score - a.hit.score || a.rank - b.rank || a.order - b.order);
  return hits.map(({ hit }) => hit);
}
