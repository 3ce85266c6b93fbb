// Test support (Node): locates the builds that `npm run build` writes.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/** Absolute path of dist/<target>, failing with a clear message when it was not built. */
export function builtExtension(target: 'chrome' | 'firefox'): string {
  const dir = fileURLToPath(new URL(`../../../dist/${target}/`, import.meta.url));
  if (!existsSync(`${dir}manifest.json`)) {
    throw new Error(`dist/${target}/manifest.json is missing: run npm run build first`);
  }
  return dir;
}
