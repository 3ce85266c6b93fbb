// Standard output written in batches: a scan prints one finding at a time, a few hundred bytes,
// and each write to a pipe or a file is a system call and a trip through Node's stream
// machinery. Text waits until the current task ends (the chunk being read), 64 KB have gathered
// or something goes to stderr, whichever comes first: findings still appear as they are found,
// and stdout and stderr keep their order.
import { once } from 'node:events';
import type { Writable } from 'node:stream';

const BATCH_CHARS = 64 * 1024;

export interface BatchedOutput {
  /** Queues text; a promise when the stream is behind (wait before writing more). */
  write(text: string): void | Promise<void>;
  /** Writes what is queued now; a promise when the stream is behind. */
  flush(): void | Promise<void>;
}

export function batchedOutput(stream: Writable): BatchedOutput {
  let parts: string[] = [];
  let queued = 0;
  let scheduled = false;
  let behind: Promise<void> | undefined;

  function flush(): void | Promise<void> {
    if (queued > 0) {
      const text = parts.join('');
      parts = [];
      queued = 0;
      if (!stream.write(text) && !behind) {
        behind = once(stream, 'drain').then(() => {
          behind = undefined;
        });
      }
    }
    return behind;
  }

  return {
    write(text) {
      parts.push(text);
      queued += text.length;
      if (queued >= BATCH_CHARS) return flush();
      if (!scheduled) {
        scheduled = true;
        setImmediate(() => {
          scheduled = false;
          flush();
        });
      }
      return behind;
    },
    flush,
  };
}
