// Panel UI: the explanation printed on an error row itself: category, exchange, code, the
// catalogue message, the fix and whether a retry helps. Unknown codes say so, with the
// server's own message.

import { exchangeLabel, senderLabel } from '../../core/exchange-names.ts';
import { cutWhole, showHiddenChars } from '../../core/hidden-chars.ts';
import { describeRetry, entryMessage, type Finding, fillPlaceholders } from '../../core/index.ts';
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

function FindingLine({ finding }: { finding: Finding }) {
  const { entry } = finding;
  const exchange = senderLabel(finding);
  if (!entry) {
    return (
      <>
        <CategoryBadge category="unknown" />
        <span class="ann-unknown">
          unknown code {finding.code} from {exchange}
        </span>
        {finding.observedMessage !== undefined ? (
          <span class="ann-message">
            : <ShownText text={clip(finding.observedMessage)} />
          </span>
        ) : null}
        <span class="ann-retry"> · retry: no advice for this code</span>
      </>
    );
  }
  // A close on an exchange's socket is often explained by RFC 6455: say whose meaning it is.
  const explainedBy =
    entry.exchange !== finding.exchange ? ` (${exchangeLabel(entry.exchange)} meaning)` : '';
  return (
    <>
      <CategoryBadge category={finding.severity === 'info' ? 'note' : entry.category} />
      <span class="ann-exchange">{exchange}</span> <code class="ann-code">{finding.code}</code>{' '}
      <span class="ann-message">
        <ShownText text={fillPlaceholders(entryMessage(entry), finding.placeholders)} />
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
  const exchange = senderLabel(finding);
  if (!entry) {
    const said = finding.observedMessage !== undefined ? `: ${finding.observedMessage}` : '';
    return `unknown code ${finding.code} from ${exchange}${said}`;
  }
  const message = fillPlaceholders(entryMessage(entry), finding.placeholders);
  return `${exchange} ${finding.code} ${message}\nFix: ${entry.fix}\nretry: ${describeRetry(entry.retry)}`;
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
    >
      <FindingLine finding={first} />
      {more > 0 ? <span class="ann-more"> · +{more} more (see details)</span> : null}
      <PairInline pair={first.severity === 'error' ? pair : undefined} />
    </div>
  );
}
