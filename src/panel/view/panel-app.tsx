// Panel UI root: heading and error summary, capture status, the session shown (live, or an
// imported HAR file) with import and export, the Traffic view and the Signing view. Renders what
// the sessions and the capture model hold; no browser APIs: what it needs of the browser comes
// in as services.
import { useState } from 'preact/hooks';
import { version } from '../../../package.json';
import type { CaptureModel } from '../capture/capture-model.ts';
import type { Theme } from '../capture/inspected-tab.ts';
import type { PanelServices } from '../panel-services.ts';
import { capturedRequestOf } from '../sign/captured-request.ts';
import { draftFromLookup, freshDraft, type SignDraft } from '../sign/sign-draft.ts';
import { SigningPane } from '../sign/signing-pane.tsx';
import { harFileName, harFromRows } from '../traffic/har-export.ts';
import type { TrafficRow } from '../traffic/traffic-row.ts';
import type { TrafficSession } from '../traffic/traffic-session.ts';
import { CaptureBannerView } from './capture-banner.tsx';
import { type ExportStatus, SessionBar } from './session-bar.tsx';
import { ErrorSummary } from './traffic-notices.tsx';
import { TrafficView } from './traffic-view.tsx';
import { useImports } from './use-imports.ts';
import { useSavedFilters } from './use-saved-filters.ts';
import { useSubscription } from './use-subscription.ts';

export interface PanelAppProps {
  session: TrafficSession;
  capture: CaptureModel;
  theme: Theme;
  services: PanelServices;
}

type View = 'traffic' | 'signing';

function SessionSummary({ session }: { session: TrafficSession }) {
  const snapshot = useSubscription(session, (s) => s.snapshot());
  return <ErrorSummary snapshot={snapshot} />;
}

export function PanelApp({ session, capture, theme, services }: PanelAppProps) {
  const { signing } = services;
  const [errorsOnly, setErrorsOnly] = useState(false);
  const [text, setText] = useState('');
  const [view, setView] = useState<View>('traffic');
  const [keepCredentials, setKeepCredentials] = useState(false);
  const [exportStatus, setExportStatus] = useState<ExportStatus | undefined>(undefined);
  // The signing pane's request (never its secret): kept here so it survives switching views.
  const [signDraft, setSignDraft] = useState<SignDraft>(() => freshDraft(signing.now()));
  const imports = useImports(session);
  const saved = useSavedFilters(services.filters);
  const current = imports.current;

  async function openSigning(rows: readonly TrafficRow[], rowId: number): Promise<void> {
    const lookup = capturedRequestOf(rows, rowId);
    const hosts = await signing.loadHostMap().catch(() => ({}));
    setSignDraft((previous) => draftFromLookup(lookup, hosts, signing.now(), previous));
    setView('signing');
  }

  function exportHar(): void {
    const { rows } = current.snapshot();
    const har = harFromRows(rows, { keepCredentials, creatorVersion: version });
    const name = harFileName(signing.now());
    services.saveFile(name, JSON.stringify(har), 'application/json');
    const how = keepCredentials ? 'credentials as captured' : 'credentials redacted';
    setExportStatus({
      text: `Exported ${rows.length.toLocaleString('en')} rows in ${har.log.entries.length.toLocaleString('en')} entries as ${name} (${how})`,
    });
  }

  function onDrop(event: DragEvent): void {
    const file = event.dataTransfer?.files?.[0];
    if (!file) return;
    event.preventDefault();
    setView('traffic');
    void imports.importFile(file);
  }

  return (
    <main
      class={`panel theme-${theme}`}
      data-testid="panel"
      data-theme={theme}
      onDragOver={(event) => {
        if (event.dataTransfer?.types.includes('Files')) event.preventDefault();
      }}
      onDrop={onDrop}
    >
      <header class="top">
        <h1 data-testid="panel-heading">Exchange Lens</h1>
        <SessionSummary key={imports.active} session={current} />
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
        <SessionBar
          views={imports.views}
          active={imports.active}
          onActive={imports.setActive}
          onCloseView={imports.close}
          onImport={(file) => void imports.importFile(file)}
          importStatus={imports.status}
          onExport={exportHar}
          exportStatus={exportStatus}
          keepCredentials={keepCredentials}
          onKeepCredentials={setKeepCredentials}
        />
        <TrafficView
          key={imports.active}
          session={current}
          canPreserveLog={imports.active === 'live'}
          errorsOnly={errorsOnly}
          onErrorsOnly={setErrorsOnly}
          text={text}
          onText={setText}
          saved={saved}
          keepCredentials={keepCredentials}
          onCopy={services.copy}
          onSigning={(rows, id) => void openSigning(rows, id)}
        />
      </div>
      {/* Mounted only while shown: leaving the view drops the secret (see secret-memory.ts). */}
      {view === 'signing' ? (
        <SigningPane draft={signDraft} onDraft={setSignDraft} services={signing} />
      ) : null}
    </main>
  );
}
