// Pure: what the capture-status banner says, from what the panel knows about the inspected page.
import { captureSite } from '../../core/sites/capture-site.ts';

export type AccessRequest = 'idle' | 'pending' | 'granted' | 'denied' | 'options-opened' | 'failed';

export interface CaptureFacts {
  /** 'tab': the panel page opened outside DevTools (?tabId=N), without the HTTP source. */
  mode: 'devtools' | 'tab';
  tabId: number | undefined;
  inspectedUrl: string | undefined;
  /** Documents of the tab whose relay said hello (those capturing count); undefined until the
   * hub has said. */
  documents: readonly { frameId: number; url: string; capturing?: boolean }[] | undefined;
  /** The page's host is a default capture site or access was granted; undefined: not known. */
  covered: boolean | undefined;
  /** permissions.request exists here (Firefox DevTools pages lack it). */
  canRequest: boolean;
  request: AccessRequest;
  hub: 'connecting' | 'connected' | 'reconnecting';
}

export type CaptureBanner =
  | { state: 'no-tab' }
  | { state: 'pending' }
  | { state: 'active'; documents: number }
  | { state: 'unavailable'; url: string }
  | { state: 'reload'; origin: string }
  | { state: 'options'; origin: string }
  | {
      state: 'enable';
      origin: string;
      via: 'permission' | 'options';
      denied: boolean;
      failed: boolean;
    }
  | { state: 'inactive' };

export function captureBanner(facts: CaptureFacts): CaptureBanner {
  if (facts.tabId === undefined) return { state: 'no-tab' };
  // A document whose relay reached no capturing wrapper does not count as captured.
  const documents = facts.documents?.filter((doc) => doc.capturing !== false).length ?? 0;
  if (documents > 0) return { state: 'active', documents };
  if (facts.documents === undefined && facts.request !== 'granted') return { state: 'pending' };
  const url = facts.inspectedUrl;
  if (url === undefined) return { state: 'inactive' };
  const origin = captureSite(url)?.origin;
  if (origin === undefined) return { state: 'unavailable', url };
  if (facts.request === 'granted' || facts.covered === true) return { state: 'reload', origin };
  if (facts.covered === undefined) return { state: 'pending' };
  if (facts.request === 'options-opened') return { state: 'options', origin };
  return {
    state: 'enable',
    origin,
    via: facts.canRequest ? 'permission' : 'options',
    denied: facts.request === 'denied',
    failed: facts.request === 'failed',
  };
}
