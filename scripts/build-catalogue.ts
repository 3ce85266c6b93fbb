// `npm run catalogue`: regenerates the bundled catalogue from catalogue/seeds and annotations.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildEntries, GENERATED_PATH, renderGenerated } from './catalogue/build.ts';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entries = buildEntries(root);
const target = join(root, GENERATED_PATH);
mkdirSync(dirname(target), { recursive: true });
writeFileSync(target, renderGenerated(entries));
const counts = new Map<string, number>();
for (const entry of entries) counts.set(entry.exchange, (counts.get(entry.exchange) ?? 0) + 1);
const summary = [...counts].map(([exchange, n]) => `${exchange} ${n}`).join(', ');
process.stdout.write(`wrote ${GENERATED_PATH}: ${entries.length} entries (${summary})\n`);
