// Builds the shared explanation part of a JSON item: from a catalogue entry, or honest
// placeholder text when no catalogue knows the code (so consumers never meet a missing field).
import {
  type CatalogueEntry,
  describeRetry,
  type ExchangeId,
  entryMessage,
  type Surface,
} from '../core/index.ts';
import type { AlternativeJson, ExplanationJson, RetryJson } from './json-item.ts';

export type Lang = 'en' | 'zh';
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
  withStatus = true,
): ExplanationJson {
  const json = {
    exchange: entry.exchange,
    code: entry.code,
    message: entryMessage(entry, lang),
    description: entry.description,
    fix: entry.fix,
    category: entry.category,
    retry: retryJson(entry),
    surface: entry.surface,
  } as ExplanationJson;
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

export function unknownExplanation(
  code: string,
  exchange: ExchangeId | 'unknown',
  surface: Surface,
  observedMessage: string | undefined,
  alternatives: readonly CatalogueEntry[],
): ExplanationJson {
  const whose = exchange === 'unknown' ? "the exchange's" : `${exchange}'s`;
  return {
    exchange,
    code,
    message: observedMessage ?? '',
    description: `No bundled catalogue documents code ${code}${exchange === 'unknown' ? '' : ` for ${exchange}`}; the server's message is all there is to go on.`,
    fix: `Look code ${code} up in ${whose} API documentation; the server's message often names the problem.`,
    category: 'unknown',
    retry: { kind: 'unknown', text: 'no advice: the code is not catalogued' },
    surface,
    fixSource: 'exchange-lens',
    source: null,
    entryId: null,
    placeholders: {},
    alternatives: alternatives.map((alternative) => alternativeJson(alternative, 'en')),
  };
}
