// Unit (Node, fake timers): a frame's whole trip without a browser. A fake page's socket
// receives an OKX login failure; the real wrapper, page link, relay-to-hub link, hub, panel
// connection and traffic session carry it, and the panel's row explains it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHub } from '../../../src/background/hub.ts';
import { createHubLink } from '../../../src/content/hub-link.ts';
import { openPageLink } from '../../../src/content/page-link.ts';
import { type CaptureTarget, installCapture } from '../../../src/page/install-capture.ts';
import { connectHub } from '../../../src/panel/capture/hub-connection.ts';
import { createTrafficSession } from '../../../src/panel/traffic/traffic-session.ts';
import { PORT } from '../../../src/protocol/index.ts';
import { openShadow } from '../../support/fake-dom.ts';
import { fakeGlobals } from '../../support/fake-page.ts';
import { portPair } from '../../support/fake-ports.ts';

const EXTENSION = 'exchange-lens-id';
const PANEL_URL = `chrome-extension://${EXTENSION}/src/panel/index.html`;
const TAB = 7;
const LOGIN_FAILED = '{"event":"error","code":"60009","msg":"Login failed."}';

function journey() {
  const hub = createHub({
    extensionId: EXTENSION,
    extensionOrigin: `chrome-extension://${EXTENSION}/`,
    askTabToReconnect: () => relayLink.reconnect(),
  });

  // The page: the wrapper in its world, the relay's page link on the same document.
  const { global } = fakeGlobals();
  installCapture(global as unknown as CaptureTarget);
  const relayLink = createHubLink({
    connect: () => {
      const pair = portPair(PORT.relay, { id: EXTENSION, tab: { id: TAB }, frameId: 0 });
      hub.connect(pair.far);
      return pair.near;
    },
    url: () => 'https://www.okx.com/trade-spot',
    timeOrigin: () => Date.now(),
    doc: 'doc-1',
    wrapper: () => pageLink.probe(),
    onLive: (live, replay) => pageLink.forwardLive(live, replay),
    setTimer: (run, ms) => setTimeout(run, ms),
  });
  const pageLink = openPageLink({
    document: global.document,
    openShadow,
    onBatch: (batch) => relayLink.send(batch),
    onLinked: () => relayLink.wrapperChanged(),
  });
  relayLink.start();

  const session = createTrafficSession();
  const openPanel = () =>
    connectHub({
      connect: () => {
        const pair = portPair(PORT.panel, { id: EXTENSION, url: PANEL_URL });
        hub.connect(pair.far);
        return pair.near;
      },
      tabId: TAB,
      onMessage: (message) => {
        if (message.type === 'frames') session.ingestFrames(message);
      },
    });
  return { WebSocket: global.WebSocket, session, openPanel };
}

describe("a frame's journey from the page to a panel row", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('explains an error the socket received before DevTools opened, and one after', () => {
    const { WebSocket, session, openPanel } = journey();
    const ws = new WebSocket('wss://ws.okx.com:8443/ws/v5/private');
    ws.serverOpens();
    ws.serverSends(LOGIN_FAILED);

    openPanel();
    vi.advanceTimersByTime(500);
    ws.serverSends(
      '{"event":"error","code":"60012","msg":"Invalid request: {\\"op\\":\\"subscribe\\"}"}',
    );
    vi.advanceTimersByTime(500);
    session.flushNow();

    const rows = session.snapshot().rows;
    expect(rows.map((row) => row.kind)).toEqual(['open', 'receive', 'receive']);
    const [, before, after] = rows;
    expect(before).toMatchObject({ where: 'ws.okx.com:8443/ws/v5/private #1', level: 'error' });
    expect(before?.findings[0]).toMatchObject({
      exchange: 'okx',
      code: '60009',
      attribution: 'host',
      observedMessage: 'Login failed.',
    });
    expect(after?.findings[0]).toMatchObject({ exchange: 'okx', code: '60012' });
  });
});
