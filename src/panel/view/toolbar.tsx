// Panel UI: errors-only, the filter (its syntax in filter-query.ts) with the saved filters
// next to it, clear, pause and preserve log.
import type { ComponentChildren } from 'preact';

export const FILTER_HELP =
  'Words match URL, payload, code and message. /regex/ · code:-1021 · exchange:okx · op:order · channel:books · status:4xx · dir:send · kind:close · slow:>500ms · -term excludes · "a phrase"';

export interface ToolbarProps {
  errorsOnly: boolean;
  onErrorsOnly(value: boolean): void;
  text: string;
  onText(value: string): void;
  /** Terms of the filter that could not be read, each with why. */
  filterProblems: readonly string[];
  /** The saved-filter controls, shown after the filter. */
  children?: ComponentChildren;
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
        placeholder="Filter: text, /regex/, code:-1021 exchange:okx op:order status:4xx slow:>500ms -term"
        aria-label="Filter rows"
        title={FILTER_HELP}
        value={props.text}
        onInput={(event) => props.onText((event.currentTarget as HTMLInputElement).value)}
      />
      {props.children}
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
      {props.filterProblems.length > 0 ? (
        <p class="filter-problem" data-testid="filter-problem" role="status">
          Left out of the filter: {props.filterProblems.join(' · ')}
        </p>
      ) : null}
    </div>
  );
}
