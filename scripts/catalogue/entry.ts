// Builds one catalogue entry from a seed row and its annotation, with the invariants every
// entry keeps (a fix, a category, retry advice, who wrote the fix).
import { placeholderNamesIn } from '../../src/core/catalogue/placeholders.ts';
import type {
  CatalogueEntry,
  ExchangeId,
  Messages,
  RetryAdvice,
  Surface,
} from '../../src/core/catalogue/types.ts';
import type { Annotation } from './annotations.ts';

export interface SeedRow {
  exchange: ExchangeId;
  surface: Surface;
  code: string;
  /** Index of this row among the rows of the same code; rowCount > 1 adds "#row" to the id. */
  row: number;
  rowCount: number;
  messages: Messages;
  /** Every documented message variant, the main one (messages) first; two or more. */
  variants?: Messages[];
  description: string;
  descriptionZh?: string;
  deprecated?: boolean;
  name?: string;
  httpStatus?: number;
  group?: string;
  /** The source's own fix, when it gives one. */
  sourceFix?: string;
  /** The source's own retry advice, when it gives one. */
  sourceRetry?: RetryAdvice;
  steps?: string[];
  source: string;
}

export function makeEntry(seed: SeedRow, annotation: Annotation): CatalogueEntry {
  const where = `${seed.exchange} ${seed.surface} ${seed.code}`;
  if (seed.sourceFix && annotation.fix) {
    throw new Error(`${where}: the source gives a fix; the annotation must not replace it`);
  }
  const fix = seed.sourceFix ?? annotation.fix;
  if (!fix) throw new Error(`${where}: no fix in the source and none in the annotation`);
  const given: RetryAdvice | undefined =
    seed.sourceRetry ??
    (annotation.retry && { ...annotation.retry, source: 'exchange-lens' as const });
  if (!given) throw new Error(`${where}: no retry advice`);
  // One key order for every entry, the one the packed catalogue unpacks to.
  const { kind, delayMs, source, note } = given;
  const retry: RetryAdvice = {
    kind,
    ...(delayMs !== undefined ? { delayMs } : {}),
    source,
    ...(note !== undefined ? { note } : {}),
  };
  if (seed.sourceRetry && annotation.retry) {
    throw new Error(`${where}: the source gives retry advice; the annotation must not replace it`);
  }

  const variants = seed.variants ?? [seed.messages];
  if (variants[0] !== seed.messages) throw new Error(`${where}: variants must start with messages`);
  const placeholders = placeholderNamesIn(variants.flatMap(({ en, zh }) => [en, zh ?? '']));
  const entry: CatalogueEntry = {
    id: `${seed.exchange}:${seed.surface}:${seed.code}${seed.rowCount > 1 ? `#${seed.row}` : ''}`,
    exchange: seed.exchange,
    code: seed.code,
    surface: seed.surface,
    messages: seed.messages,
    ...(variants.length > 1 ? { variants } : {}),
    description: seed.description,
    ...(seed.descriptionZh ? { descriptionZh: seed.descriptionZh } : {}),
    ...(seed.deprecated ? { deprecated: true } : {}),
    fix,
    fixSource: seed.sourceFix ? 'exchange' : 'exchange-lens',
    category: annotation.category,
    retry,
    source: seed.source,
  };
  if (seed.name) entry.name = seed.name;
  if (seed.httpStatus !== undefined) entry.httpStatus = seed.httpStatus;
  if (seed.group) entry.group = seed.group;
  if (placeholders.length > 0) entry.placeholders = placeholders;
  if (seed.steps) entry.steps = seed.steps;
  return entry;
}

/** Numbers each row among the rows of the same surface and code, in document order. */
export function numberRows<T extends { surface: Surface; code: string }>(
  rows: T[],
): (T & { row: number; rowCount: number })[] {
  const counts = new Map<string, number>();
  for (const row of rows) {
    const key = `${row.surface}:${row.code}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const seen = new Map<string, number>();
  return rows.map((row) => {
    const key = `${row.surface}:${row.code}`;
    const index = seen.get(key) ?? 0;
    seen.set(key, index + 1);
    return { ...row, row: index, rowCount: counts.get(key) ?? 1 };
  });
}
