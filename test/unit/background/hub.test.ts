import { describe, expect, it } from 'vitest';
import { createHub } from '../../../src/background/hub.ts';
import { PORT, PROTOCOL_VERSION } from '../../../src/protocol/index.ts';
import { portPair } from '../../support/fake-ports.ts';

const EXTENSION = 'our-extension-id';
/** The document's performance.timeOrigin, as its relay says. */
const TIME_ORIGIN = 1_767_225_600_123.4;

const relayPort = (tabId: number, frameId = 0, documentId?: string) =>
  portPair(PORT.relay, {
    id: EXTENSION,
    tab: { id: tabId },
    frameId,
    ...(documentId ? { documentId } : {}),
  });
const panelPort = () => portPair(PORT.panel, { id: EXTENSION, url: 'chrome-extension://x/p.html' });
const frame = (seq: number) => ({
  seq,
  time: 1,
  socket: 1,
  url: 'ws://127.0.0.1/ws',
  kind: 'receive',
  text: '{}',
});
const batch = (doc: string, seqs: number[]) => ({
  v: PROTOCOL_VERSION,
  type: 'frames',
  doc,
  frames: seqs.map(frame),
  replay: false,
  dropped: 0,
});

const hello = (url: string, wrapper = 'capturing') => ({
  v: PROTOCOL_VERSION,
  type: 'relay-hello',
  url,
  timeOrigin: TIME_ORIGIN,
  wrapper,
});

function setup() {
  const woken: number[] = [];
  const hub = createHub({
    extensionId: EXTENSION,
    extensionOrigin: 'chrome-extension://x/',
    askTabToReconnect: (tab) => woken.push(tab),
  });
  return { hub, woken };
}

