// Entry of the exchange-lens CLI (Node): wires process.argv and the real stdout, stderr and file
// system to run(), and its result to the exit code. Nothing else belongs here.
import { readFile } from 'node:fs/promises';
import { run } from './run.ts';
import { wantsColour } from './wants-colour.ts';

// `exchange-lens scan big.har | head` closes the pipe early; that is not a crash.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

/** A crash is neither "errors found" (1) nor a usage error (2): scripts must tell them apart. */
const EXIT_INTERNAL = 70;

try {
  process.exitCode = await run(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readFile: (path) => readFile(path, 'utf8'),
    colour: wantsColour(process.stdout.isTTY, process.env),
  });
} catch (error) {
  process.stderr.write(`exchange-lens: internal error: ${(error as Error)?.stack ?? error}\n`);
  process.exitCode = EXIT_INTERNAL;
}
