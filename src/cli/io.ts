// What a command may touch of the outside world. main.ts passes the real process; tests pass
// buffers, so every command, flag and exit code is tested in-process.
export interface CliIo {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Reads a whole file as UTF-8; rejects with the fs error (ENOENT, EISDIR ...). */
  readFile(path: string): Promise<string> | string;
  /** Colour the human output; main.ts decides (a TTY and no NO_COLOR). Default: no colour. */
  colour?: boolean;
}
