// Panel UI: whether WebSocket capture runs in the inspected page, and the one click that
// enables it on a site that is not a default one.

import { ShownText } from '../../ui/shown-text.tsx';
import type { CaptureModel } from '../capture/capture-model.ts';
import { type CaptureBanner, captureBanner } from '../capture/capture-state.ts';
import { useSubscription } from './use-subscription.ts';

function ReloadButton({ model }: { model: CaptureModel }) {
  if (!model.reload) return <span> Reload the page to start it.</span>;
  return (
    <button type="button" data-testid="reload-page" onClick={model.reload}>
      Reload
    </button>
  );
}

function Message({ banner, model }: { banner: CaptureBanner; model: CaptureModel }) {
  switch (banner.state) {
    case 'no-tab':
      return (
        <span>
          No inspected tab: open this panel in DevTools, or add ?tabId=N to this page's address.
        </span>
      );
    case 'pending':
      return <span>Checking WebSocket capture…</span>;
    case 'active':
      return (
        <span>
          WebSocket capture is active on this page
          {banner.documents > 1 ? ` (${banner.documents} documents)` : ''}.
        </span>
      );
    case 'unavailable':
      return (
        <span>
          WebSocket capture is not available on this page (<ShownText text={banner.url} />
          ).
        </span>
      );
    case 'inactive':
      return (
        <span>
          No WebSocket capture in this tab: the site is not enabled, or the page has not been
          reloaded since it was.
        </span>
      );
    case 'reload':
      return (
        <span>
          Capture starts on the next reload. <ReloadButton model={model} />
        </span>
      );
    case 'options':
      return (
        <span>
          Grant access to {banner.origin} on the options page, then reload the page.{' '}
          <ReloadButton model={model} />
        </span>
      );
    case 'enable':
      return (
        <span>
          WebSocket capture is off for {banner.origin}.{' '}
          <button type="button" data-testid="enable-capture" onClick={model.enable}>
            Enable WebSocket capture on {banner.origin}
          </button>
          {banner.via === 'options' ? (
            <span>
              {' '}
              This browser does not let DevTools ask for site access: the options page opens.
            </span>
          ) : null}
          {banner.denied ? <span> Access was not granted.</span> : null}
          {banner.failed ? (
            <span>
              {' '}
              The browser refused to ask here.{' '}
              <button type="button" data-testid="open-options" onClick={model.openOptions}>
                Open the options page
              </button>
            </span>
          ) : null}
        </span>
      );
  }
}

export function CaptureBannerView({ model }: { model: CaptureModel }) {
  const facts = useSubscription(model, (m) => m.facts());
  const banner = captureBanner(facts);
  return (
    <div
      class={`banner banner-${banner.state}`}
      data-testid="capture-status"
      data-state={banner.state}
    >
      <Message banner={banner} model={model} />
      {facts.hub === 'reconnecting' ? (
        <span class="muted" data-testid="hub-state">
          {' '}
          (reconnecting to the background…)
        </span>
      ) : null}
      {facts.mode === 'tab' && facts.tabId !== undefined ? (
        <span class="muted" data-testid="mode-note">
          {' '}
          Opened outside DevTools: WebSocket frames of tab {facts.tabId} only, no HTTP.
        </span>
      ) : null}
    </div>
  );
}
