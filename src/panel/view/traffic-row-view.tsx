// Panel UI: one row of the list: time, kind, connection, size, preview, and its annotation.

import { showHiddenChars } from '../../core/hidden-chars.ts';
import { ExplainSigningButton } from '../sign/explain-signing-button.tsx';
import { clockTime, formatSize } from '../traffic/row-text.ts';
import { FALLBACK_NOTE } from '../traffic/rows-from-har.ts';
import type { TrafficRow } from '../traffic/traffic-row.ts';
import { Annotation } from './annotation.tsx';
import { rowHeight } from './list-geometry.ts';
import { KIND_LABEL } from './row-labels.ts';

export function TrafficRowView({
  row,
  top,
  selected,
}: {
  row: TrafficRow;
  top: number;
  selected: boolean;
}) {
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
        <span class="cell-kind">{KIND_LABEL[row.kind]}</span>
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
          {row.preview}
        </span>
      </div>
      <Annotation row={row} />
      <ExplainSigningButton row={row} />
    </div>
  );
}
