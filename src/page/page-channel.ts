// MAIN world (page): the wrapper's end of the DOM-event bridge to the ISOLATED-world relay. The
// relay names a private channel in a handshake at document_start, before any page script runs;
// from then on both sides use only that channel, so the page can neither read nor forge it.

import { channelEvents, PAGE_TO_RELAY_EVENT, RELAY_TO_PAGE_EVENT } from '../protocol/index.ts';
import { isRelayCommand, isRelayHandshake, type RelayCommand } from '../protocol/page-messages.ts';
import { PAGE_READY_JSON } from './frame-json.ts';
import type { Natives } from './natives.ts';

export interface PageChannel {
  /** Sends a PageBatch (JSON) to the relay; dropped while no relay has shaken hands. */
  post(json: string): void;
}

export function openPageChannel(
  n: Natives,
  target: EventTarget,
  onCommand: (command: RelayCommand) => void,
): PageChannel {
  let toRelay: string | undefined;

  const onCommandEvent = (event: Event) => {
    try {
      const command = n.parse(n.eventDetail(event));
      if (isRelayCommand(command)) onCommand(command);
    } catch {}
  };

  const onHandshake = (event: Event) => {
    try {
      const handshake = n.parse(n.eventDetail(event));
      if (toRelay !== undefined || !isRelayHandshake(handshake)) return;
      const events = channelEvents(handshake.channel);
      toRelay = events.toRelay;
      n.removeListener(target, RELAY_TO_PAGE_EVENT, onHandshake);
      n.addListener(target, events.toPage, onCommandEvent);
      n.dispatch(target, n.customEvent(toRelay, PAGE_READY_JSON));
    } catch {}
  };

  n.addListener(target, RELAY_TO_PAGE_EVENT, onHandshake);
  // If the relay ran first, this makes it send the handshake (which arrives synchronously).
  n.dispatch(target, n.customEvent(PAGE_TO_RELAY_EVENT, PAGE_READY_JSON));

  return {
    post(json) {
      if (toRelay !== undefined) n.dispatch(target, n.customEvent(toRelay, json));
    },
  };
}
