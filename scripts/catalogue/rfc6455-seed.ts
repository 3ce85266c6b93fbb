// The WebSocket close codes of RFC 6455 and the IANA registry, from the table we maintain in
// catalogue/seeds/rfc6455.txt; codes marked "no" on the wire are only reported locally.
import { parseMarkdownTables } from '../../src/core/catalogue/markdown-table.ts';
import { numberRows, type SeedRow } from './entry.ts';

export function rfc6455SeedRows(text: string, source: string): SeedRow[] {
  const table = parseMarkdownTables(text).find((t) => t.headers[0] === 'Code');
  if (!table) throw new Error('rfc6455 seed: no table headed "Code"');
  return numberRows(
    table.rows.map(({ cells }) => {
      const [code = '', name = '', meaning = '', onWire = ''] = cells;
      // The seed's meanings already say when a code is only reported locally.
      const localOnly = onWire.toLowerCase().startsWith('no');
      return {
        exchange: 'rfc6455' as const,
        surface: 'close-frame' as const,
        code,
        name,
        messages: { en: name },
        description: meaning,
        ...(localOnly ? { steps: ['Never sent in a close frame: only reported locally.'] } : {}),
        group: table.heading,
        source,
      };
    }),
  );
}
