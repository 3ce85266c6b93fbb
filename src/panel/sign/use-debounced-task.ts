// Panel UI hook: runs an async computation (WebCrypto) a moment after its inputs stop changing,
// and keeps only the newest answer: a slow result for older inputs is dropped, never shown.
import { useEffect, useRef, useState } from 'preact/hooks';

/** While pending, the previous answer (if any) stays available, marked stale by the status. */
export type TaskState<T> =
  | { status: 'pending'; value?: T }
  | { status: 'ready'; value: T }
  | { status: 'failed'; error: string };

/** Typing pauses shorter than this do not start a computation. */
export const TYPING_PAUSE_MS = 120;

export function useDebouncedTask<T>(
  run: () => Promise<T>,
  inputs: readonly unknown[],
  delayMs = TYPING_PAUSE_MS,
): TaskState<T> {
  const [state, setState] = useState<TaskState<T>>({ status: 'pending' });
  const latest = useRef(0);
  useEffect(
    () => () => {
      // Unmounted: no ticket matches any more.
      latest.current = Number.NaN;
    },
    [],
  );
  // The caller names the inputs of run.
  useEffect(() => {
    const ticket = ++latest.current;
    setState((before) =>
      before.status === 'ready' ? { status: 'pending', value: before.value } : before,
    );
    const timer = setTimeout(() => {
      run().then(
        (value) => {
          if (ticket === latest.current) setState({ status: 'ready', value });
        },
        (error: unknown) => {
          if (ticket !== latest.current) return;
          const message = error instanceof Error ? error.message : String(error);
          setState({ status: 'failed', error: message });
        },
      );
    }, delayMs);
    return () => clearTimeout(timer);
  }, inputs);
  return state;
}
