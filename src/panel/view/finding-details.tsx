// Panel UI: one finding in full: what the server said, how the exchange was decided, the filled
// placeholders, the catalogue entry and the other meanings the code could have.

import type { ComponentChildren } from 'preact';
import { exchangeLabel, senderLabel } from '../../core/exchange-names.ts';
import { describeAttribution, entryMessage, type Finding } from '../../core/index.ts';
import { CatalogueEntryView } from '../../ui/catalogue-entry-view.tsx';
import { ShownText } from '../../ui/shown-text.tsx';

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
  const heading = entry
    ? `${exchange} ${finding.code}: ${entryMessage(entry)}`
    : `unknown code ${finding.code} from ${exchange}`;
  const placeholders = Object.entries(finding.placeholders ?? {});
  return (
    <section
      class={`finding severity-${finding.severity}`}
      data-testid="finding"
      data-code={finding.code}
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
          {exchange}, {describeAttribution(finding.attribution)} ({finding.dialect})
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
                  <code>{`{${name}}`}</code> = <ShownText text={value} />
                </div>
              ))}
            </dd>
          </>
        ) : null}
      </dl>
      {entry ? (
        <CatalogueEntryView entry={entry} />
      ) : (
        <p data-testid="unknown-code">
          No bundled catalogue knows code {finding.code} from {exchange}.
        </p>
      )}
      {finding.alternatives.length > 0 ? (
        <div class="alternatives" data-testid="alternatives">
          <h4>The same code elsewhere</h4>
          <ul>
            {finding.alternatives.map((alternative) => (
              <li key={alternative.id}>
                {exchangeLabel(alternative.exchange)} {alternative.code} ({alternative.surface}):{' '}
                {entryMessage(alternative)} · Fix: {alternative.fix}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
