// Curated per-code data the seeds do not carry (category, retry advice, fixes we wrote),
// read from catalogue/annotations/<exchange>.json and checked against the core's vocabularies.
import { readFileSync } from 'node:fs';
import {
  CATEGORIES,
  type Category,
  RETRY_KINDS,
  type RetryKind,
  type Surface,
} from '../../src/core/catalogue/types.ts';

export interface Annotation {
  category: Category;
  retry?: { kind: RetryKind; delayMs?: number };
  fix?: string;
}

export class Annotations {
  private readonly used = new Set<string>();

  constructor(
    readonly file: string,
    private readonly entries: Record<string, Annotation>,
  ) {}

  static load(path: string): Annotations {
    const json = JSON.parse(readFileSync(path, 'utf8')) as { entries?: Record<string, unknown> };
    const entries: Record<string, Annotation> = {};
    for (const [key, value] of Object.entries(json.entries ?? {})) {
      entries[key] = checkAnnotation(path, key, value);
    }
    return new Annotations(path, entries);
  }

  /** The annotation of one row: a row-specific key ("rest:-1005#1") wins over the code's. */
  for(surface: Surface, code: string, row: number): Annotation {
    const rowKey = `${surface}:${code}#${row}`;
    const codeKey = `${surface}:${code}`;
    const base = this.entries[codeKey];
    const override = this.entries[rowKey];
    if (!base && !override) throw new Error(`${this.file}: no annotation for ${codeKey}`);
    if (base) this.used.add(codeKey);
    if (override) this.used.add(rowKey);
    return { ...base, ...override } as Annotation;
  }

  /** Keys that match no entry of the seed: a typo or a code the seed lost. */
  unused(): string[] {
    return Object.keys(this.entries).filter((key) => !this.used.has(key));
  }
}

function checkAnnotation(file: string, key: string, value: unknown): Annotation {
  const where = `${file}: ${key}`;
  if (typeof value !== 'object' || value === null) throw new Error(`${where}: not an object`);
  const { category, retry, fix } = value as Record<string, unknown>;
  if (!CATEGORIES.includes(category as Category)) {
    throw new Error(`${where}: unknown category ${String(category)}`);
  }
  if (retry !== undefined) {
    const { kind, delayMs } = retry as Record<string, unknown>;
    if (!RETRY_KINDS.includes(kind as RetryKind)) {
      throw new Error(`${where}: unknown retry kind ${String(kind)}`);
    }
    if (delayMs !== undefined && (typeof delayMs !== 'number' || delayMs < 0)) {
      throw new Error(`${where}: delayMs must be a non-negative number`);
    }
  }
  if (fix !== undefined && (typeof fix !== 'string' || fix.trim() === '')) {
    throw new Error(`${where}: fix must be a non-empty string`);
  }
  return value as Annotation;
}
