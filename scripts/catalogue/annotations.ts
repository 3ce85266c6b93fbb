// Curated per-code data the sources do not carry (category, retry advice, fixes we wrote),
// read from catalogue/annotations/<exchange>.json and checked against the core's vocabularies.
// Keys: "surface:code" for a code, "surface:code#row" for one of its rows, and under
// "messages" a server message for every row that documents it (Binance's -2010 lists).
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
  retry?: { kind: RetryKind; delayMs?: number; note?: string };
  fix?: string;
}

/** Where an entry's annotation came from: written for it, or derived by a rule. */
export type AnnotationOrigin = 'hand' | 'rule';

export interface RowAnnotation {
  annotation: Annotation;
  /** Who decided the category and the fix: 'rule' only when no hand annotation applies. */
  origin: AnnotationOrigin;
}

export class Annotations {
  private readonly used = new Set<string>();

  constructor(
    readonly file: string,
    private readonly entries: Record<string, Partial<Annotation>>,
    private readonly messages: Record<string, Partial<Annotation>> = {},
  ) {}

  static load(path: string): Annotations {
    const json = JSON.parse(readFileSync(path, 'utf8')) as {
      entries?: Record<string, unknown>;
      messages?: Record<string, unknown>;
    };
    const read = (section: Record<string, unknown> | undefined, partial: boolean) => {
      const checked: Record<string, Partial<Annotation>> = {};
      for (const [key, value] of Object.entries(section ?? {})) {
        checked[key] = checkAnnotation(path, key, value, partial);
      }
      return checked;
    };
    return new Annotations(path, read(json.entries, false), read(json.messages, true));
  }

  /** The annotation of one row: a row key ("rest:-1005#1") wins over the row's message, which
   * wins over the code's key, which wins over the rule. Without a rule, a row no key matches
   * is an error: every seed row is annotated by hand. */
  for(
    surface: Surface,
    code: string,
    row: number,
    messages: readonly string[] = [],
    rule?: Annotation,
  ): RowAnnotation {
    const layers: Partial<Annotation>[] = [];
    const take = (key: string, found: Partial<Annotation> | undefined) => {
      if (!found) return;
      this.used.add(key);
      layers.push(found);
    };
    const codeKey = `${surface}:${code}`;
    take(codeKey, this.entries[codeKey]);
    for (const message of messages) {
      if (Object.hasOwn(this.messages, message)) take(`message:${message}`, this.messages[message]);
    }
    const rowKey = `${codeKey}#${row}`;
    take(rowKey, this.entries[rowKey]);
    if (layers.length === 0 && !rule) throw new Error(`${this.file}: no annotation for ${codeKey}`);
    const annotation = Object.assign({}, rule, ...layers) as Annotation;
    if (!annotation.category) throw new Error(`${this.file}: ${rowKey} has no category`);
    return { annotation, origin: layers.length > 0 ? 'hand' : 'rule' };
  }

  /** Keys that match no row of the source: a typo or a code the source lost. */
  unused(): string[] {
    return [
      ...Object.keys(this.entries),
      ...Object.keys(this.messages).map((message) => `message:${message}`),
    ].filter((key) => !this.used.has(key));
  }
}

function checkAnnotation(
  file: string,
  key: string,
  value: unknown,
  partial: boolean,
): Partial<Annotation> {
  const where = `${file}: ${key}`;
  if (typeof value !== 'object' || value === null) throw new Error(`${where}: not an object`);
  const { category, retry, fix, ...rest } = value as Record<string, unknown>;
  const unknown = Object.keys(rest);
  if (unknown.length > 0) throw new Error(`${where}: unknown field ${unknown.join(', ')}`);
  if ((!partial || category !== undefined) && !CATEGORIES.includes(category as Category)) {
    throw new Error(`${where}: unknown category ${String(category)}`);
  }
  if (retry !== undefined) {
    const { kind, delayMs, note } = retry as Record<string, unknown>;
    if (!RETRY_KINDS.includes(kind as RetryKind)) {
      throw new Error(`${where}: unknown retry kind ${String(kind)}`);
    }
    if (delayMs !== undefined && (typeof delayMs !== 'number' || delayMs < 0)) {
      throw new Error(`${where}: delayMs must be a non-negative number`);
    }
    if (note !== undefined && (typeof note !== 'string' || note.trim() === '')) {
      throw new Error(`${where}: a retry note must be a non-empty string`);
    }
  }
  if (fix !== undefined && (typeof fix !== 'string' || fix.trim() === '')) {
    throw new Error(`${where}: fix must be a non-empty string`);
  }
  return value as Partial<Annotation>;
}
