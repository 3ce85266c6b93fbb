#!/usr/bin/env node
// Launcher of the exchange-lens CLI: runs the bundle that `npm run build` writes to dist/cli.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = fileURLToPath(new URL('../dist/cli/exchange-lens.js', import.meta.url));
if (!existsSync(bundle)) {
  process.stderr.write('exchange-lens: the CLI is not built yet; run `npm run build` first\n');
  process.exit(2);
}
await import(bundle);
