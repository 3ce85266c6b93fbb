// Unit (Node, fake port, fake timers): the relay's port to the hub says hello, forwards frames,
// reconnects after a service-worker stop only when it was live, and then asks for a replay.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHubLink, RECONNECT_BACKOFF_MS } from '../../../src/content/hub-link.ts';
import {
  isHubReconnect,
  type PageBatch,
  PORT,
  PROTOCOL_VERSION,
  SOURCE,
  type WrapperLink,
} from '../../../src/protocol/index.ts';
import { type PortPair, portPair } from '../../support/fake-ports.ts';

const hello = {
  v: PROTOCOL_VERSION,
  type: 'relay-hello',
  url: 'http://127.0.0.1/trade',
  timeOrigin: 1_767_225_600_123.4,
  wrapper: 'capturing',
};
const live = (on: boolean, replay: boolean) => ({
  v: PROTOCOL_VERSION,
  type: 'live',
  live: on,
  replay,
});
const batch: PageBatch = {
  source: SOURCE.page,
  v: PROTOCOL_VERSION,
  type: 'frames',
  frames: [{ seq: 1, time: 1, socket: 1, url: 'wss://ws.example/', kind: 'open', protocol: '' }],
  replay: false,
  dropped: 3,
};

/** performance.timeOrigin of the document, as the relay reads it. */
const TIME_ORIGIN = 1_767_225_600_123.4;

function setup({ failConnect = false } = {}) {
  let wrapper: WrapperLink = 'capturing';
  const ports: PortPair[] = [];
  const commands: [boolean, boolean][] = [];
  const link = createHubLink({
    connect: () => {
      if (failConnect) throw new Error('Extension context invalidated.');
      const pair = portPair(PORT.relay);
      ports.push(pair);
      return pair.near;
    },
    url: () => 'http://127.0.0.1/trade',
    timeOrigin: () => TIME_ORIGIN,
    doc: 'doc-1',
    wrapper: () => wrapper,
    onLive: (on, replay) => commands.push([on, replay]),
    setTimer: (fn, ms) => setTimeout(fn, ms),
  });
  link.start();
  const setWrapper = (next: WrapperLink) => {
    wrapper = next;
  };
  return { link, ports, commands, setWrapper, port: () => (ports.at(-1) as PortPair).far };
}

describe('relay hub link', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('says hello with the page URL and forwards batches as relay frames', () => {
    const { link, port } = setup();
    link.send(batch);
    expect(port().received).toEqual([
      hello,
      {
        v: PROTOCOL_VERSION,
        type: 'frames',
        doc: 'doc-1',
        frames: batch.frames,
        replay: false,
        dropped: 3,
      },
    ]);
  });

  it("says hello again with the wrapper's state when it links later", () => {
    const { link, port, setWrapper } = setup();
    setWrapper('unlinked');
    link.wrapperChanged();
    setWrapper('not-wrapped');
    link.wrapperChanged();
    expect(port().received).toEqual([
      hello,
      { ...hello, wrapper: 'unlinked' },
      { ...hello, wrapper: 'not-wrapped' },
    ]);
  });

  it("passes the hub's live switch to the page and ignores anything else", () => {
    const { port, commands } = setup();
    port().postMessage(live(true, true));
    port().postMessage({ type: 'live', live: false, replay: false }); // no version: refused
    port().postMessage(live(false, false));
    expect(commands).toEqual([
      [true, true],
      [false, false],
    ]);
  });

  it('reconnects after a stop while live, says hello again and asks for a replay', () => {
    const { link, ports, port, commands } = setup();
    port().postMessage(live(true, true));
    port().disconnect();
    expect(commands.at(-1)).toEqual([false, false]); // the page stops streaming
    link.send(batch); // dropped: the replay brings it back
    expect(ports).toHaveLength(1);
    vi.advanceTimersByTime(RECONNECT_BACKOFF_MS[0]);
    expect(ports).toHaveLength(2);
    expect(port().received).toEqual([hello]);
    port().postMessage(live(true, false));
    expect(commands.at(-1)).toEqual([true, true]);
  });

  it('backs off while the hub stays away, then waits to be asked', () => {
    const { link, ports, port } = setup();
    port().postMessage(live(true, true));
    port().disconnect();
    for (const delay of RECONNECT_BACKOFF_MS) {
      vi.advanceTimersByTime(delay);
      port().disconnect();
    }
    vi.advanceTimersByTime(60_000);
    expect(ports).toHaveLength(RECONNECT_BACKOFF_MS.length + 1);
    link.reconnect();
    expect(ports).toHaveLength(RECONNECT_BACKOFF_MS.length + 2);
  });

  it('stays disconnected after a stop while not live, until the hub asks', () => {
    const { link, ports, port } = setup();
    port().postMessage(live(false, false));
    port().disconnect();
    vi.advanceTimersByTime(60_000);
    expect(link.connected).toBe(false);
    expect(ports).toHaveLength(1);
    link.reconnect();
    expect(link.connected).toBe(true);
    expect(port().received).toEqual([hello]);
    link.reconnect(); // already connected: nothing new
    expect(ports).toHaveLength(2);
  });

  it('treats a failed post as a disconnect', () => {
    const { link, ports, port } = setup();
    port().postMessage(live(true, false));
    (ports.at(-1) as PortPair).sever();
    link.send(batch);
    expect(link.connected).toBe(false);
    vi.advanceTimersByTime(RECONNECT_BACKOFF_MS[0]);
    expect(ports).toHaveLength(2);
  });

  it('gives up quietly when the extension context is gone', () => {
    const { link } = setup({ failConnect: true });
    expect(link.connected).toBe(false);
    expect(() => link.send(batch)).not.toThrow();
    expect(() => link.reconnect()).not.toThrow();
  });

  it("recognises the hub's reconnect request as the background sends it", () => {
    expect(isHubReconnect({ type: 'reconnect' })).toBe(true);
    expect(isHubReconnect({ v: PROTOCOL_VERSION, type: 'reconnect' })).toBe(true);
    expect(isHubReconnect({ v: PROTOCOL_VERSION + 1, type: 'reconnect' })).toBe(false);
    expect(isHubReconnect({ type: 'live' })).toBe(false);
    expect(isHubReconnect('reconnect')).toBe(false);
  });
});
