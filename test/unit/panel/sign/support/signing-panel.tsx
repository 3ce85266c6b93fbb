// Test support: the panel with a real session, its Signing view and fake signing services (a
// host map, an exchange time endpoint, a clock), fed with captured requests by the test.
import { act, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { createDetector, type HostMap } from '../../../../../src/core/index.ts';
import { createCaptureModel } from '../../../../../src/panel/capture/capture-model.ts';
import type { FetchText } from '../../../../../src/panel/sign/clock-check.ts';
import type { SigningServices } from '../../../../../src/panel/sign/signing-services.ts';
import { createTrafficSession } from '../../../../../src/panel/traffic/traffic-session.ts';
import { PanelApp } from '../../../../../src/panel/view/panel-app.tsx';
import { fakeClock } from '../../support/fake-clock.ts';
import { fakePanelServices } from '../../support/fake-services.ts';
import { fakeAccess } from '../../support/render-panel.tsx';

/** The machine's clock in these tests. */
export const NOW = Date.UTC(2025, 4, 6, 7, 8, 9, 100);

export interface FakeExchange {
  /** Every URL the pane fetched. */
  fetched: string[];
  /** The exchange's clock minus this machine's, ms. */
  skewMs: number;
  /** Makes the next requests fail with this error. */
  failWith?: string;
}

export function renderSigningPanel(options: { hosts?: HostMap; skewMs?: number } = {}) {
  const exchange: FakeExchange = { fetched: [], skewMs: options.skewMs ?? 0 };
  const fetchText: FetchText = async (url) => {
    exchange.fetched.push(url);
    if (exchange.failWith) throw new TypeError(exchange.failWith);
    const serverTime = NOW + exchange.skewMs;
    if (url.endsWith('/api/gateway/time')) {
      return {
        status: 200,
        text: JSON.stringify({ code: 0, msg: 'success', data: { serverTime } }),
      };
    }
    if (url.endsWith('/api/v3/time')) return { status: 200, text: JSON.stringify({ serverTime }) };
    if (url.endsWith('/v5/market/time')) {
      return {
        status: 200,
        text: JSON.stringify({ retCode: 0, retMsg: 'OK', result: {}, time: serverTime }),
      };
    }
    if (url.endsWith('/api/v5/public/time')) {
      return {
        status: 200,
        text: JSON.stringify({ code: '0', data: [{ ts: String(serverTime) }] }),
      };
    }
    return { status: 404, text: '{}' };
  };
  const services: SigningServices = {
    loadHostMap: async () => options.hosts ?? {},
    fetchText,
    now: () => NOW,
  };
  const time = fakeClock(NOW);
  // As the panel's settings link does: rows are detected with the user's host map.
  const session = createTrafficSession({
    clock: time.clock,
    detector: createDetector({ hosts: options.hosts ?? {} }),
  });
  const capture = createCaptureModel({ mode: 'devtools', tabId: 7, access: fakeAccess() });
  const view = render(
    <PanelApp
      session={session}
      capture={capture}
      theme="light"
      services={fakePanelServices(services)}
    />,
  );
  return {
    ...view,
    session,
    exchange,
    flush: () => act(() => session.flushNow()),
    cleanup: () => {
      session.dispose();
      capture.dispose();
      view.unmount();
    },
  };
}

/** Types into an input or textarea of the pane (by data-testid), replacing its value. */
export function typeInto(testId: string, value: string): void {
  fireEvent.input(screen.getByTestId(testId), { target: { value } });
}

export function openSigningTab(): void {
  fireEvent.click(screen.getByTestId('view-signing'));
}

/** The pane's text for a test id once the debounced computation has settled. */
export async function settled(testId: string, state = 'ready'): Promise<HTMLElement> {
  return waitFor(() => {
    const element = screen.getByTestId(testId);
    if (element.dataset.state !== undefined && element.dataset.state !== state) {
      throw new Error(`${testId} is ${element.dataset.state}`);
    }
    return element;
  });
}

/** Text with its stand-ins for invisible characters, as the user reads it. */
export const textOf = (testId: string): string => screen.getByTestId(testId).textContent ?? '';
