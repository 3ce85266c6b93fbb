// Parses and validates a whole custom catalogue, from JSON or pasted Markdown tables. All or
// nothing: any bad entry makes the result a list of problems, one per bad line, and no entries.
import type { CatalogueEntry } from '../catalogue/types.ts';
import { type CustomRecord, checkRecord, compactRecord, entriesOf } from './custom-record.ts';
import { exchangeIdProblem } from './exchange-id.ts';
import { type LocatedValue, readJsonCatalogue } from './json-catalogue.ts';
import { readMarkdownCatalogue } from './markdown-catalogue.ts';

export const CATALOGUE_LIMITS = {
  /** Characters of pasted or imported text. */
  maxChars: 2_000_000,
  maxEntries: 5_000,
  /** Problems listed before "... and N more". */
  maxProblems: 50,
} as const;

export interface ParseOptions {
  /** The exchange of entries that name none (the options page's field, or a default). */
  exchange?: string;
  /** Where the catalogue came from, shown with its entries: a file name or "pasted table". */
  source?: string;
}

/** The checked records of one exchange: the form that is stored and synced. */
export interface CustomCatalogue {
  exchange: string;
  source: string;
  records: Omit<CustomRecord, 'exchange'>[];
}

export type ParseResult =
  | { ok: true; catalogues: CustomCatalogue[]; entries: CatalogueEntry[] }
  | { ok: false; problems: string[] };

const lineOf = (problem: string): number => Number(/^line (\d+)/.exec(problem)?.[1] ?? 0);

/** In line order (a table's short rows are found before its bad codes), then capped. */
function capped(unsorted: string[]): string[] {
  const problems = unsorted
    .map((problem, order) => ({ problem, order }))
    .sort((a, b) => lineOf(a.problem) - lineOf(b.problem) || a.order - b.order)
    .map(({ problem }) => problem);
  const max = CATALOGUE_LIMITS.maxProblems;
  if (problems.length <= max) return problems;
  return [...problems.slice(0, max), `... and ${problems.length - max} more problems`];
}

function sized(text: string): string | undefined {
  if (text.length <= CATALOGUE_LIMITS.maxChars) return undefined;
  const mb = (n: number) => `${(n / 1e6).toFixed(1)} M`;
  return `the catalogue is too big: ${mb(text.length)} characters, at most ${mb(CATALOGUE_LIMITS.maxChars)}`;
}

function fallbackExchange(
  named: unknown,
  option: string | undefined,
  problems: string[],
): string | undefined {
  if (named === undefined) return option?.trim().toLowerCase() || undefined;
  if (typeof named !== 'string') {
    problems.push('line 1: "exchange" must be text');
    return undefined;
  }
  const exchange = named.trim().toLowerCase();
  const problem = exchangeIdProblem(exchange);
  if (problem) problems.push(`line 1: ${problem}`);
  return exchange;
}

/** Groups records by exchange, in order of first appearance. */
function byExchange(records: CustomRecord[], source: string): CustomCatalogue[] {
  const groups = new Map<string, CustomCatalogue>();
  for (const record of records) {
    let group = groups.get(record.exchange);
    if (!group) {
      group = { exchange: record.exchange, source, records: [] };
      groups.set(record.exchange, group);
    }
    group.records.push(compactRecord(record));
  }
  return [...groups.values()];
}

/** Every entry of the stored catalogues, as the catalogue and the search index take them. */
export function catalogueEntries(catalogues: readonly CustomCatalogue[]): CatalogueEntry[] {
  return catalogues.flatMap((catalogue) =>
    entriesOf(
      catalogue.records.map((record) => ({ ...record, exchange: catalogue.exchange })),
      catalogue.source,
    ),
  );
}

export function parseCustomCatalogue(text: string, options: ParseOptions = {}): ParseResult {
  const tooBig = sized(text);
  if (tooBig) return { ok: false, problems: [tooBig] };
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, problems: ['the catalogue is empty'] };

  const problems: string[] = [];
  let items: LocatedValue[];
  let exchange: string | undefined;
  const json = trimmed.startsWith('[') || trimmed.startsWith('{');
  if (json) {
    const read = readJsonCatalogue(text);
    if ('problems' in read) return { ok: false, problems: read.problems };
    items = read.items;
    exchange = fallbackExchange(read.exchange, options.exchange, problems);
  } else {
    const read = readMarkdownCatalogue(text);
    problems.push(...read.problems);
    items = read.items;
    exchange = fallbackExchange(read.exchange, options.exchange, problems);
    if (exchange === undefined && items.length > 0) {
      return {
        ok: false,
        problems: [
          'the table names no exchange: give an exchange id (or start with "exchange: NAME" front matter)',
        ],
      };
    }
  }
  if (items.length > CATALOGUE_LIMITS.maxEntries) {
    return {
      ok: false,
      problems: [
        `the catalogue has ${items.length} entries, at most ${CATALOGUE_LIMITS.maxEntries}`,
      ],
    };
  }
  if (items.length === 0 && problems.length === 0) problems.push('the catalogue has no entries');

  const records: CustomRecord[] = [];
  for (const { value, where } of items) {
    const checked = checkRecord(value, exchange);
    if ('problems' in checked) problems.push(...checked.problems.map((p) => `${where}: ${p}`));
    else records.push(checked.record);
  }
  if (problems.length > 0) return { ok: false, problems: capped(problems) };
  const source = options.source?.trim() || 'custom catalogue';
  const catalogues = byExchange(records, source);
  return { ok: true, catalogues, entries: catalogueEntries(catalogues) };
}
