// Panel UI: "Explain signing" on a row with a signature or timestamp error. The list delegates
// clicks: the button carries data-action and its row id, no handler of its own.
import type { TrafficRow } from '../traffic/traffic-row.ts';
import { signingProblemOf } from './signing-problem.ts';

export const EXPLAIN_SIGNING_ACTION = 'explain-signing';

/** The row id of an "Explain signing" button an event hit, if it hit one. */
export function explainTarget(target: EventTarget | null): number | undefined {
  const button = (target as Element | null)?.closest?.(`[data-action="${EXPLAIN_SIGNING_ACTION}"]`);
  const id = Number(button?.getAttribute('data-row-id'));
  return button && Number.isSafeInteger(id) && id > 0 ? id : undefined;
}

export function ExplainSigningButton({ row }: { row: TrafficRow }) {
  const problem = signingProblemOf(row);
  if (!problem) return null;
  return (
    <button
      type="button"
      class="explain-signing"
      data-testid="explain-signing"
      data-action={EXPLAIN_SIGNING_ACTION}
      data-row-id={row.id}
      data-problem={problem.kind}
      title={`Open the signing pane on this request: check its ${problem.kind}`}
    >
      Explain signing
    </button>
  );
}
