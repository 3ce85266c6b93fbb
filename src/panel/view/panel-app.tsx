// Panel UI root: heading and error summary, capture status, the Traffic view (toolbar, the list
// and the details of the selected row) and the Signing view. Renders what the session and the
// capture model hold; no browser APIs: what it needs of the browser comes in as services.
import { useMemo, useState } from 'preact/hooks';
import type { CaptureModel } from '../capture/capture-model.ts';
import type { Theme } from '../capture/inspected-tab.ts';
import type { PanelServices } from '../panel-services.ts';
import { capturedRequestOf } from '../sign/captured-request.ts';
import { draftFromLookup, freshDraft, type SignDraft } from '../sign/sign-draft.ts';
import { SigningPane } from '../sign/signing-pane.tsx';
import { countAfter, filterRows, indexOfId } from '../traffic/row-filter.ts';
import type { TrafficSession, TrafficSnapshot } from '../traffic/traffic-session.ts';
import { CaptureBannerView } from './capture-banner.tsx';
import { DetailsPane } from './details-pane.tsx';
import { Toolbar } from './toolbar.tsx';
import { TrafficList } from './traffic-list.tsx';
import { DroppedNotice, ErrorSummary } from './traffic-notices.tsx';
import { useSubscription } from './use-subscription.ts';

export interface PanelAppProps {
  session: TrafficSession;
  capture: CaptureModel;
  theme: Theme;
  services: PanelServices;
}

type View = 'traffic' | 'signing';

export function PanelApp({ session, capture, theme, services }: PanelAppProps) {
  const { signing } = services;
  const live = useSubscription(session, (s) => s.snapshot());
  // Paused: the list shows the snapshot taken at pause; capture and detection go on.
  const [paused, setPaused] = useState<TrafficSnapshot | null>(null);
  // Scrolled up: the list holds the snapshot it had, so rows the store drops under a flood do
  // not vanish from under the user's eyes; "N new — jump to latest" counts what came since.
  const [held, setHeld] = useState<TrafficSnapshot | null>(null);
  const [errorsOnly, setErrorsOnly] = useState(false);
  const [text, setText] = useState('');
  const [selectedId, setSelectedId] = useState<number | undefined>(undefined);
  const [view, setView] = useState<View>('traffic');
  // The signing pane's request (never its secret): kept here so it survives switching views.
  const [signDraft, setSignDraft] = useState<SignDraft>(() => freshDraft(signing.now()));

  const shown = paused ?? held ?? live;
  const rows = useMemo(
    () => filterRows(shown.rows, { errorsOnly, text }),
    [shown.rows, errorsOnly, text],
  );
  const newRows = useMemo(() => {
    const newest = held?.rows[held.rows.length - 1]?.id;
    if (paused || newest === undefined) return 0;
    return countAfter(filterRows(live.rows, { errorsOnly, text }), newest);
  }, [paused, held, live.rows, errorsOnly, text]);

  function onFollow(follow: boolean): void {
    setHeld((before) => (follow ? null : (before ?? live)));
  }
  const selected =
    selectedId === undefined ? undefined : shown.rows[indexOfId(shown.rows, selectedId)];

  function clear(): void {
    session.clear();
    setSelectedId(undefined);
    setPaused((before) => (before ? session.snapshot() : null));
    setHeld(null);
  }

  async function openSigning(rowId: number): Promise<void> {
    const lookup = capturedRequestOf(shown.rows, rowId);
    const hosts = await signing.loadHostMap().catch(() => ({}));
    setSignDraft((previous) => draftFromLookup(lookup, hosts, signing.now(), previous));
    setView('signing');
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
    <main class={`panel theme-${theme}`} data-testid="panel" data-theme={theme}>
      <header class="top">
        <h1 data-testid="panel-heading">Exchange Lens</h1>
        <ErrorSummary snapshot={live} />
      </header>
      <CaptureBannerView model={capture} />
      <div class="view-tabs" role="tablist">
        {(['traffic', 'signing'] as const).map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            data-testid={`view-${name}`}
            aria-selected={view === name}
            onClick={() => setView(name)}
          >
            {name === 'traffic' ? 'Traffic' : 'Signing'}
          </button>
        ))}
      </div>
      {/* Hidden, not unmounted: the list keeps its scroll position while the user signs. */}
      <div class="traffic-view" style={{ display: view === 'traffic' ? 'contents' : 'none' }}>
        <Toolbar
          errorsOnly={errorsOnly}
          onErrorsOnly={setErrorsOnly}
          text={text}
          onText={setText}
          onClear={clear}
          paused={paused !== null}
          held={paused ? Math.max(0, live.added - paused.added) : 0}
          onPause={(pause) => setPaused(pause ? live : null)}
          preserveLog={live.preserveLog}
          onPreserveLog={(v) => session.setPreserveLog(v)}
        />
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
            onExplainSigning={(id) => void openSigning(id)}
          />
          {selected ? (
            <DetailsPane
              row={selected}
              onClose={() => setSelectedId(undefined)}
              onSigning={(id) => void openSigning(id)}
            />
          ) : null}
        </div>
        {rows.length === 0 && shown.rows.length > 0 ? (
          <p class="muted" data-testid="no-match">
            No row matches the filter.
          </p>
        ) : null}
      </div>
      {/* Mounted only while shown: leaving the view drops the secret (see secret-memory.ts). */}
      {view === 'signing' ? (
        <SigningPane draft={signDraft} onDraft={setSignDraft} services={signing} />
      ) : null}
    </main>
  );
}
