// Turns one raw error (a code and a message read from the wire) into a finding: which exchange
// sent it, which catalogue entry explains it best, how sure that is, and the other meanings.
import { type Catalogue, surfacesFor } from '../catalogue/catalogue.ts';
import { placeholdersFrom, similarityScorer } from '../catalogue/match-message.ts';
import type { CatalogueEntry, ExchangeId, Surface } from '../catalogue/types.ts';
import { attributeFinding, type MessageScore } from './attribute-finding.ts';
import type { RawError } from './envelope-fields.ts';
import type { HostExchange } from './hosts.ts';
import type { Finding } from './types.ts';

export interface ResolveContext {
  catalogue: Catalogue;
  /** The exchange the URL's host belongs to, if any, and who says so. */
  host?: HostExchange;
  /** The URL's host, for the finding's reason when no exchange is known for it. */
  hostName?: string;
  httpStatus?: number;
  wasClean?: boolean;
  partial?: boolean;
}

/** Catalogues that explain a code generically when the sender's own catalogue does not. */
const GENERIC_FALLBACK: Partial<Record<Surface, ExchangeId>> = {
  'close-frame': 'rfc6455',
  // The gateway's HTTP status table is the only generic one bundled; its meanings are plain HTTP.
  'http-status': 'gateway',
};

/** The message's score of each entry, computed once; 0 when the message does not match it
 * (under the catalogue's MESSAGE_MATCH_FLOOR). */
function messageScore(message: string | undefined): MessageScore {
  const score = similarityScorer(message);
  const scores = new Map<CatalogueEntry, number>();
  return (entry) => {
    let value = scores.get(entry);
    if (value === undefined) {
      value = score(entry);
      scores.set(entry, value);
    }
    return value;
  };
}

function severityOf(raw: RawError, surface: Surface, wasClean: boolean | undefined) {
  // OKX's notice warns of a close to come; nothing has failed yet.
  if (raw.dialect === 'okx-ws-notice') return 'info';
  if (surface !== 'close-frame') return 'error';
  if (raw.code === '1000') return 'info';
  // 1005: the page closed without a code; only a failure when the close was not clean.
  if (raw.code === '1005' && wasClean !== false) return 'info';
  return 'error';
}

export function resolveFinding(raw: RawError, surface: Surface, context: ResolveContext): Finding {
  const surfaces = surfacesFor(surface);
  const candidates = raw.codeless
    ? []
    : context.catalogue.byCode(raw.code).filter((e) => surfaces.includes(e.surface));
  const score = messageScore(raw.message);
  const decision = attributeFinding({
    raw,
    surface,
    candidates,
    score,
    host: context.host,
    hostName: context.hostName,
    fallback: GENERIC_FALLBACK[surface],
  });
  const { entry } = decision;
  // The chosen exchange's other rows first, then the other exchanges', each best first; the
  // sort is stable, so ties keep catalogue order.
  const own = (e: CatalogueEntry) => Number(e.exchange === entry?.exchange);
  const byScore = raw.message ? score : () => 0;
  const alternatives = candidates
    .filter((e) => e !== entry)
    .sort((a, b) => own(b) - own(a) || byScore(b) - byScore(a));

  const finding: Finding = {
    exchange: decision.exchange ?? 'unknown',
    attribution: decision.attribution,
    confidence: decision.confidence,
    reason: decision.reason,
    dialect: raw.dialect,
    surface,
    code: raw.code,
    alternatives,
    severity: severityOf(raw, surface, context.wasClean),
  };
  if (raw.codeless) finding.codeless = true;
  if (raw.message !== undefined && raw.message !== '') finding.observedMessage = raw.message;
  if (entry) finding.entry = entry;
  const placeholders = entry && placeholdersFrom(entry, raw.message);
  if (placeholders) finding.placeholders = placeholders;
  if (raw.path) finding.path = raw.path;
  const status = raw.status ?? context.httpStatus;
  if (status !== undefined) finding.httpStatus = status;
  if (context.partial) finding.partial = true;
  return finding;
}

/**
 * A generic {"code": 1, "msg": ...} from a host we do not know, answered with 2xx, is as likely
 * an app's own success convention as an error: it is kept only when a catalogue knows the code,
 * the shape names an exchange (OKX's data array), or the code is negative (the Binance-style
 * error range). Known hosts keep everything.
 */
export function plausible(finding: Finding, status: number | undefined): boolean {
  if (finding.attribution === 'host' || finding.entry || finding.alternatives.length > 0) {
    return true;
  }
  const generic =
    finding.dialect === 'binance-rest' ||
    (finding.dialect === 'okx-rest' && finding.attribution !== 'envelope');
  return !generic || Number(finding.code) < 0 || (status !== undefined && status >= 400);
}
