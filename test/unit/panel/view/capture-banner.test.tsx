import { act, fireEvent, screen } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { T0 } from '../support/frames.ts';
import { fakeAccess, renderPanel } from '../support/render-panel.tsx';

let panel: ReturnType<typeof renderPanel> | undefined;
afterEach(() => panel?.cleanup());

const banner = () => screen.getByTestId('capture-status');

async function settle(): Promise<void> {
  await act(async () => {
    await Promise.resolve();
    await Promise.resolve();
  });
}

describe('capture status', () => {
  it('says capture is active when the hub lists a wrapped document', () => {
    panel = renderPanel();
    act(() =>
      panel?.capture.setStatus({
        v: 1,
        type: 'capture-status',
        documents: [{ frameId: 0, url: 'http://localhost:5173/', timeOrigin: T0 }],
      }),
    );
    expect(banner().dataset.state).toBe('active');
    expect(banner().textContent).toContain('WebSocket capture is active on this page');
  });

  it('enables a site with one click, asking inside the click, then offers a reload', async () => {
    let reloads = 0;
    const access = fakeAccess({ grant: true });
    panel = renderPanel({ access, reload: () => reloads++ });
    act(() => {
      panel?.capture.setInspectedUrl('https://app.example.com/trade');
      panel?.capture.setStatus({ v: 1, type: 'capture-status', documents: [] });
    });
    await settle();
    const button = screen.getByTestId('enable-capture');
    expect(button.textContent).toBe('Enable WebSocket capture on https://app.example.com');
    fireEvent.click(button);
    // Asked synchronously, within the user's gesture.
    expect(access.requested).toEqual(['https://app.example.com/trade']);
    await settle();
    expect(banner().dataset.state).toBe('reload');
    expect(banner().textContent).toContain('Capture starts on the next reload');
    fireEvent.click(screen.getByTestId('reload-page'));
    expect(reloads).toBe(1);
  });

  it('says so when access was not granted', async () => {
    panel = renderPanel({ access: fakeAccess({ grant: false }) });
    act(() => {
      panel?.capture.setInspectedUrl('https://app.example.com/');
      panel?.capture.setStatus({ v: 1, type: 'capture-status', documents: [] });
    });
    await settle();
    fireEvent.click(screen.getByTestId('enable-capture'));
    await settle();
    expect(banner().dataset.state).toBe('enable');
    expect(banner().textContent).toContain('Access was not granted.');
  });

  it('opens the options page where DevTools cannot ask (Firefox)', async () => {
    const access = fakeAccess({ canRequest: false });
    panel = renderPanel({ access });
    act(() => {
      panel?.capture.setInspectedUrl('https://app.example.com/');
      panel?.capture.setStatus({ v: 1, type: 'capture-status', documents: [] });
    });
    await settle();
    expect(banner().textContent).toContain('the options page opens');
    fireEvent.click(screen.getByTestId('enable-capture'));
    await settle();
    expect(access.optionsOpened).toBe(1);
    expect(banner().dataset.state).toBe('options');
    expect(banner().textContent).toContain(
      'Grant access to https://app.example.com on the options page',
    );
  });

  it('asks only for a reload on a default site', async () => {
    panel = renderPanel({ access: fakeAccess({ covers: true }) });
    act(() => {
      panel?.capture.setInspectedUrl('http://localhost:5173/');
      panel?.capture.setStatus({ v: 1, type: 'capture-status', documents: [] });
    });
    await settle();
    expect(banner().dataset.state).toBe('reload');
    expect(screen.queryByTestId('enable-capture')).toBeNull();
  });

  it('outside DevTools, takes the URL from the hub and says HTTP is not captured', async () => {
    panel = renderPanel({ mode: 'tab' });
    act(() =>
      panel?.capture.setStatus({
        v: 1,
        type: 'capture-status',
        documents: [{ frameId: 0, url: 'http://127.0.0.1:8080/', timeOrigin: T0 }],
      }),
    );
    expect(banner().dataset.state).toBe('active');
    expect(screen.getByTestId('mode-note').textContent).toContain('tab 7 only, no HTTP');
    // A new document in the tab drops the older rows here too: preserve log is offered.
    expect(screen.getByTestId('preserve-log')).toBeDefined();
  });
});
