// Panel UI: one finding in full: what the server said, how the exchange was decided and how sure
// that is, the filled placeholders, the catalogue entry and the other meanings the code could
// have (the candidates, when the exchange is unsure).

import type { ComponentChildren } from 'preact';
import { exchangeLabel, senderLabel } from '../../core/exchange-names.ts';
import {
  describeAttribution,
  entryMessage,
  type Finding,
  placeholderLabel,
  unexplainedText,
} from '../../core/index.ts';
import { CatalogueEntryView } from '../../ui/catalogue-entry-view.tsx';
import { ShownText } from '../../ui/shown-text.tsx';

/** Alternatives listed in full; a code with dozens of rows (Binance's -2010) lists the rest
 * as a count. */
const SHOWN_ALTERNATIVES = 8;

function Alternatives({ finding }: { finding: Finding }) {
  const { alternatives } = finding;
  if (alternatives.length === 0) return null;
  const shown = alternatives.slice(0, SHOWN_ALTERNATIVES);
  const more = alternatives.length - shown.length;
  return (
    <div class="alternatives" data-testid="alternatives">
      <h4>{finding.confidence === 'unsure' ? 'The candidates' : 'The same code elsewhere'}</h4>
      <ul>
        {shown.map((alternative) => (
          <li key={alternative.id}>
            {exchangeLabel(alternative.exchange)} {alternative.code} ({alternative.surface}):{' '}
            {entryMessage(alternative)} · Fix: {alternative.fix}
          </li>
        ))}
        {more > 0 ? <li class="fallback">and {more} more rows</li> : null}
      </ul>
    </div>
  );
}

export function FindingDetails({
  finding,
  actions,
}: {
  finding: Finding;
  /** Buttons for this finding (Copy as Markdown). */
  actions?: ComponentChildren;
}) {
  const { entry } = finding;
  const exchange = senderLabel(finding);
  const unexplained = entry ? undefined : unexplainedText(finding);
  const heading = entry
    ? `${exchange} ${finding.code}: ${entryMessage(entry)}`
    : (unexplained?.title ?? '');
  const placeholders = Object.entries(finding.placeholders ?? {});
  return (
    <section
      class={`finding severity-${finding.severity}`}
      data-testid="finding"
      data-code={finding.code}
      data-confidence={finding.confidence}
    >
      <h3>
        {finding.severity === 'info' ? 'Note' : 'Error'}: {heading}
      </h3>
      {actions}
      <dl>
        {finding.observedMessage !== undefined ? (
          <>
            <dt>Server said</dt>
            <dd data-testid="observed-message">
              <ShownText text={finding.observedMessage} />
            </dd>
          </>
        ) : null}
        <dt>Exchange</dt>
        <dd data-testid="attribution">
          {finding.confidence === 'unsure'
            ? 'unsure'
            : `${exchange}, ${describeAttribution(finding.attribution)}`}{' '}
          ({finding.dialect})
        </dd>
        <dt>Confidence</dt>
        <dd data-testid="confidence">
          {finding.confidence}: {finding.reason}
        </dd>
        {finding.path ? (
          <>
            <dt>Item</dt>
            <dd>{finding.path}</dd>
          </>
        ) : null}
        {finding.httpStatus !== undefined ? (
          <>
            <dt>HTTP status</dt>
            <dd>{finding.httpStatus}</dd>
          </>
        ) : null}
        {finding.partial ? (
          <>
            <dt>Note</dt>
            <dd>the payload was not valid JSON; the code was read from its text</dd>
          </>
        ) : null}
        {placeholders.length > 0 ? (
          <>
            <dt>Placeholders</dt>
            <dd data-testid="placeholders">
              {placeholders.map(([name, value]) => (
                <div key={name}>
                  <code>{placeholderLabel(name)}</code> = <ShownText text={value} />
                </div>
              ))}
            </dd>
          </>
        ) : null}
      </dl>
      {entry ? (
        <CatalogueEntryView entry={entry} />
      ) : (
        <div data-testid="unknown-code">
          <p>{unexplained?.means}</p>
          <p>Fix: {unexplained?.fix}</p>
        </div>
      )}
      <Alternatives finding={finding} />
    </section>
  );
}
