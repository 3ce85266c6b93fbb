// Reads a custom catalogue pasted as Markdown tables in the seeds' layouts:
//   Code | Message | Description | Solution                (a Binance-style gateway)
//   Error Code | Status Code | Error Name | Description     (WOO X)
//   Error Code | Error Message, Status Code | Reason Text   (OKX; 错误码 | 错误消息 rows add Chinese)
// plus the optional "exchange: NAME" front matter the seeds start with.
import {
  type MarkdownTable,
  parseMarkdownTables,
  type TableRow,
} from '../catalogue/markdown-table.ts';
import type { LocatedValue } from './json-catalogue.ts';

type Role =
  | 'code'
  | 'message'
  | 'zh'
  | 'description'
  | 'fix'
  | 'name'
  | 'httpStatus'
  | 'category'
  | 'retry'
  | 'surface'
  | 'group';

/** Header names of the first column: the code. */
const CODE_HEADERS = new Set(['code', 'error code', 'errcode', 'close code', '错误码']);
/** A first column named "status" holds close codes (1000-4999) or HTTP statuses (100-599). */
const STATUS_HEADERS = new Set([
  'status',
  'status code',
  'http status',
  'http status code',
  '状态码',
]);
const ROLES: Readonly<Record<string, Role>> = {
  message: 'message',
  'error message': 'message',
  msg: 'message',
  'reason text': 'message',
  reason: 'message',
  meaning: 'message',
  错误消息: 'zh',
  错误信息: 'zh',
  文案: 'zh',
  description: 'description',
  details: 'description',
  描述: 'description',
  solution: 'fix',
  fix: 'fix',
  resolution: 'fix',
  解决方案: 'fix',
  'error name': 'name',
  name: 'name',
  'status code': 'httpStatus',
  status: 'httpStatus',
  'http status': 'httpStatus',
  'http status code': 'httpStatus',
  category: 'category',
  retry: 'retry',
  surface: 'surface',
  group: 'group',
};

export const TABLE_LAYOUTS = [
  'Code | Message | Description | Solution',
  'Error Code | Status Code | Error Name | Description',
  'Error Code | Error Message',
];

export interface MarkdownCatalogue {
  /** From "exchange: NAME" front matter, if any. */
  exchange?: string;
  items: LocatedValue[];
  problems: string[];
}

function frontMatterExchange(text: string): string | undefined {
  const lines = text.split(/\r?\n/);
  if (lines[0]?.trim() !== '---') return undefined;
  for (const line of lines.slice(1, 40)) {
    if (line.trim() === '---') return undefined;
    const match = /^exchange:\s*(\S+)\s*$/.exec(line.trim());
    if (match) return match[1];
  }
  return undefined;
}

interface Layout {
  roles: (Role | undefined)[];
  status: boolean;
}

function layoutOf(table: MarkdownTable): Layout | undefined {
  const headers = table.headers.map((header) => header.trim().toLowerCase());
  const [first = '', ...rest] = headers;
  const status = STATUS_HEADERS.has(first);
  if (!status && !CODE_HEADERS.has(first)) return undefined;
  // When a table has both "meaning" and "message", the meaning is the description.
  const hasMessage = rest.some((h) => ROLES[h] === 'message' && h !== 'meaning');
  const roles: (Role | undefined)[] = [
    'code',
    ...rest.map((h) => (h === 'meaning' && hasMessage ? 'description' : ROLES[h])),
  ];
  const text = roles.some((r) => r === 'message' || r === 'zh' || r === 'description');
  return text ? { roles, status } : undefined;
}

function surfaceOf(layout: Layout, heading: string, code: string): string | undefined {
  const number = Math.abs(Number(code));
  if (layout.status) {
    if (number >= 1000 && number <= 4999) return 'close-frame';
    if (number >= 100 && number <= 599) return 'http-status';
    return undefined;
  }
  const title = heading.toLowerCase();
  if (title.includes('close') || title.includes('关闭')) return 'close-frame';
  if (title.includes('websocket')) return 'ws-message';
  return undefined;
}

const SEPARATOR = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;

function cellsOf(line: string, expected: number): string[] {
  const text = line.trim().replace(/^\|/, '').replace(/\|$/, '');
  const cells = text.split('|').map((cell) => cell.trim());
  return cells.length > expected
    ? [...cells.slice(0, expected - 1), cells.slice(expected - 1).join(' | ')]
    : cells;
}

/**
 * Rows after a line that lost its pipes: parseMarkdownTables ends the table there, which would
 * drop the rest of the user's rows without a word. The pipe-less line is reported as a short row
 * and the rows after it are read on.
 */
function rowsAfterBreak(lines: string[], table: MarkdownTable): TableRow[] {
  const rows: TableRow[] = [];
  const last = table.rows.at(-1)?.line ?? table.line + 1;
  for (let i = last; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line.trim() === '') break;
    const next = lines[i + 1] ?? '';
    if (!line.includes('|')) {
      if (!next.includes('|') || SEPARATOR.test(lines[i + 2] ?? '')) break;
      rows.push({ cells: [line.trim()], line: i + 1 });
    } else if (SEPARATOR.test(next)) {
      break;
    } else {
      rows.push({ cells: cellsOf(line, table.headers.length), line: i + 1 });
    }
  }
  // Only a break followed by more rows is one; a heading or prose line ends the table.
  return rows.length > 1 ? rows : [];
}

export function readMarkdownCatalogue(text: string): MarkdownCatalogue {
  const lines = text.split(/\r?\n/);
  const problems: string[] = [];
  const items: LocatedValue[] = [];
  const englishByKey = new Map<string, Record<string, unknown>[]>();
  let recognised = 0;
  const tables = parseMarkdownTables(text);
  for (const table of tables) {
    const layout = layoutOf(table);
    if (!layout) continue;
    recognised++;
    const chinese = !layout.roles.includes('message') && layout.roles.includes('zh');
    for (const { cells, line } of [...table.rows, ...rowsAfterBreak(lines, table)]) {
      if (cells.every((cell) => cell === '')) continue;
      if (cells.length < table.headers.length) {
        problems.push(
          `line ${line}: expected ${table.headers.length} cells (${table.headers.join(' | ')}), found ${cells.length}`,
        );
        continue;
      }
      const fields: Record<string, unknown> = {};
      layout.roles.forEach((role, i) => {
        if (role && cells[i] !== '' && fields[role] === undefined) fields[role] = cells[i];
      });
      const code = String(fields.code ?? '');
      fields.surface ??= surfaceOf(layout, table.heading, code);
      if (/[\p{L}\p{N}]/u.test(table.heading)) fields.group ??= table.heading;
      const key = `${fields.surface ?? 'rest'}:${code}`;
      if (chinese) {
        // The Chinese half of a bilingual page: add its text to the English row of that code.
        const english = englishByKey.get(key)?.find((row) => row.zh === undefined);
        if (english) {
          english.zh = fields.zh;
          continue;
        }
      } else {
        englishByKey.set(key, [...(englishByKey.get(key) ?? []), fields]);
      }
      items.push({ value: fields, where: `line ${line}` });
    }
  }
  if (recognised === 0) {
    const seen = tables[0] ? ` (line ${tables[0].line} has ${tables[0].headers.join(' | ')})` : '';
    problems.push(
      `no table in a known layout${seen}: expected a header such as ${TABLE_LAYOUTS.join(', or ')}`,
    );
  }
  const exchange = frontMatterExchange(text);
  return exchange === undefined ? { items, problems } : { exchange, items, problems };
}
