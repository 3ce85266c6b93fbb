// The JSON items of `--json` output: `explain` prints {"matches": MatchJson[]}, `scan` prints
// {"findings": FindingJson[]}. Declared once here because scripts and CI parse them; the
// human output is rendered from the same items, so both always say the same thing.
import type {
  Attribution,
  Category,
  Confidence,
  Dialect,
  ExchangeId,
  RetryKind,
  Surface,
} from '../core/index.ts';

export interface RetryJson {
  /** "unknown" when no catalogue knows the code. */
  kind: RetryKind | 'unknown';
  delayMs?: number;
  /** describeRetry's wording, e.g. "retry with backoff (1 s)". */
  text: string;
  /** The source's own words on how to retry, where it gives any. */
  note?: string;
}

export interface AlternativeJson {
  exchange: ExchangeId;
  code: string;
  message: string;
}

/** What a code means and what to do: the part shared by explain matches and scan findings. */
export interface ExplanationJson {
  exchange: ExchangeId | 'unknown';
  code: string;
  /** The catalogue message in the requested language, as the server most likely sent it: the
   * documented variant closest to its words, placeholders filled; the observed one for unknown
   * codes. */
  message: string;
  /** The documented text behind `message`, when the variant or its filled placeholders differ. */
  documentedMessage?: string;
  description: string;
  fix: string;
  category: Category | 'unknown';
  retry: RetryJson;
  surface: Surface;
  /** Symbolic name where the source gives one (WOO's INVALID_SIGNATURE). */
  name?: string;
  /** explain: the status the source documents; scan: the status that was observed. */
  httpStatus?: number;
  fixSource: 'exchange' | 'exchange-lens';
  /** Repository path of the document the entry comes from; null for unknown codes. */
  source: string | null;
  /** The catalogue entry's id; null for unknown codes. */
  entryId: string | null;
  /** Extra steps the source gives, where it gives any. */
  steps?: string[];
  /** Placeholder values filled from the observed message, e.g. {"0": "instId"}; {} if none. */
  placeholders: Record<string, string>;
  /** Other entries the code could mean, best first. */
  alternatives: AlternativeJson[];
}

export interface MatchJson extends ExplanationJson {
  exchange: ExchangeId;
  category: Category;
  /** Similarity of --message to this entry, 0 without --message or below the match floor. */
  score: number;
  /** With --message: whether it matches one of this entry's documented messages. */
  messageMatched?: boolean;
}

export interface FindingJson extends ExplanationJson {
  /** The input as named on the command line ("-" or --stdin-name for standard input). */
  file: string;
  /** What the input is: a HAR document or JSON Lines. */
  capture: 'har' | 'jsonl';
  /** 0-based: the HAR entry index, or the JSONL line index among all lines. */
  index: number;
  /** 1-based line in the file: the JSONL line, or the line where the HAR entry starts. */
  line: number;
  /** 0-based index of the frame within the HAR entry's _webSocketMessages. */
  frame?: number;
  eventType: 'http' | 'ws' | 'close';
  url: string;
  method?: string;
  /** WebSocket frames: who sent the frame. */
  direction?: 'send' | 'receive';
  /** Close events: whether the close was clean, when the capture says. */
  wasClean?: boolean;
  attribution: Attribution;
  /** How sure the exchange and the meaning are; 'unsure' items carry no catalogue meaning
   * (known is false) and list the candidates as alternatives. */
  confidence: Confidence;
  /** Why, in one line: "the host fapi.binance.com is Binance USDⓈ-M's; ...". */
  reason: string;
  dialect: Dialect;
  observedMessage?: string;
  severity: 'error' | 'info';
  /** False when no bundled catalogue knows the code. */
  known: boolean;
  /** The exchange whose catalogue explains the code (rfc6455 for a close sent by okx). */
  catalogue: ExchangeId | null;
  /** JSON path of an item-level error inside the payload, e.g. "data[1]". */
  path?: string;
  /** True when the payload was not valid JSON and the code was recovered from its text. */
  partial?: boolean;
  /** The reply carried no code (a failed Bybit op): `code` is the op. */
  codeless?: true;
  /** A compressed binary frame's format ("gzip", "deflate", "deflate-raw"): it was inflated. */
  compression?: 'gzip' | 'deflate' | 'deflate-raw';
}
