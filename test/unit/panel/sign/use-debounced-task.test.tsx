import { cleanup, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { useDebouncedTask } from '../../../../src/panel/sign/use-debounced-task.ts';

/** A computation per input whose answer the test releases, in any order. */
function controlled() {
  const pending = new Map<string, (value: string) => void>();
  const run = (input: string) => () =>
    new Promise<string>((resolve) => pending.set(input, (value) => resolve(value)));
  const started = (input: string) => waitFor(() => expect(pending.has(input)).toBe(true));
  const release = async (input: string) => {
    await started(input);
    pending.get(input)?.(`signed ${input}`);
  };
  return { run, started, release };
}

function Probe({ input, run }: { input: string; run: (input: string) => () => Promise<string> }) {
  const state = useDebouncedTask(run(input), [input], 0);
  return (
    <output data-testid="out" data-state={state.status}>
      {state.status === 'failed' ? state.error : (state.value ?? '')}
    </output>
  );
}

afterEach(cleanup);

describe('useDebouncedTask', () => {
  it('shows the newest answer and drops one that arrives late for older input', async () => {
    const task = controlled();
    const view = render(<Probe input="a" run={task.run} />);
    // "a" is being computed when the input changes to "b".
    await task.started('a');
    expect(screen.getByTestId('out').dataset.state).toBe('pending');
    view.rerender(<Probe input="b" run={task.run} />);
    await task.release('b');
    await waitFor(() => expect(screen.getByTestId('out').textContent).toBe('signed b'));
    await task.release('a');
    // Give the late answer every chance to land.
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.getByTestId('out').textContent).toBe('signed b');
    expect(screen.getByTestId('out').dataset.state).toBe('ready');
  });

  it('keeps the previous answer, marked pending, while the next is computed', async () => {
    const task = controlled();
    const view = render(<Probe input="a" run={task.run} />);
    await task.release('a');
    await waitFor(() => expect(screen.getByTestId('out').textContent).toBe('signed a'));
    view.rerender(<Probe input="b" run={task.run} />);
    expect(screen.getByTestId('out').dataset.state).toBe('pending');
    expect(screen.getByTestId('out').textContent).toBe('signed a');
  });
});
