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

/** How the exchange of a finding was decided: by the URL's host (bundled or the user's host
 * map), by an envelope shape only one exchange writes, by the server's message where several
 * share the shape, or guessed from which catalogue knows the code. */
export type Attribution = 'host' | 'envelope' | 'message' | 'guess';

/** How sure the finding is of its exchange and meaning. certain: two signals agree (the host or
 * a shape of one exchange, and the server's words); likely: one signal decides; unsure: nothing
 * decides, or the server's words contradict every candidate, so no meaning is given. */
export type Confidence = 'certain' | 'likely' | 'unsure';

/** Which envelope shape the finding was read from. */
export type Dialect =
  /** {"code":-1121,"msg":".."}: Binance Spot and USDⓈ-M, and the gateway that copies them. */
  | 'binance-rest'
  /** {"id":..,"status":400,"error":{"code":..,"msg":..}}: Binance's WebSocket API. */
  | 'binance-ws-api'
  | 'okx-ws-event'
  /** {"event":"notice","code":"64008",..}: OKX warns before it closes a connection. */
  | 'okx-ws-notice'
  | 'okx-rest'
  | 'okx-rest-item'
  | 'woo-rest'
  /** {"retCode":10001,"retMsg":..} (v5 REST and WebSocket order entry) or the legacy
   * {"ret_code":..,"ret_msg":..}. */
  | 'bybit-rest'
  /** One failed order of a Bybit batch: retExtInfo.list[i] = {"code":..,"msg":..}. */
  | 'bybit-rest-item'
  /** {"success":false,"ret_msg":..,"op":"auth"}: a failed WebSocket op. Bybit sends no code:
   * the finding's code is the op ("auth", "subscribe"), and no catalogue explains it. */
  | 'bybit-ws-op'
  | 'close-frame'
  | 'http-status';

export interface Finding {
  /** The exchange the code was attributed to; 'unknown' when no host or shape tells. */
  exchange: ExchangeId | 'unknown';
  attribution: Attribution;
  /** How sure the exchange and the entry are; 'unsure' findings carry no entry. */
  confidence: Confidence;
  /** Why, in one line: "the host fapi.binance.com is Binance USDⓈ-M's; the server's words
   * match its row". */
  reason: string;
  dialect: Dialect;
  surface: Surface;
  /** The code as observed, as a string ("-1021", "60012", "4004", "429"); for a failed Bybit
   * WebSocket op, which carries none, the op ("auth"). */
  code: string;
  /** The message the server sent (msg, message, sMsg, close reason), capped in length. */
  observedMessage?: string;
  /** The best catalogue entry; undefined when no catalogue knows this code. */
  entry?: CatalogueEntry;
  /** Other entries the code could mean (other exchanges, other rows), best first; for an
   * 'unsure' finding, every candidate. */
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
  /** The reply carried no code (a failed Bybit WebSocket op): `code` holds the op. */
  codeless?: true;
}
