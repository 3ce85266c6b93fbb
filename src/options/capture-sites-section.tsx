// Settings (c): the sites the user granted WebSocket capture on, each revocable, and the grant
// button for ?grant=<origin> (the panel sends Firefox users here: DevTools cannot ask).
import { useEffect, useState } from 'preact/hooks';
import { builtInHosts, enabledSites } from '../core/sites/content-scripts.ts';
import { grantPattern } from './capture-origins.ts';
import type { PermissionsLike } from './options-services.ts';

interface Props {
  permissions: PermissionsLike;
  builtInPatterns: readonly string[];
  grantRequest: string | undefined;
}

export function CaptureSitesSection({ permissions, builtInPatterns, grantRequest }: Props) {
  const [sites, setSites] = useState<string[]>();
  const [message, setMessage] = useState<{ ok: boolean; text: string }>();
  const grant = grantRequest === undefined ? undefined : grantPattern(grantRequest);

  const refresh = () =>
    permissions.getAll().then(
      ({ origins }) => setSites(enabledSites(origins ?? [], builtInPatterns)),
      () => setSites([]),
    );

  useEffect(() => {
    void refresh();
    permissions.onAdded?.addListener(refresh);
    permissions.onRemoved?.addListener(refresh);
    return () => {
      permissions.onAdded?.removeListener(refresh);
      permissions.onRemoved?.removeListener(refresh);
    };
  }, [permissions]);

  const revoke = async (origin: string) => {
    const removed = await permissions.remove({ origins: [origin] }).catch(() => false);
    setMessage(
      removed
        ? { ok: true, text: `Capture revoked for ${origin}.` }
        : { ok: false, text: `The browser kept the permission for ${origin}.` },
    );
    await refresh();
  };

  const ask = async (origin: string, pattern: string) => {
    // permissions.request must run in the click's user gesture: nothing is awaited before it.
    const granted = await permissions.request({ origins: [pattern] }).catch(() => false);
    setMessage(
      granted
        ? { ok: true, text: `Capture granted for ${origin}. Reload its page to start capturing.` }
        : { ok: false, text: `Capture was not granted for ${origin}.` },
    );
    await refresh();
  };

  return (
    <section aria-labelledby="capture-heading" data-testid="capture-section">
      <h2 id="capture-heading">WebSocket capture</h2>
      <p>Capture runs out of the box on these hosts, and on no other:</p>
      <ul class="builtin-hosts" data-testid="capture-builtin">
        {builtInHosts(builtInPatterns).map((host) => (
          <li key={host}>
            <code>{host}</code>
          </li>
        ))}
      </ul>
      <p>Other sites need your permission, granted from the panel; they are listed here.</p>
      {grant && 'problem' in grant && (
        <p class="problem" role="alert">
          Cannot grant capture: {grant.problem}
        </p>
      )}
      {grant && 'pattern' in grant && (
        <p>
          <button type="button" onClick={() => void ask(grant.origin, grant.pattern)}>
            Grant capture for {grant.origin}
          </button>
        </p>
      )}
      {sites?.length === 0 && <p data-testid="capture-empty">No other sites.</p>}
      {sites && sites.length > 0 && (
        <ul data-testid="capture-sites">
          {sites.map((origin) => (
            <li key={origin} data-testid="capture-site">
              <code>{origin}</code>{' '}
              <button
                type="button"
                aria-label={`Revoke ${origin}`}
                onClick={() => void revoke(origin)}
              >
                Revoke
              </button>
            </li>
          ))}
        </ul>
      )}
      {message && (
        <p class={message.ok ? 'done' : 'problem'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
    </section>
  );
}
