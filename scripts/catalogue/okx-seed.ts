// The OKX WebSocket seed: an English half and a Chinese half, each with an error-code table
// and a close-frame table; rows are joined by code so every entry carries both languages.
import {
  type MarkdownTable,
  parseMarkdownTables,
} from '../../src/core/catalogue/markdown-table.ts';
import type { Surface } from '../../src/core/catalogue/types.ts';
import { numberRows, type SeedRow } from './entry.ts';

function codeTable(tables: MarkdownTable[], header: string): MarkdownTable {
  const table = tables.find((t) => t.headers[0] === header);
  if (!table) throw new Error(`okx seed: no table headed "${header}"`);
  return table;
}

function byCode(table: MarkdownTable): Map<string, string> {
  return new Map(table.rows.map(({ cells }) => [cells[0] ?? '', cells[1] ?? '']));
}

export function okxSeedRows(text: string, source: string): SeedRow[] {
  const tables = parseMarkdownTables(text);
  const halves: { surface: Surface; en: MarkdownTable; zh: MarkdownTable }[] = [
    {
      surface: 'ws-message',
      en: codeTable(tables, 'Error Code'),
      zh: codeTable(tables, '错误码'),
    },
    {
      surface: 'close-frame',
      en: codeTable(tables, 'Status Code'),
      zh: codeTable(tables, '状态码'),
    },
  ];
  const rows: Omit<SeedRow, 'row' | 'rowCount'>[] = [];
  for (const { surface, en, zh } of halves) {
    const chinese = byCode(zh);
    for (const { cells } of en.rows) {
      const [code = '', message = ''] = cells;
      const zhMessage = chinese.get(code);
      if (zhMessage === undefined) throw new Error(`okx seed: ${code} has no Chinese row`);
      rows.push({
        exchange: 'okx',
        surface,
        code,
        messages: { en: message, zh: zhMessage },
        description: message,
        group: en.heading,
        source,
      });
    }
    if (chinese.size !== en.rows.length) {
      throw new Error(
        `okx seed: ${en.heading} has ${en.rows.length} English, ${chinese.size} Chinese rows`,
      );
    }
  }
  return numberRows(rows);
}
