// Panel UI: pick a saved filter, save the one typed under a name, delete the one picked.
import { useState } from 'preact/hooks';
import type { SavedFilters } from './use-saved-filters.ts';

export interface SavedFiltersControlProps {
  saved: SavedFilters;
  /** The filter as typed now. */
  query: string;
  onApply(query: string): void;
}

export function SavedFiltersControl({ saved, query, onApply }: SavedFiltersControlProps) {
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [picked, setPicked] = useState('');
  const current = saved.filters.find((f) => f.name === picked && f.query === query.trim());

  async function confirm(): Promise<void> {
    if (name.trim() === '') return;
    if (await saved.save(name, query)) {
      setPicked(name.trim());
      setNaming(false);
      setName('');
    }
  }

  return (
    <span class="saved-filters">
      <select
        data-testid="saved-filters"
        aria-label="Saved filters"
        value={current?.name ?? ''}
        onChange={(event) => {
          const chosen = saved.filters.find((f) => f.name === event.currentTarget.value);
          if (!chosen) return;
          setPicked(chosen.name);
          onApply(chosen.query);
        }}
      >
        <option value="">Saved filters…</option>
        {saved.filters.map((filter) => (
          <option key={filter.name} value={filter.name} title={filter.query}>
            {filter.name}
          </option>
        ))}
      </select>
      {current ? (
        <button
          type="button"
          data-testid="delete-filter"
          title={`Delete the saved filter "${current.name}"`}
          onClick={() => void saved.remove(current.name)}
        >
          Delete
        </button>
      ) : null}
      {naming ? (
        <>
          <input
            data-testid="filter-name"
            aria-label="Name of the filter"
            placeholder="Name"
            value={name}
            maxLength={60}
            onInput={(event) => setName(event.currentTarget.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') void confirm();
              if (event.key === 'Escape') setNaming(false);
            }}
          />
          <button type="button" data-testid="save-filter-confirm" onClick={() => void confirm()}>
            Save
          </button>
          <button type="button" onClick={() => setNaming(false)}>
            Cancel
          </button>
        </>
      ) : (
        <button
          type="button"
          data-testid="save-filter"
          disabled={query.trim() === '' || current !== undefined}
          onClick={() => setNaming(true)}
        >
          Save filter…
        </button>
      )}
      {saved.problem ? (
        <span class="problem" data-testid="saved-filter-problem" role="status">
          {saved.problem}
        </span>
      ) : null}
    </span>
  );
}
