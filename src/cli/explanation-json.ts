// Builds the shared explanation part of a JSON item: from a catalogue entry, or honest
// placeholder text when no catalogue knows the code (so consumers never meet a missing field).
import {
  type CatalogueEntry,
  describeRetry,
  entryMessage,
  type Finding,
  type Lang,
  messageAsSent,
  unexplainedText,
} from '../core/index.ts';
import type { AlternativeJson, ExplanationJson, RetryJson } from './json-item.ts';

export type { Lang };
export const LANGS: readonly Lang[] = ['en', 'zh'];

export function alternativeJson(entry: CatalogueEntry, lang: Lang): AlternativeJson {
  return { exchange: entry.exchange, code: entry.code, message: entryMessage(entry, lang) };
}

// The items are built key by key, in the order they print, rather than with spreads of optional
// parts: in V8 each such spread costs microseconds, and scan builds an item for every finding.

function retryJson(entry: CatalogueEntry): RetryJson {
  const { kind, delayMs, note } = entry.retry;
  const json = { kind } as RetryJson;
  if (delayMs !== undefined) json.delayMs = delayMs;
  json.text = describeRetry(entry.retry);
  if (note) json.note = note;
  return json;
}

/** The explanation an entry gives; `withStatus: false` leaves out the status it documents
 * (scan prints the observed one instead). */
export function entryExplanation(
  entry: CatalogueEntry,
  lang: Lang,
  placeholders: Record<string, string> | undefined,
  alternatives: readonly CatalogueEntry[],
  /** What the server said: the message shown is the documented variant it matches, filled. */
  observed?: string,
  /** false leaves out the status the entry documents (scan prints the observed one instead). */
  withStatus = true,
): ExplanationJson {
  const message = messageAsSent(entry, observed, lang);
  const documented = entryMessage(entry, lang);
  const json = { exchange: entry.exchange, code: entry.code, message } as ExplanationJson;
  if (message !== documented) json.documentedMessage = documented;
  json.description = entry.description;
  json.fix = entry.fix;
  json.category = entry.category;
  json.retry = retryJson(entry);
  json.surface = entry.surface;
  if (entry.name) json.name = entry.name;
  if (withStatus && entry.httpStatus !== undefined) json.httpStatus = entry.httpStatus;
  json.fixSource = entry.fixSource;
  json.source = entry.source;
  json.entryId = entry.id;
  if (entry.steps?.length) json.steps = [...entry.steps];
  json.placeholders = { ...placeholders };
  json.alternatives = alternatives.map((alternative) => alternativeJson(alternative, lang));
  return json;
}

/** No entry: a code no catalogue knows, one whose exchange is unsure, or a codeless failed op;
 * the words are core's (unexplainedText), with exchange ids as the CLI writes them. */
export function unknownExplanation(finding: Finding): ExplanationJson {
  const text = unexplainedText(finding, (id) => id);
  return {
    exchange: finding.exchange,
    code: finding.code,
    message: finding.observedMessage ?? '',
    description: text.means,
    fix: text.fix,
    category: 'unknown',
    retry: { kind: 'unknown', text: 'no advice: the code is not catalogued' },
    surface: finding.surface,
    fixSource: 'exchange-lens',
    source: null,
    entryId: null,
    placeholders: {},
    alternatives: finding.alternatives.map((alternative) => alternativeJson(alternative, 'en')),
  };
}
