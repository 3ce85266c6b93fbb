// ISOLATED world (content script): the relay's end of the DOM-event bridge with the MAIN-world
// wrapper. At document_start, before any page script, it names a random private channel in a
// handshake; afterwards it listens and speaks only there, so the page can neither forge
// commands nor read them.
import {
  channelEvents,
  PAGE_TO_RELAY_EVENT,
  type PageBatch,
  PROTOCOL_VERSION,
  RELAY_TO_PAGE_EVENT,
  type RelayCommand,
  type RelayHandshake,
  SOURCE,
} from '../protocol/index.ts';
import { readPageMessage } from './read-page-batch.ts';

export interface PageLink {
  /** Tells the wrapper to stream (with its history first when replay) or to stop. */
  command(live: boolean, replay: boolean): void;
  /** The wrapper acknowledged the handshake. */
  readonly linked: boolean;
}

export function randomChannel(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function detailOf(event: Event): unknown {
  return (event as CustomEvent<unknown>).detail;
}

export function openPageLink(
  target: EventTarget,
  onBatch: (batch: PageBatch) => void,
  channel = randomChannel(),
): PageLink {
  const events = channelEvents(channel);
  const handshake: RelayHandshake = {
    source: SOURCE.relay,
    v: PROTOCOL_VERSION,
    type: 'handshake',
    channel,
  };
  let linked = false;

  const send = (type: string, message: object) =>
    target.dispatchEvent(new CustomEvent(type, { detail: JSON.stringify(message) }));

  // The wrapper announces itself on the public name when it starts after us; answer it until
  // it has acknowledged, then never again (a later announcement can only be the page's).
  const onAnnounce = (event: Event) => {
    if (!linked && readPageMessage(detailOf(event))?.type === 'ready')
      send(RELAY_TO_PAGE_EVENT, handshake);
  };

  target.addEventListener(events.toRelay, (event) => {
    const message = readPageMessage(detailOf(event));
    if (message?.type === 'ready') {
      linked = true;
      target.removeEventListener(PAGE_TO_RELAY_EVENT, onAnnounce);
    } else if (message?.type === 'batch') onBatch(message.batch);
  });
  target.addEventListener(PAGE_TO_RELAY_EVENT, onAnnounce);
  // If the wrapper started first it is listening now and acknowledges synchronously.
  send(RELAY_TO_PAGE_EVENT, handshake);

  return {
    command(live, replay) {
      const command: RelayCommand = {
        source: SOURCE.relay,
        v: PROTOCOL_VERSION,
        type: 'live',
        live,
        replay,
      };
      if (linked) send(events.toPage, command);
    },
    get linked() {
      return linked;
    },
  };
}
