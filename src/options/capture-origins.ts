// What the options page makes of ?grant=<origin> (the panel sends Firefox users here: DevTools
// cannot ask for host access): the site to offer, or why it cannot be offered.
import { type CaptureSite, captureSite } from '../core/sites/capture-site.ts';

export function grantPattern(origin: string): CaptureSite | { problem: string } {
  try {
    new URL(origin.trim());
  } catch {
    return { problem: `'${origin}' is not an origin such as https://testnet.example.com` };
  }
  return (
    captureSite(origin) ?? { problem: `capture only runs on http and https pages, not '${origin}'` }
  );
}
