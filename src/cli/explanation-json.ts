// Builds the shared explanation part of a JSON item: from a catalogue entry, or honest
// placeholder text when no catalogue knows the code (so consumers never meet a missing field).
import {
  type CatalogueEntry,
  describeRetry,
  entryMessage,
  type Finding,
  messageAsSent,
  unexplainedText,
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
  /** What the server said: the message shown is the documented variant it matches, filled. */
  observed?: string,
): ExplanationJson {
  const message = messageAsSent(entry, observed, lang);
  const documented = entryMessage(entry, lang);
  return {
    exchange: entry.exchange,
    code: entry.code,
    message,
    ...(message !== documented ? { documentedMessage: documented } : {}),
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
