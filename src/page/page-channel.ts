// MAIN world (page): the wrapper's end of the private link to the ISOLATED-world relay. The link
// is a closed shadow root on an element that is never inserted: only this script, which made
// it, and the relay, which alone can open closed shadow roots (dom.openOrClosedShadowRoot),
// hold it, and non-composed events dispatched on it reach no other listener. The element is
// handed over once at document_start, before any page script, as the relatedTarget of a
// MouseEvent on `document`; whoever else sees that element cannot open it.
import {
  COMMAND_DETAIL,
  LINK_EVENTS,
  PAGE_TO_RELAY_EVENT,
  RELAY_TO_PAGE_EVENT,
  type WrapperState,
} from '../protocol/index.ts';
import type { Natives } from './natives.ts';

export interface PageChannel {
  /** Sends a PageBatch (JSON) to the relay; dropped until the relay has linked. */
  post(json: string): void;
  /** Hands the link's element to a relay that is already listening (it ran first). */
  announce(): void;
}

export function openPageChannel(
  n: Natives,
  doc: EventTarget,
  state: () => WrapperState,
  onCommand: (live: boolean, replay: boolean) => void,
): PageChannel {
  const { host, root } = n.closedRoot();
  let linked = false;

  const announce = () => n.dispatch(doc, n.mouseEvent(PAGE_TO_RELAY_EVENT, host));

  // The relay ran second and asks. Answered until the link is made, and never after: an answer
  // only shows the element, which nobody else can open.
  const onRequest = () => {
    try {
      if (!linked) announce();
    } catch {}
  };

  // Anything on the root comes from the relay: the link is made, drop the public listener.
  const heard = () => {
    if (linked) return;
    linked = true;
    n.removeListener(doc, RELAY_TO_PAGE_EVENT, onRequest);
  };

  n.addListener(root, LINK_EVENTS.ping, () => {
    try {
      heard();
      n.dispatch(root, n.customEvent(LINK_EVENTS.state, state()));
    } catch {}
  });
  n.addListener(root, LINK_EVENTS.command, (event) => {
    try {
      heard();
      const detail = n.eventDetail(event);
      if (detail === COMMAND_DETAIL.stop) onCommand(false, false);
      else if (detail === COMMAND_DETAIL.live) onCommand(true, false);
      else if (detail === COMMAND_DETAIL.liveWithReplay) onCommand(true, true);
    } catch {}
  });
  n.addListener(doc, RELAY_TO_PAGE_EVENT, onRequest);

  return {
    post(json) {
      if (linked) n.dispatch(root, n.customEvent(LINK_EVENTS.frames, json));
    },
    announce() {
      try {
        if (!linked) announce();
      } catch {}
    },
  };
}
