// Panel glue (extension page) -> hub (background): the runtime port that brings the inspected
// tab's WebSocket frames and capture status. The browser stops the background whenever it likes
// (Chromium after ~30 s idle): on every disconnect the panel reconnects at once, then with a
// short backoff, and says hello again; the hub replays history and the session drops repeats.
import {
  type HubToPanel,
  isHubToPanel,
  type PanelToHub,
  type Port,
  panelHello,
} from '../../protocol/index.ts';

type HubPort = Omit<Port<PanelToHub>, 'name' | 'sender'>;

export type HubState = 'connecting' | 'connected' | 'reconnecting';

export interface HubConnectionOptions {
  connect(): HubPort;
  tabId: number;
  onMessage(message: HubToPanel): void;
  onState?(state: HubState): void;
  /** Delays before each reconnect attempt in a row; the last one repeats. */
  backoffMs?: readonly number[];
  /** A port that stays up this long resets the backoff. */
  stableMs?: number;
  /**
   * The hub answers every hello with the capture status; a port silent this long after hello
   * reached no live hub (a worker stopped while it connected) and is replaced.
   */
  answerTimeoutMs?: number;
  timers?: {
    setTimeout(run: () => void, ms: number): unknown;
    clearTimeout(handle: unknown): void;
  };
}

export interface HubConnection {
  close(): void;
}

const BACKOFF_MS = [0, 100, 250, 500, 1_000, 2_000];

export function connectHub(options: HubConnectionOptions): HubConnection {
  const backoff = options.backoffMs ?? BACKOFF_MS;
  const timers = options.timers ?? {
    setTimeout: (run: () => void, ms: number) => globalThis.setTimeout(run, ms),
    clearTimeout: (handle: unknown) =>
      globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
  };
  let port: HubPort | undefined;
  let attempt = 0;
  let retry: unknown;
  let stable: unknown;
  let unanswered: unknown;
  let closed = false;

  function clearTimers(): void {
    if (stable !== undefined) timers.clearTimeout(stable);
    if (unanswered !== undefined) timers.clearTimeout(unanswered);
    stable = undefined;
    unanswered = undefined;
  }

  function reconnectLater(): void {
    port = undefined;
    clearTimers();
    if (closed) return;
    options.onState?.('reconnecting');
    const delay = backoff[Math.min(attempt, backoff.length - 1)] ?? 0;
    attempt++;
    retry = timers.setTimeout(open, delay);
  }

  function open(): void {
    retry = undefined;
    if (closed) return;
    let opened: HubPort;
    try {
      opened = options.connect();
    } catch {
      // The extension context is gone (reloaded or updated): keep trying at the slowest pace.
      reconnectLater();
      return;
    }
    port = opened;
    opened.onMessage.addListener((message) => {
      if (opened !== port || !isHubToPanel(message)) return;
      if (unanswered !== undefined) timers.clearTimeout(unanswered);
      unanswered = undefined;
      attempt = 0;
      options.onMessage(message);
    });
    opened.onDisconnect.addListener(() => {
      if (opened === port) reconnectLater();
    });
    try {
      opened.postMessage(panelHello(options.tabId));
    } catch {
      reconnectLater();
      return;
    }
    options.onState?.('connected');
    stable = timers.setTimeout(() => {
      attempt = 0;
    }, options.stableMs ?? 5_000);
    unanswered = timers.setTimeout(() => {
      if (opened !== port) return;
      opened.disconnect();
      reconnectLater();
    }, options.answerTimeoutMs ?? 3_000);
  }

  options.onState?.('connecting');
  open();
  return {
    close() {
      closed = true;
      if (retry !== undefined) timers.clearTimeout(retry);
      clearTimers();
      const current = port;
      port = undefined;
      current?.disconnect();
    },
  };
}
