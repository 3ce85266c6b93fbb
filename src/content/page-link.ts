// ISOLATED world (content script): the relay's end of the private link with the MAIN-world
// wrapper. The wrapper hands over, once, at document_start and before any page script, a
// detached element whose closed shadow root is the link; only this world can open it
// (dom.openOrClosedShadowRoot), and events on it reach no other listener. Each side listens on
// `document` for the other's at most once and stops as soon as they are linked, so a page
// script can neither read nor write the link, nor take the wrapper's place.
import {
  commandDetail,
  isWrapperState,
  LINK_EVENTS,
  PAGE_TO_RELAY_EVENT,
  type PageBatch,
  RELAY_TO_PAGE_EVENT,
  type RelayCommand,
  type WrapperLink,
  type WrapperState,
} from '../protocol/index.ts';
import { createSeqGuard, readPageBatch } from './read-page-batch.ts';

export interface PageLinkDeps {
  /** The page's document, where the handshake happens. */
  document: EventTarget;
  /** The closed (or open) shadow root of an element; undefined for anything else. */
  openShadow(host: unknown): EventTarget | undefined;
  onBatch(batch: PageBatch): void;
  /** The link was made: the relay's hello should say so. */
  onLinked(): void;
}

export interface PageLink {
  /** Tells the wrapper to stream (with its history first when replay) or to stop; remembered
   * until the link is made. */
  forwardLive(live: boolean, replay: boolean): void;
  /** Asks the wrapper, now: its state, or unlinked when no wrapper answers. */
  probe(): WrapperLink;
}

function detailOf(event: Event): unknown {
  return (event as CustomEvent<unknown>).detail;
}

export function openPageLink(deps: PageLinkDeps): PageLink {
  const { document } = deps;
  let root: EventTarget | undefined;
  let answer: WrapperState | undefined;
  let wanted: RelayCommand | undefined;
  const checkSeqs = createSeqGuard();

  function send(command: RelayCommand): void {
    root?.dispatchEvent(new CustomEvent(LINK_EVENTS.command, { detail: commandDetail(command) }));
  }

  function probe(): WrapperLink {
    if (!root) return 'unlinked';
    answer = undefined;
    // The wrapper answers during this dispatch, or it is gone.
    root.dispatchEvent(new CustomEvent(LINK_EVENTS.ping));
    return answer ?? 'unlinked';
  }

  function link(host: unknown): void {
    const opened = deps.openShadow(host);
    if (!opened) return;
    root = opened;
    opened.addEventListener(LINK_EVENTS.state, (event) => {
      const state = detailOf(event);
      if (isWrapperState(state)) answer = state;
    });
    opened.addEventListener(LINK_EVENTS.frames, (event) => {
      const batch = readPageBatch(detailOf(event));
      const checked = batch && checkSeqs(batch);
      if (checked) deps.onBatch(checked);
    });
    if (probe() === 'unlinked') return;
    if (wanted) send(wanted);
    deps.onLinked();
  }

  // At most one announcement is taken, whatever it carries: the first one comes from the
  // wrapper, which runs before any page script.
  const onAnnounce = (event: Event) => {
    document.removeEventListener(PAGE_TO_RELAY_EVENT, onAnnounce);
    if (!root) link((event as MouseEvent).relatedTarget);
  };
  document.addEventListener(PAGE_TO_RELAY_EVENT, onAnnounce);
  // A wrapper that ran first is listening: it announces itself during this dispatch. Otherwise
  // it announces when it runs, right after us.
  document.dispatchEvent(new CustomEvent(RELAY_TO_PAGE_EVENT));

  return {
    forwardLive(live, replay) {
      wanted = { live, replay };
      send(wanted);
    },
    probe,
  };
}
