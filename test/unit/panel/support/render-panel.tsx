// Test support: the panel UI with a real session and capture model, fed by the test, not a
// browser. Timers are fake; flush() applies what was fed, as the render cadence would.
import { act, render } from '@testing-library/preact';
import type { SavedFilter } from '../../../../src/core/settings/index.ts';
import {
  type CaptureModel,
  createCaptureModel,
  type SiteAccess,
} from '../../../../src/panel/capture/capture-model.ts';
import type { Theme } from '../../../../src/panel/capture/inspected-tab.ts';
import type { SigningServices } from '../../../../src/panel/sign/signing-services.ts';
import {
  createTrafficSession,
  type TrafficSessionOptions,
} from '../../../../src/panel/traffic/traffic-session.ts';
import { PanelApp } from '../../../../src/panel/view/panel-app.tsx';
import { fakeClock } from './fake-clock.ts';
import { fakePanelServices } from './fake-services.ts';
import { T0 } from './frames.ts';

export interface FakeAccess extends SiteAccess {
  requested: string[];
  optionsOpened: number;
}

export function fakeAccess(
  options: { canRequest?: boolean; grant?: boolean; covers?: boolean } = {},
) {
  const access: FakeAccess = {
    requested: [],
    optionsOpened: 0,
    canRequest: options.canRequest ?? true,
    covers: async () => options.covers ?? false,
    request(url) {
      access.requested.push(url);
      return Promise.resolve(options.grant ?? true);
    },
    async openOptions() {
      access.optionsOpened++;
    },
  };
  return access;
}

/** The signing pane without a network: tests that need the clock check use signing-panel.tsx. */
const offlineSigning: SigningServices = {
  loadHostMap: async () => ({}),
  fetchText: async () => {
    throw new Error('no network in component tests');
  },
  now: () => T0,
};

export function renderPanel(
  options: {
    session?: TrafficSessionOptions;
    access?: FakeAccess;
    mode?: 'devtools' | 'tab';
    reload?: () => void;
    theme?: Theme;
    filters?: readonly SavedFilter[];
  } = {},
) {
  const time = fakeClock(T0);
  const session = createTrafficSession({ clock: time.clock, ...options.session });
  const access = options.access ?? fakeAccess();
  const capture: CaptureModel = createCaptureModel({
    mode: options.mode ?? 'devtools',
    tabId: 7,
    access,
    ...(options.reload ? { reload: options.reload } : {}),
  });
  const services = fakePanelServices(offlineSigning, options.filters);
  const view = render(
    <PanelApp
      session={session}
      capture={capture}
      theme={options.theme ?? 'light'}
      services={services}
    />,
  );
  return {
    ...view,
    session,
    services,
    capture,
    access,
    time,
    /** Applies everything fed so far and lets the UI render. */
    flush: () => act(() => session.flushNow()),
    advance: (ms: number) => act(() => time.advance(ms)),
    cleanup: () => {
      session.dispose();
      capture.dispose();
      view.unmount();
    },
  };
}
