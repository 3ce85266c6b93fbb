// The whole CLI as a function: arguments and io in, exit code out. main.ts is its only caller
// outside the tests.
import { explainCommand } from './explain-command.ts';
import type { CliIo } from './io.ts';
import { printable } from './printable.ts';
import { scanCommand } from './scan-command.ts';
import { signCommand } from './sign-command.ts';
import { USAGE } from './usage.ts';
import { UsageError } from './usage-error.ts';

export type { CliIo } from './io.ts';

/** Exit codes: 0 fine, 1 "found something" (an unknown code, an error in a capture), 2 usage. */
export const EXIT_USAGE = 2;

async function dispatch(argv: readonly string[], io: CliIo): Promise<number> {
  const [command, ...args] = argv;
  if (command === undefined) {
    io.stderr(USAGE);
    return EXIT_USAGE;
  }
  // --help wins wherever it is, even after a bad flag: the user is asking how to get it right.
  const options = args.includes('--') ? args.slice(0, args.indexOf('--')) : args;
  if (
    ['--help', '-h', 'help'].includes(command) ||
    options.some((a) => a === '--help' || a === '-h')
  ) {
    io.stdout(USAGE);
    return 0;
  }
  switch (command) {
    case 'explain':
      return explainCommand(args, io);
    case 'scan':
      return scanCommand(args, io);
    case 'sign':
      return signCommand(args, io);
    default:
      throw new UsageError(
        command.startsWith('-')
          ? `expected a command (explain, scan or sign) before ${command}`
          : `unknown command "${command}" (expected explain, scan or sign)`,
      );
  }
}

export async function run(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    return await dispatch(argv, io);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr(`exchange-lens: ${printable(error.message)} (see exchange-lens --help)\n`);
    return EXIT_USAGE;
  }
}
