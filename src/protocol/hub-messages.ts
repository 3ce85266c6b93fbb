// Messages on the runtime ports: relay <-> hub and panel <-> hub. The hub names the sender by
// the port's sender.tab.id / sender.frameId, never by anything inside a message.
import { type CapturedFrame, hasFrameBatchFields, isDocId } from './captured-frame.ts';
import { PROTOCOL_VERSION } from './version.ts';

interface Envelope {
  v: typeof PROTOCOL_VERSION;
}

/**
 * What the relay knows of its page's wrapper: `capturing` (linked and WebSocket wrapped),
 * `not-wrapped` (linked, but the page's WebSocket could not be wrapped), `unlinked` (no
 * wrapper answered: it did not run, or it stopped answering).
 */
export type WrapperLink = 'capturing' | 'not-wrapped' | 'unlinked';

const WRAPPER_LINKS: ReadonlySet<unknown> = new Set(['capturing', 'not-wrapped', 'unlinked']);

// relay -> hub
/** Sent on connect, and again whenever the wrapper's state changes. */
export interface RelayHello extends Envelope {
  type: 'relay-hello';
  /** The document's URL, for the panel's capture status. */
  url: string;
  /**
   * The document's performance.timeOrigin (epoch ms), read by the relay in its isolated world,
   * where no getter the page defined can answer or notice. The panel tells a new document from
   * a same-document navigation by it, and drops the rows older than it.
   */
  timeOrigin: number;
  wrapper: WrapperLink;
}
export interface RelayFrames extends Envelope {
  type: 'frames';
  /** Random id of the document, chosen by the relay (never by the page). */
  doc: string;
  frames: CapturedFrame[];
  replay: boolean;
  dropped: number;
}
export type RelayToHub = RelayHello | RelayFrames;

// hub -> relay
export interface HubToRelay extends Envelope {
  type: 'live';
  live: boolean;
  replay: boolean;
}

/**
 * hub -> relay by tabs.sendMessage (not on a port): a panel connected after the hub restarted;
 * relays that stayed disconnected connect again and say hello. Sent as `{ type: 'reconnect' }`;
 * a `v`, when present, must match. Harmless if forged: a relay that is connected ignores it.
 */
export interface HubReconnect {
  v?: typeof PROTOCOL_VERSION;
  type: 'reconnect';
}

// panel -> hub
export interface PanelHello extends Envelope {
  type: 'panel-hello';
  tabId: number;
}
export type PanelToHub = PanelHello;

// hub -> panel
export interface TabFrames extends Envelope {
  type: 'frames';
  /** The sender's frame, as the browser named it to the hub. */
  frameId: number;
  /** The sender's document: Chromium's sender.documentId, else the relay's random id. */
  doc: string;
  frames: CapturedFrame[];
  replay: boolean;
  dropped: number;
}
/** A document of the inspected tab whose relay said hello: its frame, URL and time origin. */
export interface CaptureDocument {
  frameId: number;
  url: string;
  timeOrigin: number;
  /** False when its relay reached no wrapper that captures (RelayHello.wrapper is not
   * `capturing`): the document is there, its sockets are not captured. The hub always says. */
  capturing?: boolean;
}
/** The documents of the inspected tab whose relay said hello, sent on every change. */
export interface CaptureStatus extends Envelope {
  type: 'capture-status';
  documents: CaptureDocument[];
}
export type HubToPanel = TabFrames | CaptureStatus;

// Typed constructors: every hop builds its messages here, so a sender cannot drift from the
// declared shapes above.
type Batch = Pick<RelayFrames, 'doc' | 'frames' | 'replay' | 'dropped'>;

export function relayHello(url: string, timeOrigin: number, wrapper: WrapperLink): RelayHello {
  return { v: PROTOCOL_VERSION, type: 'relay-hello', url, timeOrigin, wrapper };
}

export function relayFrames({ doc, frames, replay, dropped }: Batch): RelayFrames {
  return { v: PROTOCOL_VERSION, type: 'frames', doc, frames, replay, dropped };
}

export function liveSwitch(live: boolean, replay: boolean): HubToRelay {
  return { v: PROTOCOL_VERSION, type: 'live', live, replay };
}

export function hubReconnect(): HubReconnect {
  return { v: PROTOCOL_VERSION, type: 'reconnect' };
}

export function panelHello(tabId: number): PanelHello {
  return { v: PROTOCOL_VERSION, type: 'panel-hello', tabId };
}

export function tabFrames(frameId: number, { doc, frames, replay, dropped }: Batch): TabFrames {
  return { v: PROTOCOL_VERSION, type: 'frames', frameId, doc, frames, replay, dropped };
}

export function captureStatus(documents: CaptureStatus['documents']): CaptureStatus {
  return { v: PROTOCOL_VERSION, type: 'capture-status', documents };
}

/** Epoch milliseconds after 2000 and finite: what a document's time origin can be. */
function isTimeOrigin(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 946_684_800_000;
}

function base(value: unknown, type: string): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  return m.v === PROTOCOL_VERSION && m.type === type;
}

export function isRelayToHub(value: unknown): value is RelayToHub {
  if (base(value, 'relay-hello')) {
    return (
      typeof value.url === 'string' &&
      isTimeOrigin(value.timeOrigin) &&
      WRAPPER_LINKS.has(value.wrapper)
    );
  }
  return base(value, 'frames') && isDocId(value.doc) && hasFrameBatchFields(value);
}

export function isHubToRelay(value: unknown): value is HubToRelay {
  return (
    base(value, 'live') && typeof value.live === 'boolean' && typeof value.replay === 'boolean'
  );
}

export function isHubReconnect(value: unknown): value is HubReconnect {
  if (typeof value !== 'object' || value === null) return false;
  const m = value as Record<string, unknown>;
  return m.type === 'reconnect' && (m.v === undefined || m.v === PROTOCOL_VERSION);
}

export function isPanelToHub(value: unknown): value is PanelToHub {
  return base(value, 'panel-hello') && Number.isSafeInteger(value.tabId);
}

export function isHubToPanel(value: unknown): value is HubToPanel {
  if (base(value, 'frames'))
    return Number.isSafeInteger(value.frameId) && isDocId(value.doc) && hasFrameBatchFields(value);
  return (
    base(value, 'capture-status') &&
    Array.isArray(value.documents) &&
    value.documents.every(
      (d: unknown) =>
        typeof d === 'object' &&
        d !== null &&
        Number.isSafeInteger((d as Record<string, unknown>).frameId) &&
        typeof (d as Record<string, unknown>).url === 'string' &&
        isTimeOrigin((d as Record<string, unknown>).timeOrigin) &&
        ['boolean', 'undefined'].includes(typeof (d as Record<string, unknown>).capturing),
    )
  );
}
