// Panel UI: one session's traffic (the live one, or an imported file): toolbar, the list and
// the details of the selected row. Mounted per session, so switching sessions starts with no
// selection and no pause; the filter is the app's and stays.
import { useMemo, useState } from 'preact/hooks';
import { parseFilter } from '../traffic/filter-query.ts';
import { countAfter, filterRows, indexOfId } from '../traffic/row-filter.ts';
import type { TrafficRow } from '../traffic/traffic-row.ts';
import type { TrafficSession, TrafficSnapshot } from '../traffic/traffic-session.ts';
import type { CopyText } from './copy-actions.tsx';
import { DetailsPane } from './details-pane.tsx';
import { SavedFiltersControl } from './saved-filters.tsx';
import { Toolbar } from './toolbar.tsx';
import { TrafficList } from './traffic-list.tsx';
import { DroppedNotice } from './traffic-notices.tsx';
import type { SavedFilters } from './use-saved-filters.ts';
import { useSubscription } from './use-subscription.ts';

export interface TrafficViewProps {
  session: TrafficSession;
  /** Preserve log exists where there is navigation: the live session (an import has none). */
  canPreserveLog: boolean;
  errorsOnly: boolean;
  onErrorsOnly(value: boolean): void;
  text: string;
  onText(value: string): void;
  saved: SavedFilters;
  keepCredentials: boolean;
  onCopy: CopyText;
  /** Opens the signing pane on a row of the rows shown. */
  onSigning(rows: readonly TrafficRow[], rowId: number): void;
}

export function TrafficView(props: TrafficViewProps) {
  const { session, errorsOnly, text } = props;
  const live = useSubscription(session, (s) => s.snapshot());
  // Paused: the list shows the snapshot taken at pause; capture and detection go on.
  const [paused, setPaused] = useState<TrafficSnapshot | null>(null);
  // Scrolled up: the list holds the snapshot it had, so rows the store drops under a flood do
  // not vanish from under the user's eyes; "N new — jump to latest" counts what came since.
  const [held, setHeld] = useState<TrafficSnapshot | null>(null);
  const [selectedId, setSelectedId] = useState<number | undefined>(undefined);
  const [reveal, setReveal] = useState<{ id: number; at: number } | undefined>(undefined);

  const query = useMemo(() => parseFilter(text), [text]);
  const shown = paused ?? held ?? live;
  const rows = useMemo(
    () => filterRows(shown.rows, { errorsOnly, query, pairs: shown.pairs }),
    [shown, errorsOnly, query],
  );
  const newRows = useMemo(() => {
    const newest = held?.rows[held.rows.length - 1]?.id;
    if (paused || newest === undefined) return 0;
    return countAfter(filterRows(live.rows, { errorsOnly, query, pairs: live.pairs }), newest);
  }, [paused, held, live, errorsOnly, query]);

  function onFollow(follow: boolean): void {
    setHeld((before) => (follow ? null : (before ?? live)));
  }
  const rowOf = (id: number): TrafficRow | undefined => shown.rows[indexOfId(shown.rows, id)];
  const selected = selectedId === undefined ? undefined : rowOf(selectedId);

  function clear(): void {
    session.clear();
    setSelectedId(undefined);
    setPaused((before) => (before ? session.snapshot() : null));
    setHeld(null);
  }

  function jump(id: number): void {
    setSelectedId(id);
    setReveal({ id, at: Date.now() });
  }

  function onKeyDown(event: KeyboardEvent): void {
    if (event.key === 'Escape') {
      setSelectedId(undefined);
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const at = selectedId === undefined ? -1 : indexOfId(rows, selectedId);
    const next = event.key === 'ArrowDown' ? at + 1 : at < 0 ? rows.length - 1 : at - 1;
    const row = rows[Math.max(0, Math.min(rows.length - 1, next))];
    if (row) setSelectedId(row.id);
  }

  return (
    <>
      <Toolbar
        errorsOnly={errorsOnly}
        onErrorsOnly={props.onErrorsOnly}
        text={text}
        onText={props.onText}
        filterProblems={query.problems}
        onClear={clear}
        paused={paused !== null}
        held={paused ? Math.max(0, live.added - paused.added) : 0}
        onPause={(pause) => setPaused(pause ? live : null)}
        preserveLog={live.preserveLog}
        onPreserveLog={props.canPreserveLog ? (v) => session.setPreserveLog(v) : undefined}
      >
        <SavedFiltersControl saved={props.saved} query={text} onApply={props.onText} />
      </Toolbar>
      <DroppedNotice snapshot={live} />
      <div class={`body${selected ? ' with-details' : ''}`}>
        <TrafficList
          rows={rows}
          selectedId={selectedId}
          onSelect={setSelectedId}
          onKeyDown={onKeyDown}
          follow={held === null}
          onFollow={onFollow}
          newRows={newRows}
          onExplainSigning={(id) => props.onSigning(shown.rows, id)}
          pairs={shown.pairs}
          reveal={reveal}
        />
        {selected ? (
          <DetailsPane
            row={selected}
            onClose={() => setSelectedId(undefined)}
            onSigning={(id) => props.onSigning(shown.rows, id)}
            pairs={shown.pairs}
            rowOf={rowOf}
            onJump={jump}
            onCopy={props.onCopy}
            keepCredentials={props.keepCredentials}
          />
        ) : null}
      </div>
      {rows.length === 0 && shown.rows.length > 0 ? (
        <p class="muted" data-testid="no-match">
          No row matches the filter.
        </p>
      ) : null}
    </>
  );
}
