// The inputs of `scan`: files, glob patterns (expanded here, see glob.ts) and "-" for standard
// input. All are checked before the scan starts, so a typo fails at once with exit 2 instead
// of after a long file.
import { expandGlob, isGlob } from './glob.ts';
import type { CliIo, PathKind } from './io.ts';
import { STDIN_NAME } from './scan-output.ts';
import { UsageError } from './usage-error.ts';

export interface ScanInput {
  /** How outputs name it: the path as given or matched, or the stdin name. */
  name: string;
  /** The file to read; undefined for standard input. */
  path?: string;
}

const WHY: Partial<Record<PathKind, string>> = {
  missing: 'no such file',
  directory: 'is a directory',
  unreadable: 'permission denied',
};

export async function scanInputs(
  io: CliIo,
  args: readonly string[],
  stdinName: string | undefined,
): Promise<ScanInput[]> {
  if (args.length === 0 || args.every((arg) => arg.trim() === '')) {
    throw new UsageError('scan needs a FILE (or - for standard input)');
  }
  const inputs: ScanInput[] = [];
  const seen = new Set<string>();
  const add = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    inputs.push({ name: path, path });
  };
  let stdin = false;
  for (const arg of args) {
    if (arg === STDIN_NAME) {
      if (stdin) throw new UsageError('scan reads standard input (-) once');
      stdin = true;
      inputs.push({ name: stdinName ?? STDIN_NAME });
      continue;
    }
    const kind = await io.pathKind(arg);
    if (kind === 'file') {
      add(arg);
      continue;
    }
    if (isGlob(arg)) {
      const matches = await expandGlob(io, arg);
      if (matches.length === 0) throw new UsageError(`no file matches ${arg}`);
      for (const match of matches) add(match);
      continue;
    }
    throw new UsageError(`cannot read ${arg}: ${WHY[kind] ?? 'not a file'}`);
  }
  if (stdinName !== undefined && !stdin)
    throw new UsageError('--stdin-name names standard input (-), which is not scanned');
  return inputs;
}
