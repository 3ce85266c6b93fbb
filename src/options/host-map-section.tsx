// Settings (a): map a host to an exchange (testnets, staging, a local proxy). Used by the panel's
// detector; saved in storage.sync.
import { useState } from 'preact/hooks';
import { checkHostMapping, type Settings } from '../core/settings/index.ts';
import type { StorageLike } from '../storage/index.ts';
import { saveSettings } from '../storage/index.ts';

interface Props {
  storage: StorageLike;
  settings: Settings;
  exchanges: readonly string[];
}

export function HostMapSection({ storage, settings, exchanges }: Props) {
  const [host, setHost] = useState('');
  const [exchange, setExchange] = useState(exchanges[0] ?? '');
  const [problems, setProblems] = useState<string[]>([]);
  const hosts = Object.entries(settings.hosts).sort(([a], [b]) => a.localeCompare(b));

  const save = async (next: Record<string, string>) => {
    const saved = await saveSettings(storage, { hosts: next });
    setProblems(saved.ok ? [] : saved.problems);
    return saved.ok;
  };

  const add = async (event: Event) => {
    event.preventDefault();
    const checked = checkHostMapping(host, exchange);
    if ('problem' in checked) {
      setProblems([checked.problem]);
      return;
    }
    if (await save({ ...settings.hosts, [checked.host]: checked.exchange })) setHost('');
  };

  const remove = (removed: string) => {
    const { [removed]: _gone, ...rest } = settings.hosts;
    void save(rest);
  };

  return (
    <section aria-labelledby="hosts-heading" data-testid="hosts-section">
      <h2 id="hosts-heading">Hosts</h2>
      <p>
        Map a host to an exchange: a testnet, a staging server, a local proxy. A host covers its
        subdomains and wins over the bundled hosts. <em>Saved in storage.sync</em> (follows your
        browser profile).
      </p>
      {hosts.length === 0 ? (
        <p data-testid="hosts-empty">No hosts mapped yet.</p>
      ) : (
        <table data-testid="hosts-table">
          <thead>
            <tr>
              <th scope="col">Host</th>
              <th scope="col">Exchange</th>
              <th scope="col">
                <span class="hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {hosts.map(([name, id]) => (
              <tr key={name} data-testid="host-row">
                <td>{name}</td>
                <td>{id}</td>
                <td>
                  <button type="button" aria-label={`Remove ${name}`} onClick={() => remove(name)}>
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form class="row" onSubmit={add}>
        <label>
          Host{' '}
          <input
            name="host"
            value={host}
            placeholder="testnet.example.com"
            onInput={(event) => setHost(event.currentTarget.value)}
          />
        </label>
        <label>
          Exchange{' '}
          <select
            name="exchange"
            value={exchange}
            onChange={(event) => setExchange(event.currentTarget.value)}
          >
            {exchanges.map((id) => (
              <option key={id} value={id}>
                {id}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">Add host</button>
      </form>
      {problems.length > 0 && (
        <p class="problem" role="alert" data-testid="hosts-problem">
          {problems.join('; ')}
        </p>
      )}
    </section>
  );
}