describe('the hub', () => {
  it('keeps a relay quiet until a panel inspects its tab, then asks for a replay', () => {
    const { hub } = setup();
    const relay = relayPort(7);
    hub.connect(relay.far);
    relay.near.postMessage(hello('http://127.0.0.1/console'));
    expect(relay.near.received).toEqual([]);

    const panel = panelPort();
    hub.connect(panel.far);
    panel.near.postMessage({ v: PROTOCOL_VERSION, type: 'panel-hello', tabId: 7 });
    expect(relay.near.received).toEqual([
      { v: PROTOCOL_VERSION, type: 'live', live: true, replay: true },
    ]);
    expect(panel.near.received).toContainEqual({
      v: PROTOCOL_VERSION,
      type: 'capture-status',
      documents: [
        { frameId: 0, url: 'http://127.0.0.1/console', timeOrigin: TIME_ORIGIN, capturing: true },
      ],
    });
  });

  it("routes frames only to the panel of the relay's own tab, with the sender's frame id", () => {
    const { hub } = setup();
    const mine = relayPort(1, 3);
    const other = relayPort(2);
    const panel = panelPort();
    for (const port of [mine, other, panel]) hub.connect(port.far);
    panel.near.postMessage({ v: PROTOCOL_VERSION, type: 'panel-hello', tabId: 1 });
    mine.near.postMessage(batch('doc-a', [1, 2]));
    other.near.postMessage(batch('doc-b', [1]));
    const frames = panel.near.received.filter((m) => (m as { type: string }).type === 'frames');
    expect(frames).toEqual([
      {
        v: PROTOCOL_VERSION,
        type: 'frames',
        frameId: 3,
        doc: 'doc-a',
        frames: [frame(1), frame(2)],
        replay: false,
        dropped: 0,
      },
    ]);
  });

  it('stops the stream when the last panel of a tab closes', () => {
    const { hub } = setup();
    const relay = relayPort(1);
    const panel = panelPort();
    hub.connect(relay.far);
    hub.connect(panel.far);
    panel.near.postMessage({ v: PROTOCOL_VERSION, type: 'panel-hello', tabId: 1 });
    panel.near.disconnect();
    expect(relay.near.received.at(-1)).toEqual({
      v: PROTOCOL_VERSION,
      type: 'live',
      live: false,
      replay: false,
    });
  });

  it('wakes the relays of a tab when a panel arrives after a restart left none connected', () => {
    const { hub, woken } = setup();
    const panel = panelPort();
    hub.connect(panel.far);
    panel.near.postMessage({ v: PROTOCOL_VERSION, type: 'panel-hello', tabId: 9 });
    expect(woken).toEqual([9]);
  });

  it('refuses ports of other extensions, unknown names and invalid messages', () => {
    const { hub } = setup();
    const stranger = portPair(PORT.relay, { id: 'someone-else', tab: { id: 1 } });
    hub.connect(stranger.far);
    expect(stranger.far.disconnected).toBe(true);
    const odd = portPair('other', { id: EXTENSION, tab: { id: 1 } });
    hub.connect(odd.far);
    expect(odd.far.disconnected).toBe(true);
    // A content script shares our id but not our pages' origin: it cannot subscribe as a panel.
    const posing = portPair(PORT.panel, {
      id: EXTENSION,
      url: 'http://127.0.0.1/',
      tab: { id: 2 },
    });
    hub.connect(posing.far);
    expect(posing.far.disconnected).toBe(true);

    const relay = relayPort(1);
    const panel = panelPort();
    hub.connect(relay.far);
    hub.connect(panel.far);
    panel.near.postMessage({ v: PROTOCOL_VERSION, type: 'panel-hello', tabId: 1 });
    const before = panel.near.received.length;
    relay.near.postMessage({ ...batch('d', [1]), frames: [{ seq: 'x' }] });
    relay.near.postMessage({ ...batch('d', [1]), v: PROTOCOL_VERSION + 1 });
    relay.near.postMessage('<script>');
    expect(panel.near.received.length).toBe(before);
  });

  it("names each document's frame, URL and time origin, and refuses a hello without one", () => {
    const { hub } = setup();
    const top = relayPort(1, 0);
    const frame = relayPort(1, 5);
    const panel = panelPort();
    for (const port of [top, frame, panel]) hub.connect(port.far);
    panel.near.postMessage({ v: PROTOCOL_VERSION, type: 'panel-hello', tabId: 1 });
    const hello = (url: string, timeOrigin: unknown) => ({
      v: PROTOCOL_VERSION,
      type: 'relay-hello',
      url,
      timeOrigin,
      wrapper: 'capturing',
    });
    top.near.postMessage(hello('http://127.0.0.1:8080/', TIME_ORIGIN));
    frame.near.postMessage(hello('http://127.0.0.1:9090/frame', 'now'));
    frame.near.postMessage(hello('http://127.0.0.1:9090/frame', TIME_ORIGIN + 40));
    const statuses = panel.near.received.filter(
      (message) => (message as { type: string }).type === 'capture-status',
    );
    expect(statuses.at(-1)).toEqual({
      v: PROTOCOL_VERSION,
      type: 'capture-status',
      documents: [
        { frameId: 0, url: 'http://127.0.0.1:8080/', timeOrigin: TIME_ORIGIN, capturing: true },
        {
          frameId: 5,
          url: 'http://127.0.0.1:9090/frame',
          timeOrigin: TIME_ORIGIN + 40,
          capturing: true,
        },
      ],
    });
    // The refused hello changed nothing: one status for each accepted hello, plus the first.
    expect(statuses).toHaveLength(3);
  });

  it('updates the capture status when a page goes away', () => {
    const { hub } = setup();
    const relay = relayPort(1);
    const panel = panelPort();
    hub.connect(relay.far);
    hub.connect(panel.far);
    relay.near.postMessage(hello('http://127.0.0.1/'));
    panel.near.postMessage({ v: PROTOCOL_VERSION, type: 'panel-hello', tabId: 1 });
    relay.near.disconnect();
    expect(panel.near.received.at(-1)).toEqual({
      v: PROTOCOL_VERSION,
      type: 'capture-status',
      documents: [],
    });
  });

  it('marks as capturing only documents whose relay reached a capturing wrapper', () => {
    const { hub } = setup();
    const top = relayPort(1, 0);
    const unwrapped = relayPort(1, 4);
    const panel = panelPort();
    for (const port of [top, unwrapped, panel]) hub.connect(port.far);
    panel.near.postMessage({ v: PROTOCOL_VERSION, type: 'panel-hello', tabId: 1 });
    top.near.postMessage(hello('http://127.0.0.1/', 'unlinked'));
    unwrapped.near.postMessage(hello('http://127.0.0.1/a', 'not-wrapped'));
    const status = (capturing: boolean) => ({
      v: PROTOCOL_VERSION,
      type: 'capture-status',
      documents: [
        { frameId: 0, url: 'http://127.0.0.1/', timeOrigin: TIME_ORIGIN, capturing },
        { frameId: 4, url: 'http://127.0.0.1/a', timeOrigin: TIME_ORIGIN, capturing: false },
      ],
    });
    expect(panel.near.received.at(-1)).toEqual(status(false));
    const liveAsks = () =>
      top.near.received.filter((m) => (m as { live?: boolean }).live === true).length;
    const asked = liveAsks();
    // The wrapper linked after the first hello: the status says so; no second replay is asked.
    top.near.postMessage(hello('http://127.0.0.1/'));
    expect(panel.near.received.at(-1)).toEqual(status(true));
    expect(liveAsks()).toBe(asked);
  });

  it("names the document by the browser's sender.documentId when it has one", () => {
    const { hub } = setup();
    const chromium = relayPort(1, 0, 'A1B2C3');
    const firefox = relayPort(1, 2);
    const panel = panelPort();
    for (const port of [chromium, firefox, panel]) hub.connect(port.far);
    panel.near.postMessage({ v: PROTOCOL_VERSION, type: 'panel-hello', tabId: 1 });
    chromium.near.postMessage(batch('relay-chosen', [1]));
    firefox.near.postMessage(batch('relay-chosen-too', [1]));
    const docs = panel.near.received
      .filter((m) => (m as { type: string }).type === 'frames')
      .map((m) => [(m as { frameId: number }).frameId, (m as { doc: string }).doc]);
    expect(docs).toEqual([
      [0, 'A1B2C3'],
      [2, 'relay-chosen-too'],
    ]);
  });

  it('refuses a hello without the wrapper state', () => {
    const { hub } = setup();
    const relay = relayPort(1);
    const panel = panelPort();
    hub.connect(relay.far);
    hub.connect(panel.far);
    panel.near.postMessage({ v: PROTOCOL_VERSION, type: 'panel-hello', tabId: 1 });
    relay.near.postMessage({
      v: PROTOCOL_VERSION,
      type: 'relay-hello',
      url: 'http://127.0.0.1/',
      timeOrigin: TIME_ORIGIN,
    });
    relay.near.postMessage(hello('http://127.0.0.1/', 'maybe'));
    expect(panel.near.received.at(-1)).toEqual({
      v: PROTOCOL_VERSION,
      type: 'capture-status',
      documents: [],
    });
  });
});
