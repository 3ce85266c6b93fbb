// Pure: the panel's bounded memory of rows. Non-error rows go first (oldest first) when a cap
// is reached; error rows only when nothing else is left to drop. Snapshots are immutable, so
// the UI can hold one (pause) while the store moves on.
import { senderKey } from '../../core/exchange-names.ts';
import type { RowLevel, TrafficRow } from './traffic-row.ts';

export interface StoreLimits {
  /** Non-error rows (plain and notes) kept at most; the oldest are dropped first. */
  maxPlainRows: number;
  /** All rows kept at most: errors keep at least maxRows - maxPlainRows slots. */
  maxRows: number;
  /** Characters (payloads, URLs, previews) held at most, against a flood of big frames. */
  maxChars: number;
}

export const DEFAULT_LIMITS: StoreLimits = {
  maxPlainRows: 5_000,
  maxRows: 10_000,
  maxChars: 32 * 1024 * 1024,
};

/** The user's history setting counts non-error rows; errors get as many slots again. */
export function limitsFor(historyMaxRows: number): Partial<StoreLimits> {
  return { maxPlainRows: historyMaxRows, maxRows: 2 * historyMaxRows };
}

export interface StoreSnapshot {
  /** Oldest first; ids ascending. */
  rows: readonly TrafficRow[];
  /** Non-error rows dropped to save memory since the last clear. */
  droppedPlain: number;
  /** Error rows dropped (only once no non-error row was left to drop). */
  droppedErrors: number;
  /** Error findings of the rows held, by exchange id ('http' for bare HTTP statuses). */
  errorsByExchange: Readonly<Record<string, number>>;
  /** Rows added since the last clear, dropped ones included. */
  added: number;
}

const isError = (level: RowLevel): boolean => level === 'error';

export class TrafficStore {
  private rows: readonly TrafficRow[] = [];
  private plainRows = 0;
  private chars = 0;
  private droppedPlain = 0;
  private droppedErrors = 0;
  private added = 0;
  private readonly errors = new Map<string, number>();
  private cached: StoreSnapshot | undefined;
  private currentLimits: StoreLimits;

  constructor(limits: Partial<StoreLimits> = {}) {
    this.currentLimits = { ...DEFAULT_LIMITS, ...limits };
  }

  get limits(): StoreLimits {
    return this.currentLimits;
  }

  /** New caps (the user's history setting); rows beyond them go at once. */
  setLimits(limits: Partial<StoreLimits>): void {
    this.currentLimits = { ...this.currentLimits, ...limits };
    this.compact();
    this.cached = undefined;
  }

  append(rows: readonly TrafficRow[]): void {
    if (rows.length === 0) return;
    for (const row of rows) this.count(row, 1);
    this.rows = this.rows.concat(rows);
    this.added += rows.length;
    this.compact();
    this.cached = undefined;
  }

  /** Keeps only the rows `keep` accepts (navigation without preserve log). */
  retain(keep: (row: TrafficRow) => boolean): void {
    const kept = this.rows.filter(keep);
    if (kept.length === this.rows.length) return;
    this.reset();
    this.rows = kept;
    for (const row of kept) this.count(row, 1);
  }

  clear(): void {
    this.reset();
    this.added = 0;
    this.droppedPlain = 0;
    this.droppedErrors = 0;
  }

  snapshot(): StoreSnapshot {
    this.cached ??= {
      rows: this.rows,
      droppedPlain: this.droppedPlain,
      droppedErrors: this.droppedErrors,
      errorsByExchange: Object.freeze(Object.fromEntries(this.errors)),
      added: this.added,
    };
    return this.cached;
  }

  private reset(): void {
    this.rows = [];
    this.plainRows = 0;
    this.chars = 0;
    this.errors.clear();
    this.cached = undefined;
  }

  private count(row: TrafficRow, sign: 1 | -1): void {
    this.chars += sign * row.weight;
    if (!isError(row.level)) {
      this.plainRows += sign;
      return;
    }
    for (const finding of row.findings) {
      if (finding.severity !== 'error') continue;
      const key = senderKey(finding);
      const count = (this.errors.get(key) ?? 0) + sign;
      if (count > 0) this.errors.set(key, count);
      else this.errors.delete(key);
    }
  }

  /** One pass over the rows, run once per batch: per-row removal would be quadratic. */
  private compact(): void {
    const { maxPlainRows, maxRows, maxChars } = this.limits;
    const rows = this.rows;
    if (this.plainRows <= maxPlainRows && rows.length <= maxRows && this.chars <= maxChars) return;
    let dropPlain = Math.max(0, this.plainRows - maxPlainRows);
    const over = rows.length - dropPlain - maxRows;
    let dropErrors = 0;
    if (over > 0) {
      const more = Math.min(this.plainRows - dropPlain, over);
      dropPlain += more;
      dropErrors = over - more;
    }
    const drop = new Uint8Array(rows.length);
    let chars = this.chars;
    const mark = (i: number, row: TrafficRow): void => {
      drop[i] = 1;
      chars -= row.weight;
    };
    rows.forEach((row, i) => {
      if (!isError(row.level) && dropPlain > 0) {
        dropPlain--;
        mark(i, row);
      } else if (isError(row.level) && dropErrors > 0) {
        dropErrors--;
        mark(i, row);
      }
    });
    // Over the character budget: more of the oldest non-error rows, then errors, go.
    for (const errorsToo of [false, true]) {
      for (let i = 0; i < rows.length && chars > maxChars; i++) {
        const row = rows[i] as TrafficRow;
        if (!drop[i] && isError(row.level) === errorsToo) mark(i, row);
      }
    }
    const kept: TrafficRow[] = [];
    rows.forEach((row, i) => {
      if (!drop[i]) {
        kept.push(row);
        return;
      }
      this.count(row, -1);
      if (isError(row.level)) this.droppedErrors++;
      else this.droppedPlain++;
    });
    this.rows = kept;
  }
}
