// Panel UI: one row of the list: time, kind, connection, size, preview, and its annotation.

import { showHiddenChars } from '../../core/hidden-chars.ts';
import { ExplainSigningButton } from '../sign/explain-signing-button.tsx';
import type { PairingView } from '../traffic/pairing-index.ts';
import { clockTime, formatSize } from '../traffic/row-text.ts';
import { FALLBACK_NOTE } from '../traffic/rows-from-har.ts';
import type { TrafficRow } from '../traffic/traffic-row.ts';
import { Annotation } from './annotation.tsx';
import { rowHeight } from './list-geometry.ts';
import { pairBadge } from './pair-text.ts';
import { kindLabel } from './row-labels.ts';

export function TrafficRowView({
  row,
  top,
  selected,
  pairs,
}: {
  row: TrafficRow;
  top: number;
  selected: boolean;
  pairs?: PairingView | undefined;
}) {
  const pair = pairs?.requestOf(row.id);
  const badge =
    row.kind === 'send' || row.kind === 'receive'
      ? pairBadge(row, pair, pair ? undefined : pairs?.stateOf(row.id))
      : undefined;
  const code = row.findings[0]?.code ?? (row.close ? String(row.close.code) : undefined);
  return (
    <div
      class={`row level-${row.level} kind-${row.kind}${selected ? ' selected' : ''}`}
      role="option"
      tabIndex={-1}
      aria-selected={selected}
      data-testid="row"
      data-row-id={row.id}
      data-kind={row.kind}
      data-source={row.source}
      data-error={row.level === 'error' ? 'true' : undefined}
      data-note={row.level === 'note' ? 'true' : undefined}
      data-code={code}
      style={{ top: `${top}px`, height: `${rowHeight(row)}px` }}
    >
      <div class="cells">
        <span class="cell-time">{clockTime(row.time)}</span>
        <span class="cell-kind">{kindLabel(row)}</span>
        <span class="cell-where" title={showHiddenChars(row.url)}>
          {row.where}
        </span>
        <span class="cell-size">{formatSize(row.size)}</span>
        <span class="cell-preview">
          {row.source === 'devtools' ? (
            <span class="badge badge-devtools" data-testid="fallback-note" title={FALLBACK_NOTE}>
              DevTools only · no close codes
            </span>
          ) : null}
          {row.payload?.inflated ? (
            <span class="badge badge-inflated" data-testid="inflated-badge">
              {row.payload.inflated.format}
            </span>
          ) : null}
          {badge ? (
            <span
              class={`badge badge-pair pair-${badge.state}`}
              data-testid="pair-badge"
              data-state={badge.state}
            >
              {badge.text}
            </span>
          ) : null}
          {row.preview}
        </span>
      </div>
      <Annotation row={row} pair={pair} />
      <ExplainSigningButton row={row} />
    </div>
  );
}
