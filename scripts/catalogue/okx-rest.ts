// OKX API v5 REST error codes from OKX's error-code page: one table per class (Public's
// General, API, Trade and Data classes, then Finance, Convert, Funding, Account, ...), each row
// a code, its HTTP status and its message. A code listed twice (50011 with 200 and with 429,
// 51008's fourteen messages) is kept as rows. The page ends with the WebSocket codes and close
// frames of our OKX seed: those are read by `okxDocWebSocketTables`, for a test, not bundled.
import {
  type MarkdownTable,
  parseMarkdownTables,
} from '../../src/core/catalogue/markdown-table.ts';
import type { Messages } from '../../src/core/catalogue/types.ts';
import { numberRows, type SeedRow } from './entry.ts';
import { headingText, plainText, splitBreaks } from './markdown-text.ts';

/** The Trade Class table spells its header "HTTP Status code". */
const REST_HEADERS = ['error code', 'http status code', 'error message'];

/** The section path of each line: "Public / Trade Class", "Finance". */
function headingsByLine(text: string): string[] {
  const paths: string[] = [];
  let section = '';
  let subsection = '';
  for (const line of text.split(/\r?\n/)) {
    if (line.startsWith('### ')) {
      section = headingText(line);
      subsection = '';
    } else if (line.startsWith('#### ')) {
      subsection = headingText(line);
    }
    paths.push(subsection ? `${section} / ${subsection}` : section);
  }
  return paths;
}

function isRestTable(table: MarkdownTable): boolean {
  return REST_HEADERS.every((header, i) => table.headers[i]?.toLowerCase() === header);
}

/** A message cell: its lines joined, except an "e.g." line, which is an example the server
 * sends ("{param} already exists" / "e.g. clOrdId already exists"): a variant of its own. */
function messagesOf(cell: string): Messages[] {
  const lines = splitBreaks(plainText(cell));
  const examples = lines.filter((line) => line.startsWith('e.g. '));
  const message = lines.filter((line) => !line.startsWith('e.g. ')).join(' ');
  return [{ en: message }, ...examples.map((line) => ({ en: line.slice('e.g. '.length) }))];
}

export function okxRestRows(text: string, source: string): SeedRow[] {
  const headings = headingsByLine(text);
  const rows: Omit<SeedRow, 'row' | 'rowCount'>[] = [];
  for (const table of parseMarkdownTables(text).filter(isRestTable)) {
    for (const { cells, line } of table.rows) {
      const [code = '', status = '', message = ''] = cells;
      const variants = messagesOf(message);
      const [messages] = variants as [Messages];
      rows.push({
        exchange: 'okx',
        surface: 'rest',
        code,
        httpStatus: Number(status),
        messages,
        ...(variants.length > 1 ? { variants } : {}),
        // Code 0 has no message on the page: success, which OKX sends with "msg":"".
        description: messages.en || 'Success: the request was processed (no message).',
        group: headings[line - 1] ?? '',
        source,
      });
    }
  }
  return numberRows(rows);
}

/** The WebSocket tables at the end of the page: code -> message, for the error codes and for
 * the close frames. */
export function okxDocWebSocketTables(text: string): {
  errors: Map<string, string>;
  closeFrames: Map<string, string>;
} {
  const tables = parseMarkdownTables(text);
  const byCode = (header: string) => {
    const table = tables.find((t) => t.headers.length === 2 && t.headers[0] === header);
    if (!table) throw new Error(`okx document: no WebSocket table headed "${header}"`);
    return new Map(table.rows.map(({ cells }) => [cells[0] ?? '', plainText(cells[1] ?? '')]));
  };
  return { errors: byCode('Error Code'), closeFrames: byCode('Status Code') };
}
