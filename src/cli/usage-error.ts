// The error of a command line the CLI cannot act on (bad flag, unreadable file): run() turns it
// into one line on stderr and exit code 2, so every such path looks and exits the same.
export class UsageError extends Error {
  override readonly name = 'UsageError';
}
