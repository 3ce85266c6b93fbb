// One entry of a custom catalogue, checked field by field: the compact form that is stored and
// synced (only what the user gave), and the full catalogue entry built from it with defaults.
import { placeholderNamesIn } from '../catalogue/placeholders.ts';
import {
  CATEGORIES,
  type CatalogueEntry,
  type Category,
  type RetryAdvice,
  type RetryKind,
  SURFACES,
  type Surface,
} from '../catalogue/types.ts';
import { defaultFix, defaultRetry, guessCategory } from './default-advice.ts';
import { exchangeIdProblem } from './exchange-id.ts';
import {
  codeOf,
  FIELD_LIMITS,
  httpStatusOf,
  messagesOf,
  oneOfList,
  type Problems,
  retryOf,
  shown,
  stepsOf,
  text,
  variantsOf,
} from './record-fields.ts';

/** A checked record: what the user wrote, normalised, without defaults filled in. */
export interface CustomRecord {
  exchange: string;
  /** Always a string of digits with an optional minus, as the exchange writes it. */
  code: string;
  surface: Surface;
  message: string;
  zh?: string;
  /** Further documented messages, the main one first (as bundled entries export them). */
  variants?: { en: string; zh?: string }[];
  description?: string;
  descriptionZh?: string;
  deprecated?: boolean;
  fix?: string;
  name?: string;
  httpStatus?: number;
  category?: Category;
  retry?: { kind: RetryKind; delayMs?: number; note?: string };
  steps?: string[];
  group?: string;
}

/** Keys an exported catalogue entry carries that import recomputes. */
const RECOMPUTED = new Set(['id', 'source', 'fixSource', 'origin', 'placeholders']);
const KNOWN = new Set([
  'exchange',
  'code',
  'surface',
  'message',
  'messages',
  'zh',
  'variants',
  'description',
  'descriptionZh',
  'deprecated',
  'fix',
  'solution',
  'name',
  'httpStatus',
  'category',
  'retry',
  'steps',
  'group',
]);
export function checkRecord(
  value: unknown,
  fallbackExchange: string | undefined,
): { record: CustomRecord } | { problems: string[] } {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { problems: [`an entry must be an object, not ${shown(value)}`] };
  }
  const fields = value as Record<string, unknown>;
  const problems: Problems = [];
  for (const key of Object.keys(fields)) {
    if (!KNOWN.has(key) && !RECOMPUTED.has(key)) problems.push(`unknown field '${shown(key)}'`);
  }
  const exchange = text(fields.exchange, 'exchange', problems)?.toLowerCase() ?? fallbackExchange;
  if (exchange === undefined) problems.push('no exchange: give "exchange" for the catalogue');
  else {
    const problem = exchangeIdProblem(exchange);
    if (problem) problems.push(problem);
  }
  const code = codeOf(fields.code, problems);
  const { en, zh } = messagesOf(fields, problems);
  const description = text(fields.description, 'description', problems);
  const fix = text(fields.fix ?? fields.solution, 'fix', problems);
  const name = text(fields.name, 'name', problems, FIELD_LIMITS.name);
  const group = text(fields.group, 'group', problems, FIELD_LIMITS.name);
  const surface = oneOfList(fields.surface, 'surface', SURFACES, problems) ?? 'rest';
  const category = oneOfList(fields.category, 'category', CATEGORIES, problems);
  const httpStatus = httpStatusOf(fields.httpStatus, problems);
  const retry = retryOf(fields.retry, problems);
  const steps = stepsOf(fields.steps, problems);
  const variants = variantsOf(fields.variants, problems);
  const descriptionZh = text(fields.descriptionZh, 'descriptionZh', problems);
  if (fields.deprecated !== undefined && typeof fields.deprecated !== 'boolean') {
    problems.push(`deprecated must be true or false, not ${shown(fields.deprecated)}`);
  }
  const message = en ?? description ?? zh;
  if (message === undefined && problems.length === 0) problems.push('no message or description');
  if (problems.length > 0 || code === undefined || exchange === undefined || !message) {
    return { problems };
  }

  const record: CustomRecord = { exchange, code, surface, message };
  if (zh) record.zh = zh;
  if (description && description !== message) record.description = description;
  if (fix) record.fix = fix;
  if (name) record.name = name;
  if (httpStatus !== undefined) record.httpStatus = httpStatus;
  if (category) record.category = category;
  if (retry) record.retry = retry;
  if (steps) record.steps = steps;
  if (group) record.group = group;
  // The variants list starts with the main message; keep it only when it still does.
  if (variants && variants[0]?.en === message) record.variants = variants;
  if (descriptionZh) record.descriptionZh = descriptionZh;
  if (fields.deprecated === true) record.deprecated = true;
  return { record };
}

/** The record without its exchange, as a stored catalogue lists it. */
export function compactRecord(record: CustomRecord): Omit<CustomRecord, 'exchange'> {
  const { exchange: _exchange, ...rest } = record;
  return rest;
}

/** Full catalogue entries, with ids unique per exchange, surface and code like the bundled. */
export function entriesOf(records: readonly CustomRecord[], source: string): CatalogueEntry[] {
  const counts = new Map<string, number>();
  const keyOf = (r: CustomRecord) => `custom:${r.exchange}:${r.surface}:${r.code}`;
  for (const record of records) counts.set(keyOf(record), (counts.get(keyOf(record)) ?? 0) + 1);
  const seen = new Map<string, number>();
  return records.map((record) => {
    const key = keyOf(record);
    const row = seen.get(key) ?? 0;
    seen.set(key, row + 1);
    return entryOf(record, (counts.get(key) ?? 1) > 1 ? `${key}#${row}` : key, source);
  });
}

function entryOf(record: CustomRecord, id: string, source: string): CatalogueEntry {
  const description = record.description ?? record.message;
  const category =
    record.category ??
    guessCategory(`${record.name ?? ''} ${record.message} ${record.zh ?? ''} ${description}`);
  const retry: RetryAdvice = record.retry
    ? { ...record.retry, source: 'exchange' }
    : defaultRetry(category);
  const entry: CatalogueEntry = {
    id,
    exchange: record.exchange,
    code: record.code,
    surface: record.surface,
    messages: record.zh ? { en: record.message, zh: record.zh } : { en: record.message },
    description,
    fix: record.fix ?? defaultFix(record.exchange, record.code),
    fixSource: record.fix ? 'exchange' : 'exchange-lens',
    category,
    retry,
    source,
    origin: 'custom',
  };
  if (record.variants) entry.variants = record.variants.map((v) => ({ ...v }));
  if (record.descriptionZh) entry.descriptionZh = record.descriptionZh;
  if (record.deprecated) entry.deprecated = true;
  const variants = record.variants ?? [{ en: record.message, zh: record.zh }];
  const placeholders = placeholderNamesIn(variants.flatMap((v) => [v.en, v.zh ?? '']));
  if (placeholders.length > 0) entry.placeholders = placeholders;
  if (record.name) entry.name = record.name;
  if (record.httpStatus !== undefined) entry.httpStatus = record.httpStatus;
  if (record.steps) entry.steps = record.steps;
  if (record.group) entry.group = record.group;
  return entry;
}
