// The slice of runtime.Port every hop uses (relay -> hub, panel -> hub), declared once so the
// relay, the hub and the panel run under Node with the same fake ports. `Out` types what this
// side may post; what arrives is `unknown` until the protocol's guards say otherwise.

export interface PortSender {
  id?: string;
  url?: string;
  frameId?: number;
  /** Chromium's per-document id (stable across reconnects of the same document). */
  documentId?: string;
  tab?: { id?: number };
}

export interface Port<Out = unknown> {
  readonly name: string;
  readonly sender?: PortSender;
  postMessage(message: Out): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}
