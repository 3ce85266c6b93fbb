// What a command may touch of the outside world. main.ts passes the real process; tests pass
// buffers and in-memory files, so every command, flag and exit code is tested in-process.

export type PathKind = 'file' | 'directory' | 'missing' | 'unreadable';

export interface DirectoryEntry {
  name: string;
  directory: boolean;
}

export interface CliIo {
  /** Writes to standard output; a promise when the reader is behind (wait before writing more). */
  stdout(text: string): void | Promise<void>;
  stderr(text: string): void;
  /** Reads a whole small file as UTF-8 (a catalogue, a host map, a secret); rejects with the
   * fs error (ENOENT, EISDIR ...). */
  readFile(path: string): Promise<string> | string;
  /** A capture file as UTF-8 text chunks, read as they are needed. */
  readChunks(path: string): AsyncIterable<string>;
  /** Standard input as UTF-8 text chunks. */
  stdinChunks(): AsyncIterable<string>;
  /** What is at a path, without reading it. */
  pathKind(path: string): Promise<PathKind>;
  /** A directory's entries (for glob patterns); symbolic links count as files. */
  readDirectory(path: string): Promise<DirectoryEntry[]>;
  /** The working directory: patterns are expanded and annotations' paths are relative to it. */
  cwd: string;
  /** Colour the human output; main.ts decides (a TTY and no NO_COLOR). Default: no colour. */
  colour?: boolean;
}
