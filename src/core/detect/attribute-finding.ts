// Decides who sent a code and what it means, and how sure that is. The host decides when it is
// known (the user's host map first); else a shape only one exchange writes; else, where several
// exchanges share the shape (the gateway, Binance Spot and USDⓈ-M all write {"code","msg"}),
// the server's own message picks the catalogue and the row. When the message contradicts every
// candidate, nothing is picked: a wrong meaning shown with confidence is worse than none.
import type { CatalogueEntry, ExchangeId, Surface } from '../catalogue/types.ts';
import { exchangeLabel } from '../exchange-names.ts';
import type { RawError } from './envelope-fields.ts';
import type { HostExchange } from './hosts.ts';
import type { Attribution, Confidence, Dialect } from './types.ts';

/** Scores an entry against the server's message: 0 when there is none or it does not match. */
export type MessageScore = (entry: CatalogueEntry) => number;

export interface AttributionInput {
  raw: RawError;
  surface: Surface;
  /** The code's entries on the surfaces it was seen on, in catalogue order. */
  candidates: readonly CatalogueEntry[];
  score: MessageScore;
  host?: HostExchange | undefined;
  /** The URL's host when no exchange is known for it, for the reason's words. */
  hostName?: string | undefined;
  /** The catalogue that explains the surface generically (RFC 6455 for close codes). */
  fallback?: ExchangeId | undefined;
}

export interface AttributionDecision {
  exchange: ExchangeId | undefined;
  attribution: Attribution;
  entry: CatalogueEntry | undefined;
  confidence: Confidence;
  reason: string;
}

/** What an envelope shape says about its sender, for the reason. */
const SHAPE_WORDS: Partial<Record<Dialect, string>> = {
  'okx-ws-event': 'the {"event":"error"} envelope',
  'okx-ws-notice': 'the {"event":"notice"} envelope',
  'okx-rest': 'the {"code":"..","msg":..} envelope',
  'okx-rest-item': 'the per-item sCode/sMsg envelope',
  'woo-rest': 'the {"success":false,"code","message"} envelope',
  'bybit-rest': 'the retCode/retMsg envelope',
  'bybit-rest-item': "the batch reply's retExtInfo.list",
  'bybit-ws-op': 'the {"success":false,"ret_msg","op"} reply',
  'binance-rest': 'a Binance-style {"code","msg"} envelope',
  'binance-ws-api': 'a Binance-style WebSocket API error',
};

