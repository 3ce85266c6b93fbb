// Pure: which rows the signing pane can explain: an error whose catalogue category is signature
// or timestamp, or one of the codes exchanges use for those without a catalogue row of that
// category (OKX's REST authentication codes, WOO X's -1002 for a stale timestamp).
import type { Finding } from '../../core/index.ts';
import type { TrafficRow } from '../traffic/traffic-row.ts';

export type SigningProblemKind = 'signature' | 'timestamp';

export interface SigningProblem {
  kind: SigningProblemKind;
  finding: Finding;
}

/** exchange:code -> kind, for codes whose catalogue row (if any) is not filed under signature
 * or timestamp. OKX REST codes are in no bundled catalogue: the detector reports them as OKX
 * codes it does not know ("unknown" when nothing told it the exchange). */
const CODES: Readonly<Record<string, SigningProblemKind>> = {
  'okx:50113': 'signature',
  'okx:50102': 'timestamp',
  'okx:50112': 'timestamp',
  // OKX's WebSocket login answers a signature that is not the secret's with "Login failure".
  'okx:60009': 'signature',
  // WOO X documents no code for a stale timestamp: it answers -1002, "API key or secret is
  // invalid", which its support article explains by the timestamp first.
  'woo:-1002': 'timestamp',
};

function kindOf(finding: Finding): SigningProblemKind | undefined {
  if (finding.severity !== 'error') return undefined;
  const category = finding.entry?.category;
  if (category === 'signature' || category === 'timestamp') return category;
  const exchanges = finding.exchange === 'unknown' ? ['okx', 'woo'] : [finding.exchange];
  for (const exchange of exchanges) {
    const kind = CODES[`${exchange}:${finding.code}`];
    if (kind) return kind;
  }
  return undefined;
}

/** The row's first signature or timestamp error, if it has one. */
export function signingProblemOf(row: TrafficRow): SigningProblem | undefined {
  if (row.level !== 'error') return undefined;
  for (const finding of row.findings) {
    const kind = kindOf(finding);
    if (kind) return { kind, finding };
  }
  return undefined;
}
