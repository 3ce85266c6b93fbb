// The WOO X seed: one table of error code, HTTP status, error name and description; several
// codes have more than one row, and every row is kept as its own entry.
import { parseMarkdownTables } from '../../src/core/catalogue/markdown-table.ts';
import { numberRows, type SeedRow } from './entry.ts';

export function wooSeedRows(text: string, source: string): SeedRow[] {
  const table = parseMarkdownTables(text).find((t) => t.headers[0] === 'Error Code');
  if (!table) throw new Error('woo seed: no table headed "Error Code"');
  return numberRows(
    table.rows.map(({ cells }) => {
      const [code = '', status = '', name = '', description = ''] = cells;
      return {
        exchange: 'woo' as const,
        surface: 'rest' as const,
        code,
        httpStatus: Number(status),
        name,
        messages: { en: description },
        description,
        group: table.heading,
        source,
      };
    }),
  );
}
