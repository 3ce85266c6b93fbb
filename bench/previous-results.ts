// Bench (Node): the figures a benchmark last committed, printed beside this run's so that a
// regression shows at a glance. Read from git (HEAD's copy of the results file), else from the
// file on disk before it is overwritten; nothing when neither exists.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export type Figures = Record<string, unknown>;

export function previousResults(file: URL): { figures: Figures; from: string } | undefined {
  const path = fileURLToPath(file);
  try {
    const root = execFileSync('git', ['rev-parse', '--show-toplevel'], { encoding: 'utf8' }).trim();
    const relative = path.slice(root.length + 1);
    const text = execFileSync('git', ['show', `HEAD:${relative}`], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    return { figures: JSON.parse(text) as Figures, from: `git HEAD:${relative}` };
  } catch {
    if (!existsSync(path)) return undefined;
    try {
      return { figures: JSON.parse(readFileSync(path, 'utf8')) as Figures, from: path };
    } catch {
      return undefined;
    }
  }
}

/** Lines "name  now  before  change" for the numeric figures named. */
export function comparisonLines(
  now: Figures,
  before: Figures | undefined,
  names: readonly string[],
): string[] {
  const lines = [
    `${'figure'.padEnd(20)} ${'now'.padStart(12)} ${'committed'.padStart(12)}   change`,
  ];
  for (const name of names) {
    const a = now[name];
    const b = before?.[name];
    if (typeof a !== 'number') continue;
    const change =
      typeof b === 'number' && b !== 0 ? `${(((a - b) / b) * 100).toFixed(1).padStart(6)} %` : '';
    const cell = (v: unknown) =>
      (typeof v === 'number' ? v.toLocaleString('en') : '-').padStart(12);
    lines.push(`${name.padEnd(20)} ${cell(a)} ${cell(b)}   ${change}`);
  }
  return lines;
}
