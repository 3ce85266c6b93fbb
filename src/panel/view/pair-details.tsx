// Panel UI: the request a reply answers, or the replies a request got (or did not get), in the
// details pane, each with a button that selects the other row.
import type { PairingView } from '../traffic/pairing-index.ts';
import type { TrafficRow } from '../traffic/traffic-row.ts';
import { replyText, requestText } from './pair-text.ts';

export interface PairDetailsProps {
  row: TrafficRow;
  pairs: PairingView;
  rowOf(id: number): TrafficRow | undefined;
  onJump(id: number): void;
}

function Jump({
  id,
  onJump,
  rowOf,
}: {
  id: number;
  onJump(id: number): void;
  rowOf: PairDetailsProps['rowOf'];
}) {
  if (!rowOf(id)) return <span class="muted"> (no longer in the panel)</span>;
  return (
    <button
      type="button"
      class="link"
      data-testid="pair-jump"
      data-target={id}
      onClick={() => onJump(id)}
    >
      show #{id}
    </button>
  );
}

export function PairDetails({ row, pairs, rowOf, onJump }: PairDetailsProps) {
  const link = pairs.requestOf(row.id);
  const state = link ? undefined : pairs.stateOf(row.id);
  if (!link && !state) return null;
  return (
    <section
      class="pair-details"
      data-testid="pair"
      data-pair-state={link ? 'reply' : state?.state}
    >
      <h3>{link ? 'Request' : 'Reply'}</h3>
      {link ? (
        <p>
          <span data-testid="pair-text">{replyText(link)}</span>{' '}
          <Jump id={link.requestId} onJump={onJump} rowOf={rowOf} />
        </p>
      ) : null}
      {state
        ? requestText(state, rowOf).map((line, i) => {
            const reply = state.replies[i];
            return (
              <p key={line}>
                <span data-testid="pair-text">{line}</span>
                {reply ? (
                  <>
                    {' '}
                    <Jump id={reply.replyId} onJump={onJump} rowOf={rowOf} />
                  </>
                ) : null}
              </p>
            );
          })
        : null}
    </section>
  );
}
