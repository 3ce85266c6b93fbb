// Panel UI: the one-line error summary by exchange, and what was dropped to save memory.
import { senderKeyLabel } from '../../core/exchange-names.ts';
import type { TrafficSnapshot } from '../traffic/traffic-session.ts';

const count = (value: number): string => value.toLocaleString('en');

export function ErrorSummary({ snapshot }: { snapshot: TrafficSnapshot }) {
  const byExchange = Object.entries(snapshot.errorsByExchange).sort((a, b) => b[1] - a[1]);
  const total = byExchange.reduce((sum, [, n]) => sum + n, 0);
  if (total === 0) {
    return (
      <p class="summary" data-testid="error-summary" data-errors="0">
        <span data-testid="panel-placeholder">
          Exchange API errors seen on this page will be explained here.
        </span>
      </p>
    );
  }
  return (
    <p class="summary" data-testid="error-summary" data-errors={total}>
      <strong>
        {count(total)} error{total === 1 ? '' : 's'}:
      </strong>{' '}
      {byExchange.map(([exchange, n], i) => (
        <span key={exchange} data-exchange={exchange}>
          {i > 0 ? ' · ' : ''}
          {senderKeyLabel(exchange)} {count(n)}
        </span>
      ))}
    </p>
  );
}

export function DroppedNotice({ snapshot }: { snapshot: TrafficSnapshot }) {
  const { droppedPlain, droppedErrors, pageDropped } = snapshot;
  if (droppedPlain === 0 && droppedErrors === 0 && pageDropped === 0) return null;
  return (
    <p class="dropped" data-testid="dropped-notice">
      {droppedPlain > 0 ? (
        <span data-testid="dropped-panel">
          {count(droppedPlain)} older frames dropped to save memory; errors are kept.{' '}
        </span>
      ) : null}
      {droppedErrors > 0 ? (
        <span data-testid="dropped-errors">
          {count(droppedErrors)} older errors dropped too (the error rows alone filled the list).{' '}
        </span>
      ) : null}
      {pageDropped > 0 ? (
        <span data-testid="dropped-page">
          {count(pageDropped)} frames never reached the panel: the page's capture dropped them to
          stay within its limits (before DevTools opened, or while the panel could not keep up).
        </span>
      ) : null}
    </p>
  );
}
