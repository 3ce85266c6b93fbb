// Unit (Node): the relay's end of the DOM bridge answers the wrapper's announcement only until
// the wrapper has acknowledged; after that, public-name messages are the page's and ignored.
import { describe, expect, it } from 'vitest';
import { openPageLink } from '../../../src/content/page-link.ts';
import {
  PAGE_TO_RELAY_EVENT,
  PROTOCOL_VERSION,
  RELAY_TO_PAGE_EVENT,
  SOURCE,
} from '../../../src/protocol/index.ts';

const READY = JSON.stringify({ source: SOURCE.page, v: PROTOCOL_VERSION, type: 'ready' });

function handshakes(target: EventTarget) {
  const seen: string[] = [];
  target.addEventListener(RELAY_TO_PAGE_EVENT, (event) => seen.push((event as CustomEvent).detail));
  return seen;
}

describe('relay page link', () => {
  it('uses a fresh random channel per document', () => {
    const a = new EventTarget();
    const b = new EventTarget();
    const seenA = handshakes(a);
    const seenB = handshakes(b);
    openPageLink(a, () => {});
    openPageLink(b, () => {});
    a.dispatchEvent(new CustomEvent(PAGE_TO_RELAY_EVENT, { detail: READY }));
    b.dispatchEvent(new CustomEvent(PAGE_TO_RELAY_EVENT, { detail: READY }));
    const channel = (detail: string | undefined) => JSON.parse(detail ?? '{}').channel;
    expect(channel(seenA[0])).toMatch(/^[0-9a-f]{32}$/);
    expect(channel(seenA[0])).not.toBe(channel(seenB[0]));
  });

  it('stops answering announcements once the wrapper acknowledged', () => {
    const target = new EventTarget();
    const link = openPageLink(target, () => {}, 'ab'.repeat(16));
    expect(link.linked).toBe(false);
    target.dispatchEvent(
      new CustomEvent(`${PAGE_TO_RELAY_EVENT}:${'ab'.repeat(16)}`, { detail: READY }),
    );
    expect(link.linked).toBe(true);
    const seen = handshakes(target);
    target.dispatchEvent(new CustomEvent(PAGE_TO_RELAY_EVENT, { detail: READY }));
    expect(seen).toEqual([]);
  });

  it('ignores batches on the public name and sends no command before the link', () => {
    const target = new EventTarget();
    const batches: unknown[] = [];
    const link = openPageLink(target, (batch) => batches.push(batch), 'cd'.repeat(16));
    const batch = {
      source: SOURCE.page,
      v: PROTOCOL_VERSION,
      type: 'frames',
      doc: 'd',
      frames: [],
      replay: false,
      dropped: 0,
    };
    target.dispatchEvent(new CustomEvent(PAGE_TO_RELAY_EVENT, { detail: JSON.stringify(batch) }));
    expect(batches).toEqual([]);
    const commands: unknown[] = [];
    target.addEventListener(`${RELAY_TO_PAGE_EVENT}:${'cd'.repeat(16)}`, (event) =>
      commands.push(event),
    );
    link.command(true, true);
    expect(commands).toEqual([]);
  });
});
