// Unit (Node): the relay's end of the private link takes one announcement, before any page
// script could make one, opens the closed shadow root it names, and from then on listens only
// there; it tells a linked wrapper from a silent one and keeps the hub's command until linked.
import { describe, expect, it } from 'vitest';
import { openPageLink } from '../../../src/content/page-link.ts';
import {
  LINK_EVENTS,
  PAGE_TO_RELAY_EVENT,
  type PageBatch,
  PROTOCOL_VERSION,
  RELAY_TO_PAGE_EVENT,
  SOURCE,
} from '../../../src/protocol/index.ts';
import { FakeDocument, FakeElement, FakeMouseEvent, openShadow } from '../../support/fake-dom.ts';

/** A hand-made wrapper: a closed root, answering pings with `state`, recording commands. */
function fakeWrapper(document: EventTarget, state: string | null = 'capturing') {
  const host = new FakeElement();
  const root = host.attachShadow({ mode: 'closed' });
  const commands: unknown[] = [];
  root.addEventListener(LINK_EVENTS.ping, () => {
    if (state) root.dispatchEvent(new CustomEvent(LINK_EVENTS.state, { detail: state }));
  });
  root.addEventListener(LINK_EVENTS.command, (event) => {
    commands.push((event as CustomEvent).detail);
  });
  const announce = () =>
    document.dispatchEvent(new FakeMouseEvent(PAGE_TO_RELAY_EVENT, { relatedTarget: host }));
  return { host, root, commands, announce };
}

function relay(document: EventTarget) {
  const batches: PageBatch[] = [];
  let linked = 0;
  const link = openPageLink({
    document,
    openShadow,
    onBatch: (batch) => batches.push(batch),
    onLinked: () => linked++,
  });
  return { link, batches, linked: () => linked };
}

const batch = (seqs: number[], replay = false) =>
  JSON.stringify({
    source: SOURCE.page,
    v: PROTOCOL_VERSION,
    type: 'frames',
    frames: seqs.map((seq) => ({ seq, time: 1, socket: 1, url: 'wss://x/', kind: 'receive' })),
    replay,
    dropped: 0,
  });

describe('relay page link', () => {
  it('links to the wrapper that announces itself after it, and to no later announcement', () => {
    const document = new FakeDocument();
    const { link, linked } = relay(document);
    expect(link.probe()).toBe('unlinked');
    const wrapper = fakeWrapper(document);
    wrapper.announce();
    expect([link.probe(), linked()]).toEqual(['capturing', 1]);
    // A page script announcing its own element later is not heard.
    const impostor = fakeWrapper(document, 'capturing');
    impostor.announce();
    link.forwardLive(true, true);
    expect([wrapper.commands, impostor.commands]).toEqual([['live+replay'], []]);
  });

  it('asks a wrapper that ran first to announce itself, then stops listening on document', () => {
    const document = new FakeDocument();
    const wrapper = fakeWrapper(document);
    document.addEventListener(RELAY_TO_PAGE_EVENT, () => wrapper.announce(), { once: true });
    const { link } = relay(document);
    expect(link.probe()).toBe('capturing');
    fakeWrapper(document).announce();
    link.forwardLive(false, false);
    expect(wrapper.commands).toEqual(['stop']);
  });

  it('takes one announcement only, even one it cannot open', () => {
    const document = new FakeDocument();
    const { link } = relay(document);
    document.dispatchEvent(new FakeMouseEvent(PAGE_TO_RELAY_EVENT, { relatedTarget: null }));
    fakeWrapper(document).announce();
    expect(link.probe()).toBe('unlinked');
  });

  it('says unlinked when the wrapper stops answering, and what it answers otherwise', () => {
    const document = new FakeDocument();
    const { link, linked } = relay(document);
    fakeWrapper(document, 'not-wrapped').announce();
    expect([link.probe(), linked()]).toEqual(['not-wrapped', 1]);
    const silent = new FakeDocument();
    const other = relay(silent);
    fakeWrapper(silent, null).announce();
    expect([other.link.probe(), other.linked()]).toEqual(['unlinked', 0]);
  });

  it("keeps the hub's command until the wrapper links", () => {
    const document = new FakeDocument();
    const { link } = relay(document);
    link.forwardLive(true, true);
    const wrapper = fakeWrapper(document);
    wrapper.announce();
    expect(wrapper.commands).toEqual(['live+replay']);
  });

  it('takes batches from the root only, with increasing seqs and new live frames', () => {
    const document = new FakeDocument();
    const { batches } = relay(document);
    const wrapper = fakeWrapper(document);
    wrapper.announce();
    const post = (detail: string, target: EventTarget = wrapper.root) =>
      target.dispatchEvent(new CustomEvent(LINK_EVENTS.frames, { detail }));
    post(batch([1, 2, 3]));
    post(batch([1, 2]), document); // not on the link: nobody listens there
    post(batch([5, 4])); // refused: not increasing
    post(batch([1, 2, 3, 4], true)); // a replay resends history
    post(batch([3, 4, 5])); // live: only what is new
    post('{"source":'); // not JSON
    expect(batches.map((b) => [b.replay, b.frames.map((f) => f.seq)])).toEqual([
      [false, [1, 2, 3]],
      [true, [1, 2, 3, 4]],
      [false, [4, 5]],
    ]);
  });
});
