// What the panel UI asks of the browser besides the traffic session and the capture model, as
// one interface: main.tsx passes the real ones (browser-services.ts), tests fakes. Nothing here
// carries a secret.
import type { SigningServices } from './sign/signing-services.ts';

export interface PanelServices {
  /** The signing pane's host map, its one request (a time endpoint) and the clock. */
  signing: SigningServices;
}
