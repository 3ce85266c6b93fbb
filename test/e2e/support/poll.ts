// Test support (Node): retries a probe until it yields a value, for UIs that load in stages.

export interface PollOptions {
  /** What is awaited, for the timeout message. */
  what: string;
  timeoutMs?: number;
  intervalMs?: number;
}

/** Calls probe until it returns something other than undefined; probe errors count as "not yet". */
export async function pollFor<T>(
  probe: () => Promise<T | undefined>,
  { what, timeoutMs = 20_000, intervalMs = 200 }: PollOptions,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  const detail = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${detail}`);
}
