// Pure types of the detection core: what it is given (one observed event) and what it returns.
import type { CatalogueEntry, ExchangeId, Surface } from '../catalogue/types.ts';

export interface HttpEvent {
  type: 'http';
  url: string;
  status: number;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface WsMessageEvent {
  type: 'ws';
  url: string;
  direction: 'send' | 'receive';
  /** Text frames as strings, binary frames as bytes. */
  data: string | Uint8Array | ArrayBuffer;
}

export interface WsCloseEvent {
  type: 'close';
  url: string;
  code: number;
  reason?: string;
  wasClean?: boolean;
}

export type ObservedEvent = HttpEvent | WsMessageEvent | WsCloseEvent;

/** How the exchange of a finding was decided. */
export type Attribution = 'host' | 'envelope' | 'guess';

/** Which envelope shape the finding was read from. */
export type Dialect =
  | 'gateway-rest'
  | 'okx-ws-event'
  | 'okx-rest'
  | 'okx-rest-item'
  | 'woo-rest'
  | 'binance-ws-api'
  | 'close-frame'
  | 'http-status';

export interface Finding {
  /** The exchange the code was attributed to; 'unknown' when no host or shape tells. */
  exchange: ExchangeId | 'unknown';
  attribution: Attribution;
  dialect: Dialect;
  surface: Surface;
  /** The code as observed, as a string ("-1021", "60012", "4004", "429"). */
  code: string;
  /** The message the server sent (msg, message, sMsg, close reason), capped in length. */
  observedMessage?: string;
  /** The best catalogue entry; undefined when no catalogue knows this code. */
  entry?: CatalogueEntry;
  /** Other entries the code could mean (other exchanges, other rows), best first. */
  alternatives: CatalogueEntry[];
  /** Placeholder values filled from the observed message, e.g. { "0": "instId" }. */
  placeholders?: Record<string, string>;
  /** 'info' for outcomes that are not failures (a normal close). */
  severity: 'error' | 'info';
  /** JSON path of an item-level error inside the payload, e.g. "data[1]". */
  path?: string;
  /** HTTP status of the response the finding came from. */
  httpStatus?: number;
  /** True when the payload was not valid JSON and the code was recovered from its text. */
  partial?: boolean;
}
