// `npm run catalogue`: regenerates the bundled catalogue from catalogue/seeds, catalogue/sources
// and catalogue/annotations, and says how many entries each exchange has and who annotated them.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCatalogue, GENERATED_PATH, renderGenerated } from './catalogue/build.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { entries, origins } = buildCatalogue(root);
const target = join(root, GENERATED_PATH);
mkdirSync(dirname(target), { recursive: true });
const text = renderGenerated(entries);
writeFileSync(target, text);
const summary = [...origins]
  .map(([exchange, { hand, rule }]) => `${exchange} ${hand + rule} (${hand} hand, ${rule} rule)`)
  .join(', ');
const kb = (Buffer.byteLength(text) / 1024).toFixed(0);
process.stdout.write(`wrote ${GENERATED_PATH} (${kb} KB): ${entries.length} entries: ${summary}\n`);
