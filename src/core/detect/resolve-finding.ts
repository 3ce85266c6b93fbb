// Turns one raw error (a code and a message read from the wire) into a finding: which exchange
// sent it, which catalogue entry explains it best, and which other entries it could mean.
import { type Catalogue, surfacesFor } from '../catalogue/catalogue.ts';
import { placeholdersFrom, similarityScorer } from '../catalogue/match-message.ts';
import type { CatalogueEntry, ExchangeId, Surface } from '../catalogue/types.ts';
import type { RawError } from './read-envelopes.ts';
import type { Attribution, Finding } from './types.ts';

export interface ResolveContext {
  catalogue: Catalogue;
  /** The exchange the URL's host belongs to, if any. */
  hostExchange?: ExchangeId;
  httpStatus?: number;
  wasClean?: boolean;
  partial?: boolean;
}

/** Catalogues that explain a code generically when the sender's own catalogue does not. */
const GENERIC_FALLBACK: Partial<Record<Surface, ExchangeId>> = {
  'close-frame': 'rfc6455',
  // The gateway's HTTP status table is the only one bundled; its meanings are plain HTTP.
  'http-status': 'gateway',
};

/** Orders entries by how well they match the observed message; ties keep catalogue order. */
function ranker(message: string | undefined): (entries: CatalogueEntry[]) => CatalogueEntry[] {
  const score = similarityScorer(message);
  const scores = new Map<CatalogueEntry, number>();
  const scoreOf = (entry: CatalogueEntry) => {
    let value = scores.get(entry);
    if (value === undefined) {
      value = score(entry);
      scores.set(entry, value);
    }
    return value;
  };
  return (entries) => {
    if (!message || entries.length < 2) return entries;
    const order = new Map(entries.map((entry, i) => [entry, i]));
    return [...entries].sort(
      (a, b) => scoreOf(b) - scoreOf(a) || (order.get(a) ?? 0) - (order.get(b) ?? 0),
    );
  };
}

function severityOf(
  surface: Surface,
  code: string,
  wasClean: boolean | undefined,
): Finding['severity'] {
  if (surface !== 'close-frame') return 'error';
  if (code === '1000') return 'info';
  // 1005: the page closed without a code; only a failure when the close was not clean.
  if (code === '1005' && wasClean !== false) return 'info';
  return 'error';
}

export function resolveFinding(raw: RawError, surface: Surface, context: ResolveContext): Finding {
  const surfaces = surfacesFor(surface);
  const candidates = context.catalogue.byCode(raw.code).filter((e) => surfaces.includes(e.surface));
  const fallback = GENERIC_FALLBACK[surface];
  const rank = ranker(raw.message);

  let sender: ExchangeId | undefined = context.hostExchange ?? raw.shapeExchange;
  let attribution: Attribution = context.hostExchange ? 'host' : 'envelope';

  const preferred = [sender, fallback].filter((x): x is ExchangeId => x !== undefined);
  let best: CatalogueEntry[] = [];
  for (const exchange of preferred) {
    best = rank(candidates.filter((e) => e.exchange === exchange));
    if (best.length > 0) break;
  }
  // An HTTP status alone names no exchange: its meaning is generic, its sender stays unknown.
  if (!sender && surface !== 'http-status') {
    // Neither host nor shape tells: take the catalogue that knows the code best.
    if (best.length === 0) best = rank(candidates).slice(0, 1);
    sender = best[0]?.exchange;
    attribution = best[0]?.exchange === fallback ? 'envelope' : 'guess';
  }
  const entry = best[0];
  const alternatives = rank(candidates.filter((e) => e !== entry)).sort(
    (a, b) => Number(b.exchange === entry?.exchange) - Number(a.exchange === entry?.exchange),
  );

  const finding: Finding = {
    exchange: sender ?? 'unknown',
    attribution: sender ? attribution : 'guess',
    dialect: raw.dialect,
    surface,
    code: raw.code,
    alternatives,
    severity: severityOf(surface, raw.code, context.wasClean),
  };
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
  if (finding.attribution === 'host' || finding.entry) return true;
  const generic =
    finding.dialect === 'gateway-rest' ||
    (finding.dialect === 'okx-rest' && finding.attribution !== 'envelope');
  return !generic || Number(finding.code) < 0 || (status !== undefined && status >= 400);
}
