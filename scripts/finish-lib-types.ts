// Build step of the library's declarations (npm run build:lib, after tsc -p tsconfig.lib.json):
// the sources import each other as './x.ts', which tsc keeps in the .d.ts files; a project that
// installs exchange-lens resolves './x.js' to './x.d.ts' under every moduleResolution, so the
// specifiers are rewritten to .js. Only relative specifiers ending in .ts are touched.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('../dist/lib/types', import.meta.url).pathname;
const RELATIVE_TS = /(from\s+|import\s*\(\s*)(['"])(\.{1,2}\/[^'"]+)\.ts\2/g;

let files = 0;
for (const name of readdirSync(root, { recursive: true }) as string[]) {
  if (!name.endsWith('.d.ts')) continue;
  const path = join(root, name);
  const text = readFileSync(path, 'utf8');
  const rewritten = text.replace(RELATIVE_TS, '$1$2$3.js$2');
  if (rewritten !== text) writeFileSync(path, rewritten);
  files++;
}
process.stdout.write(`dist/lib/types: ${files} declaration files\n`);
