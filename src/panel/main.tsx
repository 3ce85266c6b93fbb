// DevTools panel (extension page inside DevTools, or a tab opened with ?tabId=N): wiring only.
// Talks to the hub over a runtime port, to DevTools' network and inspectedWindow APIs, and to
// storage (settings in, the tab's recent findings out).
import { render } from 'preact';
import browser from 'webextension-polyfill';
import { type CaptureStatus, PORT } from '../protocol/index.ts';
import { extensionStorage, recentFindingsArea } from '../storage/browser-storage.ts';
import { recordRecentFindingIn } from '../storage/index.ts';
import { browserPanelServices } from './browser-services.ts';
import { createCaptureModel } from './capture/capture-model.ts';
import { connectHub } from './capture/hub-connection.ts';
import { inspectedTab, type Theme } from './capture/inspected-tab.ts';
import { startNetworkCapture } from './capture/network-capture.ts';
import { sinkRecentFindings } from './capture/recent-findings-sink.ts';
import { linkSettings } from './capture/settings-link.ts';
import { createSiteAccess } from './capture/site-access.ts';
import { forgetOnPageHide } from './sign/secret-memory.ts';
import { createNavigations } from './traffic/navigations.ts';
import { createTrafficSession } from './traffic/traffic-session.ts';
import { PanelApp } from './view/panel-app.tsx';
import '../ui/base.css';
import './panel.css';
import './panel-tools.css';

const tab = inspectedTab(browser, location.search);
const session = createTrafficSession();
const capture = createCaptureModel({
  mode: tab.mode,
  tabId: tab.tabId,
  access: createSiteAccess(browser),
  ...(tab.reload ? { reload: tab.reload } : {}),
});
const { tabId } = tab;
// New documents drop the older rows; pushState, replaceState and hash changes keep them.
const navigations = createNavigations({
  onNewDocument: (since) => session.navigated(since),
  now: () => Date.now(),
});
function onStatus(status: CaptureStatus): void {
  capture.setStatus(status);
  session.setDocuments(status.documents);
  navigations.documents(status.documents);
}

// The hub replays the tab's history on hello: connect once the user's catalogues are in place.
const detectorReady = linkSettings(session, extensionStorage());
if (tabId !== undefined) {
  const recent = recentFindingsArea();
  sinkRecentFindings(session, (finding) =>
    recordRecentFindingIn(recent, tabId, finding).catch(() => {}),
  );
  void detectorReady.then(() =>
    connectHub({
      connect: () => browser.runtime.connect({ name: PORT.panel }),
      tabId,
      onMessage: (message) =>
        message.type === 'frames' ? session.ingestFrames(message) : onStatus(message),
      onState: capture.setHub,
    }),
  );
}

if (tab.mode === 'devtools' && browser.devtools) {
  startNetworkCapture({
    network: browser.devtools.network,
    session,
    navigations,
    onNavigated: (url) => capture.setInspectedUrl(url),
  });
  void tab.currentUrl().then((url) => capture.setInspectedUrl(url));
}

// A signing secret the user asked to remember lives until this page goes (secret-memory.ts).
forgetOnPageHide(window);
const services = browserPanelServices();

const root = document.getElementById('root');
function draw(theme: Theme): void {
  if (root) {
    render(
      <PanelApp session={session} capture={capture} theme={theme} services={services} />,
      root,
    );
  }
}
draw(tab.theme);
tab.onThemeChanged(draw);
