// Matches an observed server message against catalogue messages: fills templated
// placeholders ("Parameter {0} can not be empty.") and scores the rows of multi-row codes.
import {
  fillPlaceholders,
  literalText,
  type ObservedText,
  observedText,
  readPlaceholders,
  tidyMessage,
} from './placeholders.ts';
import type { CatalogueEntry, Lang, Messages } from './types.ts';

const MAX_MESSAGE = 2000;

/** Below this similarity a row does not count as matching the message: sharing one common
 * word out of a dozen says nothing about which row the server meant. */
export const MESSAGE_MATCH_FLOOR = 0.25;

/** Words that say nothing about which error it is; ignored when counting shared words.
 * Chinese has no spaces: a run of Han characters is one word, so its particles never stand
 * alone and need no list. */
const STOP_WORDS = new Set(
  (
    'a an the is are was were be been being am of for to in on at by with from into as or and ' +
    'not no nor it its this that these those there their your you we our us my me he she they ' +
    'them can could may might will would shall should must do does did has have had if than ' +
    'then so such but please any all some'
  ).split(' '),
);

interface PreparedText {
  normalised: string;
  words: Set<string>;
}

/** An observed message, prepared once for every catalogue text it is compared with. */
interface PreparedObserved extends PreparedText {
  text: ObservedText;
}

function normalise(text: string): string {
  return tidyMessage(text).toLowerCase();
}

function wordsOf(normalised: string): Set<string> {
  const words = new Set<string>();
  for (const word of normalised.split(/[^\p{L}\p{N}]+/u)) {
    if (word.length > 1 && !STOP_WORDS.has(word)) words.add(word);
  }
  return words;
}

function prepareObserved(text: string): PreparedObserved {
  const observed = observedText(text);
  // tidyMessage has run: lower-casing it is normalise().
  const normalised = observed.lower;
  return { normalised, words: wordsOf(normalised), text: observed };
}

/** Catalogue texts are fixed: prepare each once, not once per finding. Their placeholders
 * are not words the server sends, so they do not count. */
const preparedCatalogueTexts = new Map<string, PreparedText>();

function catalogueText(text: string): PreparedText {
  let prepared = preparedCatalogueTexts.get(text);
  if (!prepared) {
    const normalised = normalise(text.slice(0, MAX_MESSAGE));
    prepared = { normalised, words: wordsOf(normalise(literalText(text.slice(0, MAX_MESSAGE)))) };
    preparedCatalogueTexts.set(text, prepared);
  }
  return prepared;
}

/** The server sent the document's first sentence(s) only: Bybit answers "API key is invalid."
 * where its table reads "API key is invalid. Check whether the key and domain are matched…". */
function isLeadingSentence(known: string, observed: PreparedObserved): boolean {
  if (observed.words.size < 2 || !known.startsWith(observed.normalised)) return false;
  const next = known[observed.normalised.length];
  return next === '.' || next === ';' || next === '。';
}

/** Raw similarity in [0, 1]: 1 for the same text, 0.95 for a filled template, 0.9 for the
 * document's leading sentence, else the share of meaningful words the two have in common. */
function similarity(catalogueMessage: string, observed: PreparedObserved): number {
  const known = catalogueText(catalogueMessage);
  if (known.normalised === observed.normalised) return 1;
  if (readPlaceholders(catalogueMessage, observed.text)) return 0.95;
  if (isLeadingSentence(known.normalised, observed)) return 0.9;
  if (known.words.size === 0 || observed.words.size === 0) return 0;
  let shared = 0;
  for (const word of known.words) if (observed.words.has(word)) shared++;
  return (0.9 * shared) / (known.words.size + observed.words.size - shared);
}

/** Similarity of an observed message to one catalogue message; 0 below the floor. */
export function messageSimilarity(catalogueMessage: string, observed: string): number {
  const score = similarity(catalogueMessage, prepareObserved(observed));
  return score >= MESSAGE_MATCH_FLOOR ? score : 0;
}

/** Every documented message of the entry: its variants, or its one message. */
export function messageVariants(entry: CatalogueEntry): readonly Messages[] {
  return entry.variants ?? [entry.messages];
}

/** Entries are fixed once built: list each one's texts once. */
const entryTexts = new WeakMap<CatalogueEntry, string[]>();

/** Every text of the entry a server message may be compared with. */
function textsOf(entry: CatalogueEntry): string[] {
  const cached = entryTexts.get(entry);
  if (cached) return cached;
  const texts: string[] = [];
  for (const { en, zh } of messageVariants(entry)) {
    texts.push(en);
    if (zh) texts.push(zh);
  }
  texts.push(entry.description);
  if (entry.descriptionZh) texts.push(entry.descriptionZh);
  entryTexts.set(entry, texts);
  return texts;
}

/** Scores entries against one observed message, preparing the message once. A score under
 * MESSAGE_MATCH_FLOOR is 0: that row does not match, and ties keep catalogue order. */
export function similarityScorer(observed: string | undefined): (entry: CatalogueEntry) => number {
  if (!observed) return () => 0;
  // Prepared on first use: most codes have a single entry and are never scored.
  let prepared: PreparedObserved | undefined;
  return (entry) => {
    prepared ??= prepareObserved(observed);
    let best = 0;
    for (const text of textsOf(entry)) {
      best = Math.max(best, similarity(text, prepared));
      if (best === 1) break;
    }
    return best >= MESSAGE_MATCH_FLOOR ? best : 0;
  };
}

/** Best similarity over every text of the entry (each variant in each language, description). */
export function entrySimilarity(entry: CatalogueEntry, observed: string | undefined): number {
  return similarityScorer(observed)(entry);
}

/** The placeholders of the entry filled from the observed message: from the first variant,
 * in either language, that the message fits. */
export function placeholdersFrom(
  entry: CatalogueEntry,
  observed: string | undefined,
): Record<string, string> | undefined {
  if (!observed || !entry.placeholders) return undefined;
  const text = observedText(observed);
  for (const { en, zh } of messageVariants(entry)) {
    const values = readPlaceholders(en, text) ?? (zh ? readPlaceholders(zh, text) : undefined);
    if (values) return values;
  }
  return undefined;
}

/**
 * The entry's message as the server most likely sent it: the documented variant closest to the
 * observed words (in `lang` where the variant has that language), with the placeholders filled
 * from them. Without observed words, or when none fits, the entry's main message. What every
 * surface shows as "what this code says" for a finding.
 */
export function messageAsSent(
  entry: CatalogueEntry,
  observed: string | undefined,
  lang: Lang = 'en',
): string {
  const inLang = (messages: Messages) => (lang === 'zh' && messages.zh) || messages.en;
  if (!observed) return inLang(entry.messages);
  const prepared = prepareObserved(observed);
  let best = entry.messages;
  let bestScore = 0;
  for (const variant of messageVariants(entry)) {
    for (const text of [variant.en, variant.zh]) {
      if (!text) continue;
      const score = similarity(text, prepared);
      if (score > bestScore) {
        best = variant;
        bestScore = score;
      }
    }
  }
  const shown = inLang(bestScore >= MESSAGE_MATCH_FLOOR ? best : entry.messages);
  return fillPlaceholders(shown, placeholdersFrom(entry, observed));
}