function labels(exchanges: readonly ExchangeId[]): string {
  const names = exchanges.map(exchangeLabel);
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

function where(input: AttributionInput): string {
  return input.hostName ? ` on ${input.hostName}` : '';
}

interface Rows {
  /** The row the server's words fit best; the first in catalogue order on a tie. */
  top: CatalogueEntry | undefined;
  count: number;
}

/** One pass over the candidates, no sorting: only the best row and the count are needed. */
function rowsOf(input: AttributionInput, exchange: ExchangeId | undefined): Rows {
  let top: CatalogueEntry | undefined;
  let best = -1;
  let count = 0;
  for (const entry of input.candidates) {
    if (exchange !== undefined && entry.exchange !== exchange) continue;
    count++;
    const score = input.raw.message ? input.score(entry) : 0;
    if (score > best) [top, best] = [entry, score];
  }
  return { top, count };
}

/** The exchange's own rows, else the generic catalogue's (RFC 6455 for a close on OKX). */
function ownOrFallback(input: AttributionInput, exchange: ExchangeId): Rows {
  const own = rowsOf(input, exchange);
  return own.count > 0 || input.fallback === undefined ? own : rowsOf(input, input.fallback);
}

/** What the message says of an entry: "match", "differ", or nothing to compare. */
function wordsOn(input: AttributionInput, entry: CatalogueEntry): 'match' | 'differ' | 'none' {
  if (!input.raw.message) return 'none';
  return input.score(entry) > 0 ? 'match' : 'differ';
}

function decided(
  input: AttributionInput,
  exchange: ExchangeId,
  attribution: 'host' | 'envelope',
  who: string,
): AttributionDecision {
  const rows = ownOrFallback(input, exchange);
  const entry = rows.top;
  const base = { exchange, attribution, entry };
  if (!entry) {
    const confidence = attribution === 'host' ? 'certain' : 'likely';
    const none = input.raw.codeless
      ? "the reply carries no code, only the server's words"
      : `no bundled catalogue explains ${input.raw.code}`;
    return { ...base, confidence, reason: `${who}; ${none}` };
  }
  const words = wordsOn(input, entry);
  if (words === 'match') {
    return { ...base, confidence: 'certain', reason: `${who}; the server's words match the row` };
  }
  // Several documented meanings (Bybit's 10003 is an invalid key in one table, too many
  // sessions in another) and words that fit none: picking one would be a guess.
  if (rows.count > 1) {
    const said = words === 'none' ? 'no message tells which' : "the server's words match none";
    return {
      exchange,
      attribution,
      entry: undefined,
      confidence: 'unsure',
      reason: `${who}; it documents ${rows.count} meanings of ${input.raw.code} and ${said}`,
    };
  }
  if (words === 'differ') {
    return {
      ...base,
      confidence: 'likely',
      reason: `${who}; the server's words differ from the row, which is shown all the same`,
    };
  }
  return { ...base, confidence: attribution === 'host' ? 'certain' : 'likely', reason: who };
}

function byHost(input: AttributionInput, host: HostExchange): AttributionDecision {
  const label = exchangeLabel(host.exchange);
  const who =
    host.from === 'user'
      ? `your host map sends ${host.host} to ${label}`
      : `the host ${host.host} is ${label}'s`;
  return decided(input, host.exchange, 'host', who);
}

function byShape(input: AttributionInput, exchange: ExchangeId): AttributionDecision {
  const shape = SHAPE_WORDS[input.raw.dialect] ?? 'the envelope';
  return decided(input, exchange, 'envelope', `${shape} is ${exchangeLabel(exchange)}'s`);
}

const UNSURE = { exchange: undefined, entry: undefined, confidence: 'unsure' } as const;

/** Several exchanges write the shape: the best-matching row of any of them decides. */
function byMessage(input: AttributionInput, family: readonly ExchangeId[]): AttributionDecision {
  const { code } = input.raw;
  const shape = `${SHAPE_WORDS[input.raw.dialect] ?? 'the envelope'}${where(input)}`;
  const known = family
    .map((exchange) => ({ exchange, top: rowsOf(input, exchange).top }))
    .filter((c): c is { exchange: ExchangeId; top: CatalogueEntry } => c.top !== undefined);
  // None of them knows the code: a row of another exchange may still fit the words (OKX's
  // {"code":50113,"msg":"Invalid Sign"}), else no one can tell.
  if (known.length === 0) return byGuess(input, shape);
  let best: (typeof known)[number] | undefined;
  let bestScore = 0;
  for (const candidate of known) {
    const score = input.raw.message ? input.score(candidate.top) : 0;
    if (score > bestScore) [best, bestScore] = [candidate, score];
  }
  const names = known.map((c) => c.exchange);
  if (best) {
    const label = exchangeLabel(best.exchange);
    const others = names.filter((e) => e !== best?.exchange);
    const tied = known.filter((c) => c !== best && input.score(c.top) === bestScore);
    const rest =
      tied.length > 0
        ? `; ${labels(tied.map((c) => c.exchange))} fit as well`
        : others.length > 0
          ? `; ${labels(others)} ${others.length === 1 ? 'uses' : 'use'} ${code} too`
          : '';
    return {
      exchange: best.exchange,
      attribution: 'message',
      entry: best.top,
      confidence: 'likely',
      reason: `${shape}: the server's words match ${label}'s row${rest}`,
    };
  }
  if (!input.raw.message && known.length === 1) {
    const only = known[0] as (typeof known)[number];
    return {
      exchange: only.exchange,
      attribution: 'guess',
      entry: only.top,
      confidence: 'likely',
      reason: `${shape}: only ${exchangeLabel(only.exchange)}'s catalogue has ${code}`,
    };
  }
  const why = input.raw.message
    ? `the server's words match no row for ${code} of ${labels(names)}`
    : `no message tells ${labels(names)} apart`;
  return { ...UNSURE, attribution: 'guess', reason: `${shape}: ${why}` };
}

/** No host and no shape tells: a row whose words match decides; without words, a code only one
 * catalogue knows; else nothing. */
function byGuess(input: AttributionInput, shape: string): AttributionDecision {
  const { code } = input.raw;
  const { top } = rowsOf(input, undefined);
  if (!top) {
    return { ...UNSURE, attribution: 'guess', reason: `${shape}: no catalogue knows ${code}` };
  }
  if (input.raw.message && input.score(top) > 0) {
    return {
      exchange: top.exchange,
      attribution: 'message',
      entry: top,
      confidence: 'likely',
      reason: `${shape}: the server's words match ${exchangeLabel(top.exchange)}'s row for ${code}`,
    };
  }
  const exchanges = [...new Set(input.candidates.map((e) => e.exchange))];
  if (!input.raw.message && exchanges.length === 1) {
    return {
      exchange: top.exchange,
      attribution: 'guess',
      entry: top,
      confidence: 'likely',
      reason: `${shape}: only ${exchangeLabel(top.exchange)}'s catalogue has ${code}`,
    };
  }
  const why = input.raw.message
    ? `the server's words match no row for ${code} of ${labels(exchanges)}`
    : `no message tells ${labels(exchanges)} apart`;
  return { ...UNSURE, attribution: 'guess', reason: `${shape}: ${why}` };
}

/** A close or an HTTP status on an unknown host: the generic catalogue's meaning (RFC 6455,
 * plain HTTP) when it has the code; an exchange's private close code only when the reason fits. */
function generic(input: AttributionInput): AttributionDecision {
  const entry = input.fallback === undefined ? undefined : rowsOf(input, input.fallback).top;
  if (input.surface === 'http-status') {
    const reason = `an HTTP status${where(input)}: no host names the exchange; its meaning is plain HTTP`;
    return { exchange: undefined, attribution: 'guess', entry, confidence: 'likely', reason };
  }
  if (entry) {
    const reason = `close code ${input.raw.code} is defined by ${exchangeLabel(entry.exchange)}`;
    return {
      exchange: entry.exchange,
      attribution: 'envelope',
      entry,
      confidence: 'certain',
      reason,
    };
  }
  return byGuess(input, `a close code${where(input)}`);
}

export function attributeFinding(input: AttributionInput): AttributionDecision {
  if (input.host) return byHost(input, input.host);
  const shape = input.raw.shapeExchanges;
  if (shape && shape.length === 1) return byShape(input, shape[0] as ExchangeId);
  if (shape && shape.length > 1) return byMessage(input, shape);
  if (input.surface === 'close-frame' || input.surface === 'http-status') return generic(input);
  return byGuess(input, `${SHAPE_WORDS[input.raw.dialect] ?? 'the envelope'}${where(input)}`);
}
