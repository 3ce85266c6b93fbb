// Entry of the exchange-lens CLI (Node): wires process.argv and the real stdout, stderr, stdin
// and file system to run(), and its result to the exit code. Nothing else belongs here.

import { createReadStream } from 'node:fs';
import { readdir, readFile, stat } from 'node:fs/promises';
import { batchedOutput } from './batched-output.ts';
import type { PathKind } from './io.ts';
import { run } from './run.ts';
import { wantsColour } from './wants-colour.ts';

// `exchange-lens scan big.har | head` closes the pipe early; that is not a crash.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

/** A crash is neither "errors found" (1) nor a usage error (2): scripts must tell them apart. */
const EXIT_INTERNAL = 70;
/** Big reads: fewer, larger chunks cost less per byte, and a chunk is all that is held. */
const CHUNK_BYTES = 1024 * 1024;

async function pathKind(path: string): Promise<PathKind> {
  try {
    const info = await stat(path);
    return info.isDirectory() ? 'directory' : 'file';
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'EACCES' || code === 'EPERM' ? 'unreadable' : 'missing';
  }
}

// In batches (batched-output.ts); a promise when the reader is behind, so output never piles
// up in memory. Whatever goes to stderr first lets out what stdout holds, to keep their order.
const stdout = batchedOutput(process.stdout);
const stderr = (text: string) => {
  stdout.flush();
  process.stderr.write(text);
};

try {
  process.exitCode = await run(process.argv.slice(2), {
    stdout: (text) => stdout.write(text),
    stderr,
    readFile: (path) => readFile(path, 'utf8'),
    readChunks: (path) => createReadStream(path, { encoding: 'utf8', highWaterMark: CHUNK_BYTES }),
    stdinChunks: () => process.stdin.setEncoding('utf8'),
    pathKind,
    readDirectory: async (path) =>
      (await readdir(path, { withFileTypes: true })).map((entry) => ({
        name: entry.name,
        directory: entry.isDirectory(),
      })),
    cwd: process.cwd(),
    colour: wantsColour(process.stdout.isTTY, process.env),
  });
  await stdout.flush();
} catch (error) {
  stderr(`exchange-lens: internal error: ${(error as Error)?.stack ?? error}\n`);
  process.exitCode = EXIT_INTERNAL;
}
