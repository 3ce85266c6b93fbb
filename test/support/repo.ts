// Test support: paths inside the checkout, wherever the test file sits.
import { join } from 'node:path';

export const REPO_ROOT = join(import.meta.dirname, '../..');

export function repoPath(...parts: string[]): string {
  return join(REPO_ROOT, ...parts);
}
