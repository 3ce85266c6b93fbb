// Panel UI: the explanation printed on an error row itself: category, exchange, code, the
// catalogue message, the fix and whether a retry helps, and how sure that is when it is not
// certain. Unknown codes say so, with the server's own message; when the exchange is unsure,
// the row shows the server's words and the candidates, no meaning.

import { exchangeLabel, senderLabel } from '../../core/exchange-names.ts';
import { cutWhole, showHiddenChars } from '../../core/hidden-chars.ts';
import {
  describeRetry,
  entryMessage,
  type Finding,
  messageAsSent,
  unexplainedText,
} from '../../core/index.ts';
import { CategoryBadge } from '../../ui/category-badge.tsx';
import { ShownText } from '../../ui/shown-text.tsx';
import type { PairLink } from '../traffic/pairing-index.ts';
import { SOCKET_ERROR_TEXT } from '../traffic/rows-from-frames.ts';
import type { TrafficRow } from '../traffic/traffic-row.ts';
import { replyText } from './pair-text.ts';

/** Row text beyond this is never visible in one line, and costs layout on every render. */
const ROW_TEXT_CHARS = 200;
const clip = (text: string): string =>
  text.length > ROW_TEXT_CHARS ? `${cutWhole(text, ROW_TEXT_CHARS - 1)}…` : text;

/** Candidates of an unsure finding, one per exchange, in a few words each. */
function candidatesText(finding: Finding): string {
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const entry of finding.alternatives) {
    if (seen.has(entry.exchange)) continue;
    seen.add(entry.exchange);
    parts.push(`${exchangeLabel(entry.exchange)} "${entryMessage(entry)}"`);
  }
  return parts.join(', ');
}

/** Shown only when the finding is not certain: a reader must be able to doubt it. */
function ConfidenceTag({ finding }: { finding: Finding }) {
  if (finding.confidence === 'certain') return null;
  return (
    <span class="ann-confidence" title={finding.reason} data-testid="row-confidence">
      {finding.confidence}
    </span>
  );
}

function UnexplainedLine({ finding }: { finding: Finding }) {
  const { title } = unexplainedText(finding);
  const candidates = finding.confidence === 'unsure' ? candidatesText(finding) : '';
  return (
    <>
      <CategoryBadge category="unknown" />
      <ConfidenceTag finding={finding} />
      <span class="ann-unknown">{title}</span>
      {finding.observedMessage !== undefined ? (
        <span class="ann-message">
          : <ShownText text={clip(finding.observedMessage)} />
        </span>
      ) : null}
      {candidates ? (
        <span class="ann-candidates"> · could be {clip(candidates)}</span>
      ) : (
        <span class="ann-retry"> · retry: no advice for this code</span>
      )}
    </>
  );
}

function FindingLine({ finding }: { finding: Finding }) {
  const { entry } = finding;
  if (!entry) return <UnexplainedLine finding={finding} />;
  const exchange = senderLabel(finding);
  // A close on an exchange's socket is often explained by RFC 6455: say whose meaning it is.
  const explainedBy =
    entry.exchange !== finding.exchange ? ` (${exchangeLabel(entry.exchange)} meaning)` : '';
  return (
    <>
      <CategoryBadge category={finding.severity === 'info' ? 'note' : entry.category} />
      <ConfidenceTag finding={finding} />
      <span class="ann-exchange">{exchange}</span> <code class="ann-code">{finding.code}</code>{' '}
      <span class="ann-message">
        <ShownText text={messageAsSent(entry, finding.observedMessage)} />
        {explainedBy}
      </span>
      <span class="ann-fix"> · Fix: {clip(entry.fix)}</span>
      <span class="ann-retry"> · retry: {describeRetry(entry.retry)}</span>
    </>
  );
}

/** The whole annotation as one string, for the tooltip of a line cut by the column's width. */
function annotationText(finding: Finding): string {
  const { entry } = finding;
  const doubt =
    finding.confidence === 'certain' ? '' : `\n${finding.confidence}: ${finding.reason}`;
  if (!entry) {
    const said = finding.observedMessage !== undefined ? `: ${finding.observedMessage}` : '';
    const candidates = finding.confidence === 'unsure' ? candidatesText(finding) : '';
    const could = candidates ? `\ncould be ${candidates}` : '';
    return `${unexplainedText(finding).title}${said}${could}${doubt}`;
  }
  const exchange = senderLabel(finding);
  const message = messageAsSent(entry, finding.observedMessage);
  return `${exchange} ${finding.code} ${message}\nFix: ${entry.fix}\nretry: ${describeRetry(entry.retry)}${doubt}`;
}

/** An error reply names the request it answers, on the row itself. */
function PairInline({ pair }: { pair: PairLink | undefined }) {
  if (!pair) return null;
  return (
    <span class="ann-pair" data-testid="pair-inline">
      {' '}
      · {replyText(pair)}
    </span>
  );
}

export function Annotation({ row, pair }: { row: TrafficRow; pair?: PairLink | undefined }) {
  const [first] = row.findings;
  if (!first) {
    if (row.kind !== 'error') return null;
    return (
      <div class="annotation severity-error" data-testid="annotation">
        {row.source === 'wrapper' ? SOCKET_ERROR_TEXT : row.preview}
      </div>
    );
  }
  const more = row.findings.length - 1;
  return (
    <div
      class={`annotation severity-${first.severity}`}
      title={showHiddenChars(annotationText(first), { keepLayout: true })}
      data-testid="annotation"
      data-exchange={first.exchange}
      data-code={first.code}
      data-confidence={first.confidence}
    >
      <FindingLine finding={first} />
      {more > 0 ? <span class="ann-more"> · +{more} more (see details)</span> : null}
      <PairInline pair={first.severity === 'error' ? pair : undefined} />
    </div>
  );
}
