// Panel UI: where the signing pane's request came from: the error row it explains (its code and
// what kind of problem that is), or why that row gave nothing to compare with.

import { senderLabel } from '../../core/exchange-names.ts';
import { showHiddenChars } from '../../core/hidden-chars.ts';
import { entryMessage } from '../../core/index.ts';
import { hostAndPath } from '../traffic/row-text.ts';
import type { SignDraft } from './sign-draft.ts';

export function SourceNotice({ draft }: { draft: SignDraft }) {
  const { captured, problem, capturedMissing } = draft;
  if (!captured && !capturedMissing) return null;
  const finding = problem?.finding;
  // The server's own message stands in when no catalogue knows the code: shown, not obeyed.
  const said = finding
    ? `${senderLabel(finding)} ${finding.code}: ${finding.entry ? entryMessage(finding.entry) : showHiddenChars(finding.observedMessage ?? 'unknown code')}`
    : undefined;
  return (
    <div class="sign-source" data-testid="sign-source" data-problem={problem?.kind}>
      {captured ? (
        <p>
          From row {captured.rowId}:{' '}
          <code>
            {captured.raw.method ?? (captured.raw.body !== undefined ? 'WebSocket' : 'GET')}{' '}
            {hostAndPath(captured.raw.url)}
          </code>
          {said ? (
            <>
              {' '}
              · <span data-testid="sign-source-problem">{said}</span> (a {problem?.kind} error)
            </>
          ) : null}
        </p>
      ) : null}
      {capturedMissing ? (
        <p class="sign-error" data-testid="sign-source-missing">
          {said ? `${said}. ` : ''}
          {capturedMissing}
        </p>
      ) : null}
    </div>
  );
}
