// Pure types of the bundled catalogues; shared by the generator, the detector, the CLI and the UI.

/** The exchanges with a bundled catalogue, in the order explanations list them. */
export const EXCHANGE_IDS = [
  'gateway',
  'okx',
  'woo',
  'binance',
  'binance-usdm',
  'bybit',
  'rfc6455',
] as const;
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

/** check-first: the request may have been executed (a timeout with "execution status
 * unknown"): look the order up before sending it again, never retry blindly. */
export const RETRY_KINDS = [
  'do-not-retry',
  'backoff',
  'after-fix',
  'reconnect',
  'wait',
  'check-first',
] as const;
export type RetryKind = (typeof RETRY_KINDS)[number];

export interface RetryAdvice {
  kind: RetryKind;
  /** Delay before retrying, where the source gives one. */
  delayMs?: number;
  /** Who said so: the exchange's document or exchange-lens. */
  source: 'exchange' | 'exchange-lens';
  /** How to retry, in the words of `source`: the exchange's own where it gives any; ours
   * where we say more, e.g. why we differ from CCXT's error class for the code. */
  note?: string;
}

/** The languages a catalogue's messages come in (OKX and Binance Spot document Chinese too). */
export type Lang = 'en' | 'zh';

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
  /** The message the server sends: the first (main) documented variant. */
  messages: Messages;
  /** Every documented message variant, `messages` first; absent when there is only one.
   * Matching considers each of them, in both languages. */
  variants?: Messages[];
  description: string;
  /** The description in the source's Chinese edition, where it has one. */
  descriptionZh?: string;
  /** The source marks the code as no longer used (Bybit's struck-through rows). */
  deprecated?: boolean;
  fix: string;
  /** "exchange" when the fix is the source's own words, "exchange-lens" when we wrote it. */
  fixSource: 'exchange' | 'exchange-lens';
  category: Category;
  retry: RetryAdvice;
  /** Placeholder names found in the messages, in order of appearance: "0", "instId" for
   * "{0}", "{instId}"; "%1", "%2" for the first and second "%s" (see placeholders.ts). */
  placeholders?: string[];
  /** Extra steps the source gives (the gateway's "Fixing Signature Errors"). */
  steps?: string[];
  /** Repository path of the document the entry comes from. */
  source: string;
  /** Where the entry comes from when it is not bundled (a user's custom catalogue). */
  origin?: 'bundled' | 'custom';
}
