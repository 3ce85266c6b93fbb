// Panel UI: errors-only, text filter, clear, pause and preserve log.

export interface ToolbarProps {
  errorsOnly: boolean;
  onErrorsOnly(value: boolean): void;
  text: string;
  onText(value: string): void;
  onClear(): void;
  paused: boolean;
  /** Rows that arrived while paused: captured and kept, shown on resume. */
  held: number;
  onPause(value: boolean): void;
  preserveLog: boolean;
  /** Absent: no toggle is shown. (Opened as a tab too, a new document drops older rows.) */
  onPreserveLog: ((value: boolean) => void) | undefined;
}

const checked = (event: Event): boolean => (event.currentTarget as HTMLInputElement).checked;

export function Toolbar(props: ToolbarProps) {
  return (
    <div class="toolbar" role="toolbar" data-testid="toolbar">
      <label>
        <input
          type="checkbox"
          data-testid="errors-only"
          checked={props.errorsOnly}
          onChange={(event) => props.onErrorsOnly(checked(event))}
        />
        Errors only
      </label>
      <input
        type="search"
        class="filter"
        data-testid="filter"
        placeholder="Filter: URL, text, code, message"
        aria-label="Filter rows"
        value={props.text}
        onInput={(event) => props.onText((event.currentTarget as HTMLInputElement).value)}
      />
      <button type="button" data-testid="clear" onClick={props.onClear}>
        Clear
      </button>
      <button
        type="button"
        data-testid="pause"
        aria-pressed={props.paused}
        onClick={() => props.onPause(!props.paused)}
      >
        {props.paused ? 'Resume' : 'Pause'}
      </button>
      {props.onPreserveLog ? (
        <label title="Without it, the list is cleared when the inspected page navigates">
          <input
            type="checkbox"
            data-testid="preserve-log"
            checked={props.preserveLog}
            onChange={(event) => props.onPreserveLog?.(checked(event))}
          />
          Preserve log
        </label>
      ) : null}
      {props.paused ? (
        <span class="paused" data-testid="paused-count">
          Paused: {props.held.toLocaleString('en')} new rows held, shown on resume
        </span>
      ) : null}
    </div>
  );
}
