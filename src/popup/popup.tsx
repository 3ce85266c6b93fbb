// The quick lookup: type a code, a name, words or Chinese text; arrows move, Enter copies,
// Escape clears (or closes when empty). Rendered by main.tsx, driven by tests with fake services.
import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ExchangeChips } from './exchange-chips.tsx';
import { LangToggle } from './lang-toggle.tsx';
import type { PopupServices } from './popup-services.ts';
import { ResultItem } from './result-item.tsx';
import { type ResultRow, rowText } from './result-rows.ts';
import { usePopupData } from './use-popup-data.ts';
import { useProgressiveRows } from './use-progressive-rows.ts';
import { useSearchResults } from './use-search-results.ts';

/** performance.mark set once the first results are painted; bench/popup-search-bench reads it. */
export const FIRST_RESULTS_MARK = 'exchange-lens:popup-first-results';
const STATUS_MS = 2000;

const optionId = (row: ResultRow) => `result-${row.key.replace(/[^A-Za-z0-9_-]/g, '_')}`;

export function Popup({ services }: { services: PopupServices }) {
  const { catalogue, lang, setLang, recentRows } = usePopupData(services);
  const [query, setQuery] = useState('');
  const [chips, setChips] = useState<ReadonlySet<string>>(new Set());
  const [selected, setSelected] = useState(0);
  const [status, setStatus] = useState('');
  const input = useRef<HTMLInputElement>(null);
  const statusTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const { rows, total, exchanges } = useSearchResults(catalogue, query, chips, recentRows);
  const shown = useProgressiveRows(rows);
  const scrollOnMove = useRef(false);
  const seen = useMemo(
    () => new Set(recentRows.map((row) => `${row.entry?.exchange}:${row.entry?.code}`)),
    [recentRows],
  );
  const current = shown[Math.min(selected, shown.length - 1)];

  useEffect(() => {
    // autofocus alone is not enough where the page was focused before preact rendered.
    input.current?.focus();
    // Preact runs effects after the next frame, so the first results are painted by now.
    performance.mark(FIRST_RESULTS_MARK);
  }, []);

  const currentId = current ? optionId(current) : undefined;
  useEffect(() => {
    // Only the arrows scroll: a new query starts at the top, and scrolling forces a layout.
    if (!scrollOnMove.current || !currentId) return;
    scrollOnMove.current = false;
    document.getElementById(currentId)?.scrollIntoView?.({ block: 'nearest' });
  }, [currentId]);

  const copy = (row: ResultRow) => {
    const label = `${row.entry?.exchange ?? row.recent?.exchange} ${row.entry?.code ?? row.recent?.code}`;
    services.copy(rowText(row, lang)).then(
      () => setStatus(`Copied ${label}`),
      () => setStatus('Copy failed: the browser refused the clipboard'),
    );
    clearTimeout(statusTimer.current);
    statusTimer.current = setTimeout(() => setStatus(''), STATUS_MS);
  };

  // A click picks a row by key against the latest rows: rows that skipped re-rendering keep this
  // one stable callback.
  const latest = useRef({ rows, copy });
  latest.current = { rows, copy };
  const pick = useCallback((key: string) => {
    const index = latest.current.rows.findIndex((row) => row.key === key);
    const row = latest.current.rows[index];
    if (!row) return;
    setSelected(index);
    latest.current.copy(row);
  }, []);

  const changeQuery = (value: string) => {
    setQuery(value);
    setSelected(0);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    const field = event.currentTarget as HTMLInputElement;
    const last = shown.length - 1;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        scrollOnMove.current = true;
        setSelected((i) => Math.min(i + 1, last));
        break;
      case 'ArrowUp':
        event.preventDefault();
        scrollOnMove.current = true;
        setSelected((i) => Math.max(Math.min(i, last) - 1, 0));
        break;
      case 'Enter':
        event.preventDefault();
        if (current) copy(current);
        break;
      case 'Escape':
        event.preventDefault();
        if (query !== '') changeQuery('');
        else services.close();
        break;
      case 'c':
      case 'C': {
        // Ctrl+C copies the selected result unless the user selected text in the field.
        const textSelected = field.selectionStart !== field.selectionEnd;
        if ((event.ctrlKey || event.metaKey) && !textSelected && current) {
          event.preventDefault();
          copy(current);
        }
        break;
      }
    }
  };

  const toggleChip = (exchange: string) => {
    const next = new Set(chips);
    if (!next.delete(exchange)) next.add(exchange);
    setChips(next);
    setSelected(0);
  };

  return (
    <main data-testid="popup">
      <header>
        <input
          ref={input}
          type="search"
          data-testid="popup-search"
          aria-label="Search exchange errors"
          placeholder="Code, name or words"
          aria-controls="popup-results"
          aria-autocomplete="list"
          aria-activedescendant={currentId}
          value={query}
          onInput={(event) => changeQuery(event.currentTarget.value)}
          onKeyDown={onKeyDown}
          // biome-ignore lint/a11y/noAutofocus: the popup exists to type a query straight away
          autoFocus
        />
        <div class="bar">
          <ExchangeChips exchanges={exchanges} selected={chips} onToggle={toggleChip} />
          <LangToggle lang={lang} onChange={setLang} />
          <button type="button" class="settings" onClick={() => services.openOptions()}>
            Settings
          </button>
        </div>
      </header>
      <div class="status" role="status" aria-live="polite" data-testid="popup-status">
        {status}
      </div>
      <div id="popup-results" data-testid="popup-results" role="listbox" aria-label="Results">
        {shown.map((row) => (
          <ResultItem
            key={row.key}
            row={row}
            id={optionId(row)}
            selected={row === current}
            lang={lang}
            seen={!row.recent && seen.has(`${row.entry?.exchange}:${row.entry?.code}`)}
            onPick={pick}
          />
        ))}
      </div>
      {rows.length === 0 && (
        <p class="note" data-testid="popup-empty">
          Nothing matches "{query}". Try the code without its sign, a word of the message, or
          another exchange.
        </p>
      )}
      {total > rows.length && (
        <p class="note" data-testid="popup-more">
          Showing {rows.length} of {total}: type to narrow.
        </p>
      )}
    </main>
  );
}
