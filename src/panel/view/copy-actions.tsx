// Panel UI: "Copy as Markdown" on a finding and "Copy as cURL" on an HTTP row, through the
// services' clipboard; what is copied is redacted unless the toolbar says to keep credentials.
import { useState } from 'preact/hooks';
import type { Finding } from '../../core/index.ts';
import type { TrafficRow } from '../traffic/traffic-row.ts';
import { curlCommand, findingMarkdown, type TicketContext } from './ticket-text.ts';

export type CopyText = (text: string) => Promise<void>;

function useCopied() {
  const [said, setSaid] = useState<string | undefined>(undefined);
  async function copy(copyText: CopyText, text: string, what: string): Promise<void> {
    try {
      await copyText(text);
      setSaid(`Copied as ${what}`);
    } catch (error) {
      setSaid(`Could not copy: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  const status = said ? (
    <span class="copy-status" data-testid="copy-status" role="status">
      {said}
    </span>
  ) : null;
  return { copy, status };
}

export function CopyMarkdownButton(props: {
  row: TrafficRow;
  finding: Finding;
  context: TicketContext;
  onCopy: CopyText;
}) {
  const { copy, status } = useCopied();
  return (
    <span class="copy-actions">
      <button
        type="button"
        data-testid="copy-markdown"
        title="A ticket-ready summary: what happened, where, the server's words, the fix, the payload"
        onClick={() =>
          void copy(
            props.onCopy,
            findingMarkdown(props.row, props.finding, props.context),
            'Markdown',
          )
        }
      >
        Copy as Markdown
      </button>
      {status}
    </span>
  );
}

export function CopyCurlButton(props: {
  row: TrafficRow;
  keepCredentials: boolean;
  onCopy: CopyText;
}) {
  const { copy, status } = useCopied();
  const command = curlCommand(props.row, props.keepCredentials);
  if (command === undefined) return null;
  return (
    <span class="copy-actions">
      <button
        type="button"
        data-testid="copy-curl"
        onClick={() => void copy(props.onCopy, command, 'cURL')}
      >
        Copy as cURL
      </button>
      {status}
    </span>
  );
}
