// Shared UI: everything a catalogue entry says: messages (English and Chinese), description,
// fix and who wrote it, category, retry advice, steps and the source document.

import { exchangeLabel } from '../core/exchange-names.ts';
import { type CatalogueEntry, describeRetry } from '../core/index.ts';
import { CategoryBadge } from './category-badge.tsx';

function fixSourceText(entry: CatalogueEntry): string {
  return entry.fixSource === 'exchange'
    ? "from the exchange's documentation"
    : 'written by exchange-lens';
}

export function CatalogueEntryView({ entry }: { entry: CatalogueEntry }) {
  const retryFrom = entry.retry.source === 'exchange' ? 'the exchange' : 'exchange-lens';
  return (
    <dl class="entry" data-testid="catalogue-entry" data-entry-id={entry.id}>
      <dt>Entry</dt>
      <dd>
        {exchangeLabel(entry.exchange)} {entry.code}
        {entry.name ? ` (${entry.name})` : ''} · {entry.surface}
        {entry.httpStatus !== undefined ? ` · HTTP ${entry.httpStatus}` : ''}
      </dd>
      <dt>Message</dt>
      <dd lang="en">{entry.messages.en}</dd>
      {entry.messages.zh ? (
        <>
          <dt>Message (中文)</dt>
          <dd lang="zh">{entry.messages.zh}</dd>
        </>
      ) : null}
      <dt>Meaning</dt>
      <dd>{entry.description}</dd>
      <dt>Fix</dt>
      <dd>
        {entry.fix} <span class="muted">({fixSourceText(entry)})</span>
      </dd>
      <dt>Category</dt>
      <dd>
        <CategoryBadge category={entry.category} />
      </dd>
      <dt>Retry</dt>
      <dd>
        {describeRetry(entry.retry)} <span class="muted">(advice from {retryFrom})</span>
        {entry.retry.note ? <div>{entry.retry.note}</div> : null}
      </dd>
      {entry.steps?.length ? (
        <>
          <dt>Steps</dt>
          <dd>
            <ol>
              {entry.steps.map((step) => (
                <li key={step}>{step}</li>
              ))}
            </ol>
          </dd>
        </>
      ) : null}
      {entry.group ? (
        <>
          <dt>Section</dt>
          <dd>{entry.group}</dd>
        </>
      ) : null}
      <dt>Source</dt>
      <dd>
        <code>{entry.source}</code>
        {entry.origin === 'custom' ? ' (custom catalogue)' : ''}
      </dd>
    </dl>
  );
}
