// Settings (d): how many rows of history the DevTools panel keeps per tab; saved in storage.sync.
import { useEffect, useState } from 'preact/hooks';
import { HISTORY_LIMITS, type Settings } from '../core/settings/index.ts';
import type { StorageLike } from '../storage/index.ts';
import { saveSettings } from '../storage/index.ts';

interface Props {
  storage: StorageLike;
  settings: Settings;
}

const n = (value: number) => value.toLocaleString('en');

export function HistorySection({ storage, settings }: Props) {
  const [rows, setRows] = useState(String(settings.historyMaxRows));
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  useEffect(() => setRows(String(settings.historyMaxRows)), [settings.historyMaxRows]);

  const save = async (event: Event) => {
    event.preventDefault();
    const value = Number(rows.replace(/[,_\s]/g, ''));
    const saved = await saveSettings(storage, { historyMaxRows: value });
    setMessage(
      saved.ok
        ? { ok: true, text: `Saved: the panel keeps ${n(value)} rows.` }
        : { ok: false, text: saved.problems.join('; ') },
    );
  };

  return (
    <section aria-labelledby="history-heading" data-testid="history-section">
      <h2 id="history-heading">History</h2>
      <form class="row" onSubmit={save}>
        <label>
          Rows the DevTools panel keeps{' '}
          <input
            name="history"
            inputMode="numeric"
            value={rows}
            onInput={(event) => setRows(event.currentTarget.value)}
          />
        </label>
        <button type="submit">Save limit</button>
      </form>
      <p>
        From {n(HISTORY_LIMITS.min)} to {n(HISTORY_LIMITS.max)} rows; default{' '}
        {n(HISTORY_LIMITS.default)}. Older rows are dropped first. <em>Saved in storage.sync.</em>
      </p>
      {message && (
        <p
          class={message.ok ? 'done' : 'problem'}
          role={message.ok ? 'status' : 'alert'}
          data-testid="history-message"
        >
          {message.text}
        </p>
      )}
    </section>
  );
}
