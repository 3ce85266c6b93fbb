// Settings (b): import a custom catalogue (JSON, or a pasted Markdown table in the seeds'
// layout). Checked in full first: a bad import lists every bad line and changes nothing.
import { useState } from 'preact/hooks';
import { TABLE_LAYOUTS } from '../core/custom-catalogue/index.ts';
import type { StorageAreaName, StorageLike } from '../storage/index.ts';
import {
  importCustomCatalogue,
  type LoadedCatalogues,
  removeCustomCatalogue,
  SYNC_ITEM_BYTES,
  storedBytes,
} from '../storage/index.ts';

interface Props {
  storage: StorageLike;
  catalogues: LoadedCatalogues;
}

type Outcome = { ok: true; text: string } | { ok: false; problems: string[] };

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

function whereStored(area: StorageAreaName | undefined, bytes: number): string {
  if (area === 'sync')
    return `Stored in storage.sync (${kb(bytes)}): it follows your browser profile.`;
  if (area === 'local') {
    return `Stored in storage.local (${kb(bytes)}, more than sync's ${kb(SYNC_ITEM_BYTES)} per item): on this device only.`;
  }
  return 'No custom catalogue is stored.';
}

export function CatalogueSection({ storage, catalogues }: Props) {
  const [text, setText] = useState('');
  const [exchange, setExchange] = useState('');
  const [source, setSource] = useState('');
  const [outcome, setOutcome] = useState<Outcome>();
  const [busy, setBusy] = useState(false);

  const importText = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    const result = await importCustomCatalogue(storage, text, {
      ...(exchange.trim() ? { exchange: exchange.trim() } : {}),
      source: source || 'pasted in the options page',
    });
    setBusy(false);
    if (!result.ok) {
      setOutcome(result);
      return;
    }
    const counts = result.imported.map(
      ({ records, exchange }) =>
        `${records.length} ${records.length === 1 ? 'entry' : 'entries'} for ${exchange}`,
    );
    setOutcome({
      ok: true,
      text: `Imported ${counts.join(', ')}. ${whereStored(result.area, result.bytes)}`,
    });
    setText('');
    setSource('');
  };

  const readFile = async (event: Event) => {
    const file = (event.currentTarget as HTMLInputElement).files?.[0];
    if (!file) return;
    setText(await file.text());
    setSource(file.name);
  };

  const remove = async (id: string) => {
    const result = await removeCustomCatalogue(storage, id);
    setOutcome(
      result.ok
        ? { ok: true, text: `Removed the ${id} catalogue.` }
        : { ok: false, problems: result.problems },
    );
  };

  const stored = catalogues.stored.catalogues;
  return (
    <section aria-labelledby="catalogue-heading" data-testid="catalogue-section">
      <h2 id="catalogue-heading">Custom catalogues</h2>
      <p>
        Add your own error codes: JSON (an array of entries, or {'{exchange, entries}'}) or a pasted
        Markdown table headed {TABLE_LAYOUTS.join(', or ')}. They are used by the panel, the quick
        lookup and the CLI's <code>--catalogue FILE</code>. An import replaces the catalogue of the
        exchanges it names. <em>Saved in storage.sync</em> while all custom catalogues fit one sync
        item ({kb(SYNC_ITEM_BYTES)}), in <em>storage.local</em> (this device only) when they do not.
      </p>
      <form onSubmit={importText}>
        <div class="row">
          <label>
            Exchange id (when the text names none){' '}
            <input
              name="exchange"
              value={exchange}
              placeholder="binance"
              onInput={(event) => setExchange(event.currentTarget.value)}
            />
          </label>
          <label>
            Or read a file{' '}
            <input type="file" accept=".json,.md,.markdown,.txt" onChange={readFile} />
          </label>
        </div>
        <label class="block">
          Catalogue (JSON or Markdown)
          <textarea
            name="catalogue"
            rows={8}
            value={text}
            spellcheck={false}
            placeholder={
              '| Code | Message | Description | Solution |\n|---|---|---|---|\n-4061 | Order side mismatch | ... | ...'
            }
            onInput={(event) => setText(event.currentTarget.value)}
          />
        </label>
        <button type="submit" disabled={busy || text.trim() === ''}>
          Import catalogue
        </button>
      </form>
      {outcome?.ok === true && (
        <p class="done" role="status" data-testid="import-done">
          {outcome.text}
        </p>
      )}
      {outcome?.ok === false && (
        <div class="problem" role="alert" data-testid="import-problems">
          <p>Nothing was imported; your catalogues and settings are unchanged:</p>
          <ul>
            {outcome.problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </div>
      )}
      <p data-testid="catalogue-storage">
        {whereStored(catalogues.area, storedBytes(catalogues.stored))}
      </p>
      {catalogues.problems.length > 0 && (
        <p class="problem">Left out of the stored catalogues: {catalogues.problems.join('; ')}</p>
      )}
      {stored.length > 0 && (
        <table data-testid="catalogue-table">
          <thead>
            <tr>
              <th scope="col">Exchange</th>
              <th scope="col">Entries</th>
              <th scope="col">From</th>
              <th scope="col">
                <span class="hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {stored.map((catalogue) => (
              <tr key={catalogue.exchange} data-testid="catalogue-row">
                <td>{catalogue.exchange}</td>
                <td>{catalogue.records.length}</td>
                <td>{catalogue.source}</td>
                <td>
                  <button
                    type="button"
                    aria-label={`Remove the ${catalogue.exchange} catalogue`}
                    onClick={() => void remove(catalogue.exchange)}
                  >
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
