// Bybit API v5 from its error-code page: the HTTP codes, the WebSocket order-entry codes and
// one retCode table per product (UTA, Spot Trade, Asset, Crypto Loan, ...). retCode comes in
// REST replies and WebSocket order-entry replies alike, so those rows are 'rest' entries with
// their table as group; a code in several tables is kept as rows. Struck-through rows
// (~10018~) are codes Bybit no longer uses: kept, marked deprecated.
import { parseMarkdownTables } from '../../src/core/catalogue/markdown-table.ts';
import { numberRows, type SeedRow } from './entry.ts';
import { headingText, plainText, struckThrough } from './markdown-text.ts';

const HTTP_TABLE = 'HTTP Code';

/** The section of each line: "UTA", "Exchange Broker / Reward". */
function headingsByLine(text: string): string[] {
  const paths: string[] = [];
  let section = '';
  let subsection = '';
  for (const line of text.split(/\r?\n/)) {
    if (line.startsWith('## ')) {
      section = headingText(line);
      subsection = '';
    } else if (line.startsWith('### ')) {
      subsection = headingText(line);
    }
    paths.push(subsection ? `${section} / ${subsection}` : section);
  }
  return paths;
}

export function bybitRows(text: string, source: string): SeedRow[] {
  const headings = headingsByLine(text);
  const rows: Omit<SeedRow, 'row' | 'rowCount'>[] = [];
  for (const table of parseMarkdownTables(text)) {
    if (table.headers[0] !== 'Code' || table.headers[1] !== 'Description') {
      throw new Error(`${source}: unexpected table on line ${table.line}`);
    }
    const group = headings[table.line - 1] ?? '';
    for (const { cells } of table.rows) {
      const code = struckThrough(plainText(cells[0] ?? ''));
      const message = struckThrough(plainText(cells[1] ?? ''));
      const http = group === HTTP_TABLE;
      rows.push({
        exchange: 'bybit',
        surface: http ? 'http-status' : 'rest',
        code: code.text,
        ...(http ? { httpStatus: Number(code.text) } : {}),
        messages: { en: message.text },
        description: message.text,
        ...(code.struck || message.struck ? { deprecated: true } : {}),
        group,
        source,
      });
    }
  }
  return numberRows(rows);
}
