// Turns the seeds, the exchanges' own documents and their annotations into the typed
// catalogue the extension and CLI bundle. Pure apart from reading files, so the staleness
// test can run it in memory.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CatalogueEntry, ExchangeId } from '../../src/core/catalogue/types.ts';
import { ruleAnnotation } from './annotation-rules.ts';
import { type AnnotationOrigin, Annotations } from './annotations.ts';
import { binanceSpotRows } from './binance-spot.ts';
import { binanceUsdmRows } from './binance-usdm.ts';
import { bybitRows } from './bybit.ts';
import { makeEntry, type SeedRow } from './entry.ts';
import { gatewaySeedRows } from './gateway-seed.ts';
import { okxRestRows } from './okx-rest.ts';
import { okxSeedRows } from './okx-seed.ts';
import { renderEntries } from './render.ts';
import { rfc6455SeedRows } from './rfc6455-seed.ts';
import { wooSeedRows } from './woo-seed.ts';

export const GENERATED_PATH = 'src/core/catalogue/generated/bundled-entries.ts';

export const SOURCES_DIR = 'catalogue/sources';

interface Source {
  exchange: ExchangeId;
  /** The document(s) read; the first is the entries' `source`. */
  files: string[];
  read: (texts: string[], source: string) => SeedRow[];
  /** Rows no annotation names get a rule's: the documents have hundreds of codes. The seeds
   * are annotated row by row. */
  rules: boolean;
}

const one = (read: (text: string, source: string) => SeedRow[]) => (texts: string[], s: string) =>
  read(texts[0] as string, s);

export const SOURCES: readonly Source[] = [
  {
    exchange: 'gateway',
    files: ['catalogue/seeds/000_d3de87d9020803db.txt'],
    read: one(gatewaySeedRows),
    rules: false,
  },
  {
    exchange: 'okx',
    files: ['catalogue/seeds/001_80f2a40040923e4c.txt'],
    read: one(okxSeedRows),
    rules: false,
  },
  {
    exchange: 'okx',
    files: [`${SOURCES_DIR}/okx-v5-rest-and-ws-error-codes.md`],
    read: one(okxRestRows),
    rules: true,
  },
  {
    exchange: 'woo',
    files: ['catalogue/seeds/002_811c13913c8c7a6d.txt'],
    read: one(wooSeedRows),
    rules: false,
  },
  {
    exchange: 'binance',
    files: [`${SOURCES_DIR}/binance-spot-errors.md`, `${SOURCES_DIR}/binance-spot-errors-zh.md`],
    read: ([en, zh], source) => binanceSpotRows(en as string, zh as string, source),
    rules: true,
  },
  {
    exchange: 'binance-usdm',
    files: [`${SOURCES_DIR}/binance-usdm-futures-error-codes.md`],
    read: one(binanceUsdmRows),
    rules: true,
  },
  {
    exchange: 'bybit',
    files: [`${SOURCES_DIR}/bybit-v5-error-codes.md`],
    read: one(bybitRows),
    rules: true,
  },
  {
    exchange: 'rfc6455',
    files: ['catalogue/seeds/rfc6455.txt'],
    read: one(rfc6455SeedRows),
    rules: false,
  },
];

export interface BuildResult {
  entries: CatalogueEntry[];
  /** Per exchange, how many entries took their category and fix from a hand-written
   * annotation and how many from a rule. */
  origins: Map<ExchangeId, Record<AnnotationOrigin, number>>;
  /** Per entry id, who decided its category and fix. */
  originOf: Map<string, AnnotationOrigin>;
}

export function buildCatalogue(root: string): BuildResult {
  const entries: CatalogueEntry[] = [];
  const origins = new Map<ExchangeId, Record<AnnotationOrigin, number>>();
  const originOf = new Map<string, AnnotationOrigin>();
  const annotations = new Map<ExchangeId, Annotations>();
  for (const source of SOURCES) {
    const texts = source.files.map((file) => readFileSync(join(root, file), 'utf8'));
    let perExchange = annotations.get(source.exchange);
    if (!perExchange) {
      perExchange = Annotations.load(join(root, `catalogue/annotations/${source.exchange}.json`));
      annotations.set(source.exchange, perExchange);
    }
    const count = origins.get(source.exchange) ?? { hand: 0, rule: 0 };
    origins.set(source.exchange, count);
    for (const row of source.read(texts, source.files[0] as string)) {
      const messages = (row.variants ?? [row.messages]).map((m) => m.en);
      const rule = source.rules ? ruleAnnotation(row) : undefined;
      const { annotation, origin } = perExchange.for(
        row.surface,
        row.code,
        row.row,
        messages,
        rule,
      );
      const entry = makeEntry(row, annotation);
      entries.push(entry);
      originOf.set(entry.id, origin);
      count[origin]++;
    }
  }
  for (const perExchange of annotations.values()) {
    const unused = perExchange.unused();
    if (unused.length > 0) {
      throw new Error(`${perExchange.file}: annotations match no row: ${unused.join(', ')}`);
    }
  }
  const ids = new Set<string>();
  for (const entry of entries) {
    if (ids.has(entry.id)) throw new Error(`duplicate catalogue id ${entry.id}`);
    ids.add(entry.id);
  }
  return { entries, origins, originOf };
}

export function buildEntries(root: string): CatalogueEntry[] {
  return buildCatalogue(root).entries;
}

export function renderGenerated(entries: CatalogueEntry[]): string {
  return renderEntries(entries);
}
