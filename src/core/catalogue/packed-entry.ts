// How the generated catalogue stores its entries: one short array each instead of an object,
// so the bundle does not repeat a dozen keys 2,000 times (it roughly halves the file). The
// generator packs, the bundle unpacks once when it loads; a test checks the round trip.
import type {
  CatalogueEntry,
  Category,
  ExchangeId,
  Messages,
  RetryAdvice,
  RetryKind,
  Surface,
} from './types.ts';

/** A message: its English text, or English and Chinese. */
export type PackedMessages = string | readonly [en: string, zh: string];

export type PackedRetry = readonly [
  kind: RetryKind,
  /** 0: exchange-lens, 1: the exchange. */
  source: 0 | 1,
  delayMs?: number | null,
  note?: string,
];

export interface PackedExtra {
  name?: string;
  httpStatus?: number;
  group?: string;
  /** The variants after the first, which is the entry's messages. */
  variants?: readonly PackedMessages[];
  descriptionZh?: string;
  deprecated?: true;
  placeholders?: readonly string[];
  steps?: readonly string[];
}

export type PackedEntry = readonly [
  exchange: ExchangeId,
  surface: Surface,
  code: string,
  /** The row among the code's rows (the id's "#row"); -1 for a code with one row. */
  row: number,
  messages: PackedMessages,
  /** 0: the same text as the English message. */
  description: string | 0,
  fix: string,
  /** 0: exchange-lens wrote the fix, 1: the exchange did. */
  fixSource: 0 | 1,
  category: Category,
  retry: PackedRetry,
  source: string,
  extra?: PackedExtra,
];

function packMessages({ en, zh }: Messages): PackedMessages {
  return zh === undefined ? en : [en, zh];
}

function unpackMessages(packed: PackedMessages): Messages {
  return typeof packed === 'string' ? { en: packed } : { en: packed[0], zh: packed[1] };
}

function packRetry({ kind, source, delayMs, note }: RetryAdvice): PackedRetry {
  const from = source === 'exchange' ? 1 : 0;
  if (note !== undefined) return [kind, from, delayMs ?? null, note];
  return delayMs !== undefined ? [kind, from, delayMs] : [kind, from];
}

function unpackRetry([kind, source, delayMs, note]: PackedRetry): RetryAdvice {
  return {
    kind,
    ...(delayMs !== undefined && delayMs !== null ? { delayMs } : {}),
    source: source === 1 ? 'exchange' : 'exchange-lens',
    ...(note !== undefined ? { note } : {}),
  };
}

export function packEntry(entry: CatalogueEntry): PackedEntry {
  const row = entry.id.includes('#') ? Number(entry.id.slice(entry.id.lastIndexOf('#') + 1)) : -1;
  const extra: PackedExtra = {};
  if (entry.name !== undefined) extra.name = entry.name;
  if (entry.httpStatus !== undefined) extra.httpStatus = entry.httpStatus;
  if (entry.group !== undefined) extra.group = entry.group;
  if (entry.variants) extra.variants = entry.variants.slice(1).map(packMessages);
  if (entry.descriptionZh !== undefined) extra.descriptionZh = entry.descriptionZh;
  if (entry.deprecated) extra.deprecated = true;
  if (entry.placeholders) extra.placeholders = entry.placeholders;
  if (entry.steps) extra.steps = entry.steps;
  const packed = [
    entry.exchange,
    entry.surface,
    entry.code,
    row,
    packMessages(entry.messages),
    entry.description === entry.messages.en ? 0 : entry.description,
    entry.fix,
    entry.fixSource === 'exchange' ? 1 : 0,
    entry.category,
    packRetry(entry.retry),
    entry.source,
  ] as const;
  return Object.keys(extra).length > 0 ? [...packed, extra] : packed;
}

export function unpackEntry(packed: PackedEntry): CatalogueEntry {
  const [exchange, surface, code, row, messages, description, fix, fixSource] = packed;
  const [, , , , , , , , category, retry, source, extra = {}] = packed;
  const message = unpackMessages(messages);
  // The same key order as the generator's entries, so exported JSON reads the same.
  const entry: CatalogueEntry = {
    id: `${exchange}:${surface}:${code}${row < 0 ? '' : `#${row}`}`,
    exchange,
    code,
    surface,
    messages: message,
    ...(extra.variants ? { variants: [message, ...extra.variants.map(unpackMessages)] } : {}),
    description: description === 0 ? message.en : description,
    ...(extra.descriptionZh !== undefined ? { descriptionZh: extra.descriptionZh } : {}),
    ...(extra.deprecated ? { deprecated: true } : {}),
    fix,
    fixSource: fixSource === 1 ? 'exchange' : 'exchange-lens',
    category,
    retry: unpackRetry(retry),
    source,
  };
  if (extra.name !== undefined) entry.name = extra.name;
  if (extra.httpStatus !== undefined) entry.httpStatus = extra.httpStatus;
  if (extra.group !== undefined) entry.group = extra.group;
  if (extra.placeholders) entry.placeholders = [...extra.placeholders];
  if (extra.steps) entry.steps = [...extra.steps];
  return entry;
}
