// The slice of runtime.Port the hub uses, so its routing runs under Node with fake ports.
export interface PortSender {
  id?: string;
  url?: string;
  frameId?: number;
  /** Chromium 106+: the sending document's id, stable for its lifetime. */
  documentId?: string;
  tab?: { id?: number };
}

export interface PortLike {
  readonly name: string;
  readonly sender?: PortSender;
  postMessage(message: unknown): void;
  disconnect(): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}
