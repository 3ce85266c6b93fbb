// Pure types of the bundled catalogues; shared by the generator, the detector, the CLI and the UI.

/** The exchanges with a bundled catalogue, in the order explanations list them. */
export const EXCHANGE_IDS = ['gateway', 'okx', 'woo', 'rfc6455'] as const;
export type BundledExchangeId = (typeof EXCHANGE_IDS)[number];
/** A bundled exchange or one a user's custom catalogue introduces ("binance", "my-broker").
 * `string & {}` keeps editors suggesting the bundled ids while accepting any other. */
export type ExchangeId = BundledExchangeId | (string & {});

export function isBundledExchange(id: string): id is BundledExchangeId {
  return (EXCHANGE_IDS as readonly string[]).includes(id);
}

/** Where a code appears on the wire. */
export const SURFACES = ['rest', 'ws-message', 'close-frame', 'http-status'] as const;
export type Surface = (typeof SURFACES)[number];

export const CATEGORIES = [
  'authentication',
  'signature',
  'timestamp',
  'rate-limit',
  'parameter',
  'order',
  'position',
  'margin',
  'connection',
  'subscription',
  'server',
  'permission',
  'liquidation',
  'not-found',
  'account',
  'success',
] as const;
export type Category = (typeof CATEGORIES)[number];

export const RETRY_KINDS = ['do-not-retry', 'backoff', 'after-fix', 'reconnect', 'wait'] as const;
export type RetryKind = (typeof RETRY_KINDS)[number];

export interface RetryAdvice {
  kind: RetryKind;
  /** Delay before retrying, where the source gives one. */
  delayMs?: number;
  /** Who said so: the exchange's document or exchange-lens. */
  source: 'exchange' | 'exchange-lens';
  /** The source's own words on how to retry, where it gives any. */
  note?: string;
}

export interface Messages {
  en: string;
  zh?: string;
}

export interface CatalogueEntry {
  /** Stable, unique: exchange:surface:code, plus #row for codes with several rows. */
  id: string;
  exchange: ExchangeId;
  /** The code exactly as the exchange writes it: "-1021", "60004", "4004", "429". */
  code: string;
  surface: Surface;
  /** Symbolic name where the source gives one (WOO's INVALID_SIGNATURE, RFC names). */
  name?: string;
  httpStatus?: number;
  /** The source's section, e.g. "Signature Errors (12xx)". */
  group?: string;
  messages: Messages;
  description: string;
  fix: string;
  /** "exchange" when the fix is the source's own words, "exchange-lens" when we wrote it. */
  fixSource: 'exchange' | 'exchange-lens';
  category: Category;
  retry: RetryAdvice;
  /** Placeholder names found in the messages ({0}, {instId} ...), in order of appearance. */
  placeholders?: string[];
  /** Extra steps the source gives (the gateway's "Fixing Signature Errors"). */
  steps?: string[];
  /** Repository path of the document the entry comes from. */
  source: string;
  /** Where the entry comes from when it is not bundled (a user's custom catalogue). */
  origin?: 'bundled' | 'custom';
}
