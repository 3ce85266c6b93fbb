// Panel UI contract: what the signing pane asks of the browser: the user's host map (to pick a
// recipe), the one request it makes (the exchange's public time endpoint) and the clock.
// Nothing here carries a secret. The browser's binding is src/panel/browser-services.ts.
import type { HostMap } from '../../core/index.ts';
import type { FetchText } from './clock-check.ts';

export interface SigningServices {
  /** The user's host -> exchange map from the options, for recipe detection. */
  loadHostMap(): Promise<HostMap>;
  /** A GET without cookies or credentials: the status and the body's text. */
  fetchText: FetchText;
  now(): number;
}
