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

function retryJson(entry: CatalogueEntry): RetryJson {
  const { kind, delayMs, note } = entry.retry;
  return {
    kind,
    ...(delayMs !== undefined ? { delayMs } : {}),
    text: describeRetry(entry.retry),
    ...(note ? { note } : {}),
  };
}

export function entryExplanation(
  entry: CatalogueEntry,
  lang: Lang,
  placeholders: Record<string, string> | undefined,
  alternatives: readonly CatalogueEntry[],
): ExplanationJson {
  return {
    exchange: entry.exchange,
    code: entry.code,
    message: entryMessage(entry, lang),
    description: entry.description,
    fix: entry.fix,
    category: entry.category,
    retry: retryJson(entry),
    surface: entry.surface,
    ...(entry.name ? { name: entry.name } : {}),
    ...(entry.httpStatus !== undefined ? { httpStatus: entry.httpStatus } : {}),
    fixSource: entry.fixSource,
    source: entry.source,
    entryId: entry.id,
    ...(entry.steps?.length ? { steps: [...entry.steps] } : {}),
    placeholders: { ...placeholders },
    alternatives: alternatives.map((alternative) => alternativeJson(alternative, lang)),
  };
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
