// Matches an observed server message against catalogue messages: fills templated
// placeholders ("Parameter {0} can not be empty.") and scores rows of multi-row codes.
import type { CatalogueEntry } from './types.ts';

const PLACEHOLDER = /\{([A-Za-z0-9_]+)\}/g;
const MAX_MESSAGE = 2000;

/** A template cut at its placeholders: literals[i] stands before names[i]; one more literal
 * closes it. Literals are lower-cased with single spaces, like the text they are compared to. */
interface CompiledTemplate {
  literals: string[];
  names: string[];
}

const compiled = new Map<string, CompiledTemplate | null>();

/** Collapses whitespace and drops the closing full stop: servers vary in both. */
function tidy(text: string): string {
  return text
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/[.。!！\s]+$/u, '');
}

function normalise(text: string): string {
  return tidy(text).toLowerCase();
}

function compile(template: string): CompiledTemplate | null {
  const cached = compiled.get(template);
  if (cached !== undefined) return cached;
  const names: string[] = [];
  const literals: string[] = [];
  let last = 0;
  const text = normalise(template);
  // Names keep their case: read them from the template, not from the lower-cased text.
  const original = tidy(template);
  for (const match of original.matchAll(PLACEHOLDER)) {
    literals.push(text.slice(last, match.index));
    names.push(match[1] as string);
    last = (match.index ?? 0) + match[0].length;
  }
  literals.push(text.slice(last));
  const result = names.length === 0 ? null : { literals, names };
  compiled.set(template, result);
  return result;
}

/** Placeholder values of a templated message, or undefined when the message does not fit. */
export function fillTemplate(
  template: string,
  observed: string,
): Record<string, string> | undefined {
  const compiledTemplate = compile(template);
  if (!compiledTemplate) return undefined;
  const { literals, names } = compiledTemplate;
  // Compare lower-cased, read the values from the original. A walk from literal to literal
  // (each found at its first place after the last) is linear: a regex of lazy groups is not,
  // and a custom template with many placeholders would stall the panel on a near miss.
  const original = tidy(observed.slice(0, MAX_MESSAGE));
  const lower = original.toLowerCase();
  const text = lower.length === original.length ? original : lower;
  const first = literals[0] as string;
  const end = literals[literals.length - 1] as string;
  if (!lower.startsWith(first) || !lower.endsWith(end)) return undefined;
  const stop = lower.length - end.length;
  const values: Record<string, string> = {};
  let at = first.length;
  for (let i = 0; i < names.length; i++) {
    const next = literals[i + 1] as string;
    const last = i === names.length - 1;
    // Every value has at least one character; the last ends where the closing literal starts.
    const until = last ? stop : next === '' ? at + 1 : lower.indexOf(next, at + 1);
    if (until < at + 1 || until > stop) return undefined;
    values[names[i] as string] = text.slice(at, until);
    at = until + (last ? 0 : next.length);
  }
  return values;
}

interface PreparedText {
  normalised: string;
  words: Set<string>;
}

function prepare(text: string): PreparedText {
  const normalised = normalise(text.slice(0, MAX_MESSAGE));
  const words = new Set(normalised.split(/[^\p{L}\p{N}_]+/u).filter((w) => w.length > 1));
  return { normalised, words };
}

/** Catalogue texts are few and fixed: prepare each once, not once per finding. */
const preparedCatalogueTexts = new Map<string, PreparedText>();

function catalogueText(text: string): PreparedText {
  let prepared = preparedCatalogueTexts.get(text);
  if (!prepared) {
    prepared = prepare(text);
    preparedCatalogueTexts.set(text, prepared);
  }
  return prepared;
}

function similarity(
  catalogueMessage: string,
  observedText: string,
  observed: PreparedText,
): number {
  const known = catalogueText(catalogueMessage);
  if (known.normalised === observed.normalised) return 1;
  if (fillTemplate(catalogueMessage, observedText)) return 0.95;
  if (known.words.size === 0 || observed.words.size === 0) return 0;
  let shared = 0;
  for (const word of known.words) if (observed.words.has(word)) shared++;
  return (0.9 * shared) / (known.words.size + observed.words.size - shared);
}

/** Similarity in [0, 1] of an observed message to one catalogue message. */
export function messageSimilarity(catalogueMessage: string, observed: string): number {
  return similarity(catalogueMessage, observed, prepare(observed));
}

/** Scores entries against one observed message, preparing the message once. */
export function similarityScorer(observed: string | undefined): (entry: CatalogueEntry) => number {
  if (!observed) return () => 0;
  // Prepared on first use: most codes have a single entry and are never scored.
  let prepared: PreparedText | undefined;
  return (entry) => {
    prepared ??= prepare(observed);
    let best = 0;
    for (const text of [entry.messages.en, entry.messages.zh, entry.description]) {
      if (text) best = Math.max(best, similarity(text, observed, prepared));
    }
    return best;
  };
}

/** Best similarity over every text of the entry (messages in each language, description). */
export function entrySimilarity(entry: CatalogueEntry, observed: string | undefined): number {
  return similarityScorer(observed)(entry);
}

/** The placeholders of the entry filled from the observed message, in either language. */
export function placeholdersFrom(
  entry: CatalogueEntry,
  observed: string | undefined,
): Record<string, string> | undefined {
  if (!observed || !entry.placeholders) return undefined;
  return (
    fillTemplate(entry.messages.en, observed) ??
    (entry.messages.zh ? fillTemplate(entry.messages.zh, observed) : undefined)
  );
}
