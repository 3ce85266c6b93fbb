// Runs the CLI in-process, as a user would type it: `cli('scan', 'test/fixtures/x.har')`.
// Paths are read from the repository root (or `cwd`); `files` adds in-memory files for odd
// inputs, and `stdin` is what standard input holds. Files are handed over in small chunks
// (`chunkSize`), so every test also crosses chunk boundaries.
import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { PathKind } from '../../../src/cli/io.ts';
import { run } from '../../../src/cli/run.ts';
import { REPO_ROOT } from '../../support/repo.ts';

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  files?: Record<string, string>;
  stdin?: string;
  colour?: boolean;
  cwd?: string;
  chunkSize?: number;
}

function* chunksOf(text: string, size: number): Generator<string> {
  for (let at = 0; at < text.length; at += size) yield text.slice(at, at + size);
}

async function* inChunks(text: string, size: number): AsyncGenerator<string> {
  yield* chunksOf(text, size);
}

export async function cliWith(options: CliOptions, ...argv: string[]): Promise<CliResult> {
  const result: CliResult = { code: -1, stdout: '', stderr: '' };
  const cwd = options.cwd ?? REPO_ROOT;
  const size = options.chunkSize ?? 7;
  const memory = (path: string) => options.files?.[path];
  result.code = await run(argv, {
    stdout: (text) => {
      result.stdout += text;
    },
    stderr: (text) => {
      result.stderr += text;
    },
    readFile: (path) => memory(path) ?? readFile(resolve(cwd, path), 'utf8'),
    readChunks: (path) => {
      const text = memory(path);
      if (text !== undefined) return inChunks(text, size);
      return createReadStream(resolve(cwd, path), { encoding: 'utf8', highWaterMark: 4096 });
    },
    stdinChunks: () => inChunks(options.stdin ?? '', size),
    pathKind: async (path): Promise<PathKind> => {
      if (memory(path) !== undefined) return 'file';
      try {
        return (await stat(resolve(cwd, path))).isDirectory() ? 'directory' : 'file';
      } catch {
        return 'missing';
      }
    },
    readDirectory: async (path) =>
      (await readdir(resolve(cwd, path), { withFileTypes: true })).map((entry) => ({
        name: entry.name,
        directory: entry.isDirectory(),
      })),
    cwd,
    colour: options.colour ?? false,
  });
  return result;
}

export function cli(...argv: string[]): Promise<CliResult> {
  return cliWith({}, ...argv);
}

/** The --json output, parsed. */
export async function cliJson<T>(...argv: string[]): Promise<{ code: number; json: T }> {
  const { code, stdout } = await cli(...argv, '--json');
  return { code, json: JSON.parse(stdout) as T };
}

export const HAR = 'test/fixtures/trading-session.har';
export const JSONL = 'test/fixtures/trading-session.jsonl';
