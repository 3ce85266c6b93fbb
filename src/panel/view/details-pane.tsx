// Panel UI: the selected row in full: where it came from, a close frame's code and meaning,
// every finding, and the payload.
import { PayloadView } from '../../ui/payload-view.tsx';
import { ShownText } from '../../ui/shown-text.tsx';
import { canOpenInSigningPane } from '../sign/captured-request.ts';
import { signingProblemOf } from '../sign/signing-problem.ts';
import { IMPORTED_SOCKET_NOTE } from '../traffic/har-import.ts';
import type { PairingView } from '../traffic/pairing-index.ts';
import { clockTime, formatSize } from '../traffic/row-text.ts';
import { FALLBACK_NOTE } from '../traffic/rows-from-har.ts';
import type { TrafficRow } from '../traffic/traffic-row.ts';
import { CopyCurlButton, CopyMarkdownButton, type CopyText } from './copy-actions.tsx';
import { FindingDetails } from './finding-details.tsx';
import { InflatedPayload } from './frame-payload.tsx';
import { PairDetails } from './pair-details.tsx';
import { kindLabel, SOURCE_LABEL } from './row-labels.ts';

function cleanText(wasClean: boolean | undefined): string {
  if (wasClean === undefined) return 'not reported';
  return wasClean ? 'yes' : 'no';
}

function CloseDetails({ row }: { row: TrafficRow }) {
  const close = row.close;
  if (!close) return null;
  const entry = row.findings[0]?.entry;
  const meaning = entry
    ? `${entry.name ?? entry.messages.en}: ${entry.description}`
    : 'no catalogue knows this close code';
  return (
    <section class="close-details" data-testid="close-details">
      <h3>Close</h3>
      <dl>
        <dt>Code</dt>
        <dd data-testid="close-code">{close.code}</dd>
        <dt>Reason</dt>
        <dd data-testid="close-reason">
          {close.reason === '' ? '(none)' : <ShownText text={close.reason} />}
        </dd>
        <dt>Clean</dt>
        <dd data-testid="close-clean">{cleanText(close.wasClean)}</dd>
        <dt>Meaning</dt>
        <dd data-testid="close-meaning">
          {meaning}
          {entry ? ` (${entry.exchange === 'rfc6455' ? 'RFC 6455' : 'exchange-specific'})` : ''}
        </dd>
      </dl>
    </section>
  );
}

export interface DetailsPaneProps {
  row: TrafficRow;
  onClose(): void;
  /** Opens the signing pane on the row's request. */
  onSigning?(rowId: number): void;
  /** Requests and replies of the snapshot shown, the rows by id, and selecting another row. */
  pairs?: PairingView;
  rowOf?(id: number): TrafficRow | undefined;
  onJump?(id: number): void;
  /** Copy as Markdown / cURL; credentials kept only when the toolbar says so. */
  onCopy?: CopyText;
  keepCredentials?: boolean;
}

export function DetailsPane(props: DetailsPaneProps) {
  const { row, onClose, onSigning, pairs, rowOf = () => undefined, onCopy } = props;
  const keepCredentials = props.keepCredentials ?? false;
  const link = pairs?.requestOf(row.id);
  return (
    <aside class="details" data-testid="details" data-row-id={row.id}>
      <header class="details-header">
        <h2>
          {kindLabel(row)} · {clockTime(row.time)}
        </h2>
        <button type="button" data-testid="details-close" onClick={onClose} title="Close details">
          ×
        </button>
      </header>
      <dl class="facts">
        <dt>URL</dt>
        <dd class="url">
          <ShownText text={row.url} />
        </dd>
        {row.method !== undefined ? (
          <>
            <dt>Request</dt>
            <dd>
              {row.method} · status {row.status === 0 ? 'failed' : row.status}
            </dd>
          </>
        ) : null}
        {row.socket !== undefined ? (
          <>
            <dt>Socket</dt>
            <dd data-testid="details-socket">
              #{row.listNumber ?? row.socket}
              {row.listNumber !== undefined && row.listNumber !== row.socket
                ? ` (its document's socket #${row.socket})`
                : ''}
              {row.protocol ? (
                <>
                  {' · protocol '}
                  <ShownText text={row.protocol} />
                </>
              ) : null}
            </dd>
          </>
        ) : null}
        {row.frameId !== undefined && row.frameId !== 0 ? (
          <>
            <dt>Frame</dt>
            <dd data-testid="details-frame">
              {row.frameUrl !== undefined ? <ShownText text={row.frameUrl} /> : 'URL not known'}
              {` (frame ${row.frameId}, not the top document)`}
            </dd>
          </>
        ) : null}
        <dt>Seen by</dt>
        <dd>
          {SOURCE_LABEL[row.source]}
          {row.frameId !== undefined ? ` · frame ${row.frameId}` : ''}
          {row.doc !== undefined ? ` · document ${row.doc}` : ''}
          {row.imported ? (
            <span data-testid="imported-from">
              {' '}
              · from {row.imported.file}, entry {row.imported.entry + 1}
            </span>
          ) : null}
        </dd>
        {row.size !== undefined ? (
          <>
            <dt>Size</dt>
            <dd>{formatSize(row.size)}</dd>
          </>
        ) : null}
      </dl>
      {row.source === 'devtools' ? (
        <p class="fallback" data-testid="fallback-details">
          {row.imported ? IMPORTED_SOCKET_NOTE : FALLBACK_NOTE}
        </p>
      ) : null}
      {pairs && props.onJump ? (
        <PairDetails row={row} pairs={pairs} rowOf={rowOf} onJump={props.onJump} />
      ) : null}
      {onCopy ? (
        <CopyCurlButton row={row} keepCredentials={keepCredentials} onCopy={onCopy} />
      ) : null}
      {onSigning && canOpenInSigningPane(row) ? (
        <button type="button" data-testid="details-sign" onClick={() => onSigning(row.id)}>
          {signingProblemOf(row) ? 'Explain signing' : 'Open in the signing pane'}
        </button>
      ) : null}
      <CloseDetails row={row} />
      {row.findings.map((finding, i) => (
        <FindingDetails
          key={`${finding.code}-${i}`}
          finding={finding}
          actions={
            onCopy ? (
              <CopyMarkdownButton
                row={row}
                finding={finding}
                onCopy={onCopy}
                context={{
                  keepCredentials,
                  ...(link ? { pair: { link, request: rowOf(link.requestId) } } : {}),
                }}
              />
            ) : null
          }
        />
      ))}
      {row.kind === 'send' || row.kind === 'receive' || row.kind === 'http' ? (
        <section class="payload-section">
          <h3>Payload</h3>
          {row.payload?.inflated ? (
            <InflatedPayload payload={row.payload} />
          ) : (
            <PayloadView
              text={row.payload?.text}
              binary={row.payload?.binary}
              size={row.payload?.size}
              truncated={row.payload?.truncated}
            />
          )}
        </section>
      ) : null}
    </aside>
  );
}
