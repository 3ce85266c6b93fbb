// Panel UI: which session the list shows (live, or an imported HAR file), Import HAR (a file
// input; dropping a file on the panel does the same), Export HAR and whether credentials go
// into exports and copies as captured.
import type { ImportedView, ImportStatus, ViewKey } from './use-imports.ts';

export interface ExportStatus {
  text: string;
}

export interface SessionBarProps {
  views: readonly ImportedView[];
  active: ViewKey;
  onActive(key: ViewKey): void;
  onCloseView(key: number): void;
  onImport(file: File): void;
  importStatus: ImportStatus | undefined;
  onExport(): void;
  exportStatus: ExportStatus | undefined;
  keepCredentials: boolean;
  onKeepCredentials(value: boolean): void;
}

export function SessionBar(props: SessionBarProps) {
  const { views, active } = props;
  return (
    <div class="session-bar" data-testid="session-bar">
      <span class="sources" role="tablist" aria-label="Session shown">
        <button
          type="button"
          role="tab"
          data-testid="source-live"
          aria-selected={active === 'live'}
          onClick={() => props.onActive('live')}
        >
          Live
        </button>
        {views.map((view) => (
          <span key={view.key} class="source-tab">
            <button
              type="button"
              role="tab"
              data-testid="source-import"
              data-file={view.name}
              aria-selected={active === view.key}
              onClick={() => props.onActive(view.key)}
            >
              {view.name}
            </button>
            <button
              type="button"
              class="close-source"
              data-testid="source-close"
              title={`Close ${view.name}`}
              onClick={() => props.onCloseView(view.key)}
            >
              ×
            </button>
          </span>
        ))}
      </span>
      <label
        class="file-button"
        title="Open a HAR file (ours, Chromium's, Firefox's, Playwright's, mitmproxy's), or drop one on the panel"
      >
        Import HAR
        <input
          type="file"
          accept=".har,.json,application/json"
          data-testid="import-har"
          onChange={(event) => {
            const input = event.currentTarget;
            const file = input.files?.[0];
            if (file) props.onImport(file);
            input.value = '';
          }}
        />
      </label>
      <button type="button" data-testid="export-har" onClick={props.onExport}>
        Export HAR
      </button>
      <label title="Exports and copies redact API keys, signatures, passphrases, tokens and cookies unless this is ticked">
        <input
          type="checkbox"
          data-testid="export-credentials"
          checked={props.keepCredentials}
          onChange={(event) => props.onKeepCredentials(event.currentTarget.checked)}
        />
        Keep credentials
      </label>
      {props.importStatus ? (
        <span
          class={`status status-${props.importStatus.state}`}
          data-testid="import-status"
          data-state={props.importStatus.state}
          data-ms={props.importStatus.ms}
          role="status"
        >
          {props.importStatus.text}
        </span>
      ) : null}
      {props.exportStatus ? (
        <span class="status" data-testid="export-status" role="status">
          {props.exportStatus.text}
        </span>
      ) : null}
    </div>
  );
}
