// What a scan counted: findings by severity, events, inputs and what could not be read, and
// (for --summary) findings by exchange and code. Kept as counts, never as the findings
// themselves, so a capture with millions of them costs no memory.
import type { FindingJson } from './json-item.ts';
import { printable } from './printable.ts';
import type { InputProblem } from './sourced-event.ts';

/** Distinct exchange/code pairs kept for --summary; past it they are counted as "others". */
const MAX_CODES = 10_000;

export interface CodeCount {
  exchange: string;
  code: string;
  message: string;
  known: boolean;
  errors: number;
  notes: number;
}

/** 1234567 as "1,234,567", as toLocaleString('en') writes a count: without the ICU number
 * formatter, whose first use costs a scan 10 ms of start-up. */
function grouped(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}

function count(n: number, noun: string, nouns = `${noun}s`): string {
  return `${grouped(n)} ${n === 1 ? noun : nouns}`;
}

export class ScanTotals {
  errors = 0;
  notes = 0;
  events = 0;
  inputs = 0;
  /** Inputs that could not be read or are not captures (a usage error, exit 2). */
  unreadable = 0;
  /** Problems in inputs that were read: lines, entries or socket messages skipped, frames cut,
   * files truncated. */
  problems = 0;
  private readonly skipped = { line: 0, entry: 0, message: 0, frame: 0, rest: 0 };
  private readonly codes = new Map<string, CodeCount>();
  private otherCodes = 0;

  addFinding(item: FindingJson): void {
    const error = item.severity === 'error';
    if (error) this.errors++;
    else this.notes++;
    const key = `${item.exchange}\u0000${item.code}`;
    let entry = this.codes.get(key);
    if (!entry) {
      if (this.codes.size >= MAX_CODES) {
        this.otherCodes++;
        return;
      }
      entry = {
        exchange: item.exchange,
        code: item.code,
        message: item.known ? (item.documentedMessage ?? item.message) : 'unknown code',
        known: item.known,
        errors: 0,
        notes: 0,
      };
      this.codes.set(key, entry);
    }
    if (error) entry.errors++;
    else entry.notes++;
  }

  addProblem(problem: InputProblem): void {
    if (problem.fatal) {
      this.unreadable++;
      return;
    }
    this.problems++;
    this.skipped[problem.skipped]++;
  }

  /** "4 errors, 1 note in 15 events from 2 files; 1 line skipped". */
  countLine(): string {
    const from = this.inputs > 1 ? ` from ${count(this.inputs, 'file')}` : '';
    const { line, entry, message, frame, rest } = this.skipped;
    const lost = [
      entry > 0 ? `${count(entry, 'entry', 'entries')} skipped` : '',
      line > 0 ? `${count(line, 'line')} skipped` : '',
      message > 0 ? `${count(message, 'socket message')} skipped` : '',
      frame > 0 ? `${count(frame, 'frame')} read in part` : '',
      rest > 0 ? `${count(rest, 'file')} cut short` : '',
      this.unreadable > 0 ? `${count(this.unreadable, 'file')} not read` : '',
    ].filter((part) => part !== '');
    return (
      `${count(this.errors, 'error')}, ${count(this.notes, 'note')} in ${count(this.events, 'event')}` +
      `${from}${lost.map((part) => `; ${part}`).join('')}`
    );
  }

  /** Codes by how often they were seen, most first. */
  byCode(): CodeCount[] {
    return [...this.codes.values()].sort(
      (a, b) =>
        b.errors + b.notes - (a.errors + a.notes) ||
        a.exchange.localeCompare(b.exchange) ||
        a.code.localeCompare(b.code),
    );
  }

  /** The --summary table as text lines. */
  summaryLines(): string[] {
    const rows = this.byCode().map((c) => [
      printable(c.exchange),
      printable(c.code),
      [c.errors > 0 ? count(c.errors, 'error') : '', c.notes > 0 ? count(c.notes, 'note') : '']
        .filter(Boolean)
        .join(', '),
      printable(c.message),
    ]);
    const widths = [0, 1, 2].map((column) =>
      Math.max(...rows.map((row) => (row[column] as string).length), 0),
    );
    const lines = [`summary by exchange and code: ${this.countLine()}`];
    for (const row of rows) {
      const cells = row.map((cell, i) => (i < 3 ? cell.padEnd(widths[i] ?? 0) : cell));
      lines.push(`  ${cells.join('  ')}`.trimEnd());
    }
    if (this.otherCodes > 0)
      lines.push(`  and ${count(this.otherCodes, 'finding')} of other codes`);
    return lines;
  }

  summaryJson() {
    return {
      errors: this.errors,
      notes: this.notes,
      events: this.events,
      inputs: this.inputs,
      skipped: { ...this.skipped },
      unreadable: this.unreadable,
      codes: this.byCode(),
    };
  }
}
