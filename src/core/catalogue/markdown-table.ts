// Reads Markdown-style tables in the seeds' layout (header, ---|--- separator, rows with or
// without outer pipes). Used by the catalogue generator and by custom-catalogue import.

export interface TableRow {
  cells: string[];
  /** 1-based line number in the source text, for error messages. */
  line: number;
}

export interface MarkdownTable {
  headers: string[];
  rows: TableRow[];
  /** The nearest non-empty, non-table line above the header: the section title. */
  heading: string;
  /** 1-based line number of the header. */
  line: number;
}

const SEPARATOR = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;

function splitCells(line: string, expected?: number): string[] {
  let text = line.trim();
  if (text.startsWith('|')) text = text.slice(1);
  if (text.endsWith('|')) text = text.slice(0, -1);
  const cells = text.split('|').map((cell) => cell.trim());
  // A last column may itself contain pipes: fold the extras back into it.
  if (expected !== undefined && cells.length > expected) {
    const head = cells.slice(0, expected - 1);
    const tail = cells.slice(expected - 1).join(' | ');
    return [...head, tail];
  }
  return cells;
}

/** Longer lines above a table are prose, not its title (unless marked as a heading). */
const MAX_TITLE = 80;

function headingAbove(lines: string[], headerIndex: number): string {
  for (let i = headerIndex - 1; i >= 0; i--) {
    const line = (lines[i] ?? '').trim();
    const text = line.replace(/^#+\s*/, '');
    if (text !== '' && (line.startsWith('#') || text.length <= MAX_TITLE)) return text;
  }
  return '';
}

/** Every table in the text, in document order. A row is any line with a pipe after the
 * separator; the table ends at the first line without one. */
export function parseMarkdownTables(text: string): MarkdownTable[] {
  const lines = text.split(/\r?\n/);
  const tables: MarkdownTable[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const header = lines[i] ?? '';
    if (!header.includes('|') || !SEPARATOR.test(lines[i + 1] ?? '')) continue;
    const headers = splitCells(header).filter((cell) => cell !== '');
    const rows: TableRow[] = [];
    let j = i + 2;
    for (; j < lines.length; j++) {
      const row = lines[j] ?? '';
      if (!row.includes('|')) break;
      rows.push({ cells: splitCells(row, headers.length), line: j + 1 });
    }
    tables.push({ headers, rows, heading: headingAbove(lines, i), line: i + 1 });
    i = j - 1;
  }
  return tables;
}
