// One entry of a custom catalogue, checked field by field: the compact form that is stored and
// synced (only what the user gave), and the full catalogue entry built from it with defaults.
import { placeholderNamesIn } from '../catalogue/placeholders.ts';
import {
  CATEGORIES,
  type CatalogueEntry,
  type Category,
  RETRY_KINDS,
  type RetryAdvice,
  type RetryKind,
  SURFACES,
  type Surface,
} from '../catalogue/types.ts';
import { defaultFix, defaultRetry, guessCategory } from './default-advice.ts';
import { exchangeIdProblem } from './exchange-id.ts';

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

export const FIELD_LIMITS = {
  text: 2000,
  name: 100,
  steps: 20,
  variants: 50,
  delayMs: 86_400_000,
} as const;

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
const CODE = /^-?\d{1,10}$/;

function shown(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

type Problems = string[];

function text(value: unknown, field: string, problems: Problems, max: number = FIELD_LIMITS.text) {
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') {
    problems.push(`${field} must be text, not ${shown(value)}`);
    return undefined;
  }
  const trimmed = value.trim();
  if (trimmed.length > max) problems.push(`${field} is longer than ${max} characters`);
  return trimmed === '' ? undefined : trimmed;
}

function codeOf(value: unknown, problems: Problems): string | undefined {
  if (value === undefined || value === null || value === '') {
    problems.push('code is missing');
    return undefined;
  }
  const code = typeof value === 'number' ? String(value) : typeof value === 'string' ? value : '';
  if (!CODE.test(code.trim())) {
    problems.push(`code '${shown(value)}' is not a number`);
    return undefined;
  }
  return code.trim();
}

function oneOfList<T extends string>(
  value: unknown,
  field: string,
  allowed: readonly T[],
  problems: Problems,
): T | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const lower = typeof value === 'string' ? value.trim().toLowerCase() : value;
  if ((allowed as readonly unknown[]).includes(lower)) return lower as T;
  problems.push(`${field} '${shown(value)}' is not one of ${allowed.join(', ')}`);
  return undefined;
}

function httpStatusOf(value: unknown, problems: Problems): number | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  const status = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
  if (typeof status === 'number' && Number.isInteger(status) && status >= 100 && status <= 599) {
    return status;
  }
  problems.push(`HTTP status '${shown(value)}' is not a number from 100 to 599`);
  return undefined;
}

function retryOf(value: unknown, problems: Problems): CustomRecord['retry'] {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'string') {
    const kind = oneOfList(value, 'retry', RETRY_KINDS, problems);
    return kind && { kind };
  }
  if (typeof value !== 'object') {
    problems.push(`retry must be a kind or {kind, delayMs, note}, not ${shown(value)}`);
    return undefined;
  }
  const { kind, delayMs, note } = value as Record<string, unknown>;
  const checkedKind = oneOfList(kind, 'retry kind', RETRY_KINDS, problems);
  if (!checkedKind) {
    if (kind === undefined) problems.push('retry has no kind');
    return undefined;
  }
  const retry: NonNullable<CustomRecord['retry']> = { kind: checkedKind };
  if (delayMs !== undefined) {
    const ok = Number.isInteger(delayMs) && (delayMs as number) >= 0;
    if (ok && (delayMs as number) <= FIELD_LIMITS.delayMs) retry.delayMs = delayMs as number;
    else problems.push(`retry delayMs '${shown(delayMs)}' is not a whole number of ms up to a day`);
  }
  const checkedNote = text(note, 'retry note', problems);
  if (checkedNote) retry.note = checkedNote;
  return retry;
}

function stepsOf(value: unknown, problems: Problems): string[] | undefined {
  if (value === undefined || value === null) return undefined;
  const ok = Array.isArray(value) && value.length <= FIELD_LIMITS.steps;
  if (!ok || !value.every((step) => typeof step === 'string')) {
    problems.push(`steps must be a list of at most ${FIELD_LIMITS.steps} texts`);
    return undefined;
  }
  const steps = value.map((step) => text(step, 'a step', problems) ?? '').filter(Boolean);
  return steps.length > 0 ? steps : undefined;
}

function variantsOf(value: unknown, problems: Problems): CustomRecord['variants'] {
  if (value === undefined || value === null) return undefined;
  const ok = Array.isArray(value) && value.length <= FIELD_LIMITS.variants;
  if (!ok || !value.every((v) => typeof v === 'object' && v !== null && !Array.isArray(v))) {
    problems.push(`variants must be a list of at most ${FIELD_LIMITS.variants} {en, zh}`);
    return undefined;
  }
  const variants: NonNullable<CustomRecord['variants']> = [];
  for (const variant of value as Record<string, unknown>[]) {
    const en = text(variant.en, 'a variant', problems);
    const zh = text(variant.zh, 'a variant', problems);
    if (en) variants.push(zh ? { en, zh } : { en });
  }
  return variants.length > 1 ? variants : undefined;
}

function messagesOf(fields: Record<string, unknown>, problems: Problems) {
  const { messages } = fields;
  let en = text(fields.message, 'message', problems);
  let zh = text(fields.zh, 'zh', problems);
  if (messages !== undefined) {
    if (typeof messages !== 'object' || messages === null) {
      problems.push('messages must be {en, zh}');
    } else {
      const m = messages as Record<string, unknown>;
      en ??= text(m.en, 'messages.en', problems);
      zh ??= text(m.zh, 'messages.zh', problems);
    }
  }
  return { en, zh };
}

/**
 * Checks one record (from JSON or a table row). `exchange` is the catalogue-level default.
 * Returns the record, or the problems found, each phrased for "<where>: <problem>".
 */
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
