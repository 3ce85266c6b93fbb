// Panel UI: the string to sign (invisible characters shown), the signature, and what to send:
// headers, the query and body with the signature parameter, or the OKX login message. The
// passphrase is masked here too while the secrets are hidden, and no value is ever copied into
// an attribute: what the user typed is in the DOM only as text, and only once shown.
import { OKX_HEADERS, type SignResult } from '../../core/index.ts';
import type { SignOutcome } from './compute-signature.ts';
import type { TaskState } from './use-debounced-task.ts';
import { VisibleText } from './visible-text-view.tsx';

const MASK = '••••••••';

export interface SignOutputProps {
  state: TaskState<SignOutcome>;
  /** The passphrase as typed, to mask wherever the recipe repeats it. */
  passphrase: string;
  shown: boolean;
}

type Hide = (value: string, where?: 'passphrase') => string;

function Sent({ result, hide }: { result: SignResult; hide: Hide }) {
  const headers = Object.entries(result.headers);
  return (
    <>
      {headers.length > 0 ? (
        <>
          <dt>Headers</dt>
          <dd>
            <ul class="sign-headers" data-testid="sign-headers">
              {headers.map(([name, value]) => (
                <li key={name} data-testid="sign-header" data-name={name}>
                  <code>
                    {name}:{' '}
                    <span data-testid="sign-header-value">
                      {hide(value, name === OKX_HEADERS.passphrase ? 'passphrase' : undefined)}
                    </span>
                  </code>
                </li>
              ))}
            </ul>
          </dd>
        </>
      ) : null}
      {result.params ? (
        <>
          <dt>Query to send</dt>
          <dd>
            <code class="sign-text" data-testid="sign-send-query">
              {result.params.query}
            </code>
          </dd>
          {result.params.body !== '' ? (
            <>
              <dt>Body to send</dt>
              <dd>
                <code class="sign-text" data-testid="sign-send-body">
                  {result.params.body}
                </code>
              </dd>
            </>
          ) : null}
        </>
      ) : null}
      {result.login ? (
        <>
          <dt>Login message</dt>
          <dd>
            <code class="sign-text" data-testid="sign-login">
              {JSON.stringify({
                ...result.login,
                args: result.login.args.map((args) =>
                  args.passphrase
                    ? { ...args, passphrase: hide(args.passphrase, 'passphrase') }
                    : args,
                ),
              })}
            </code>
          </dd>
        </>
      ) : null}
    </>
  );
}

export function SignOutput({ state, passphrase, shown }: SignOutputProps) {
  // Masked by where it goes, not only by value: a result still on screen from another recipe's
  // credentials (the next one is computed a moment later) carries a passphrase no longer typed.
  const hide: Hide = (value, where) =>
    !shown && (where === 'passphrase' || (passphrase !== '' && value === passphrase))
      ? MASK
      : value;
  if (state.status === 'failed') {
    return (
      <p class="sign-error sign-output" data-testid="sign-error">
        Cannot sign this: {state.error}
      </p>
    );
  }
  const outcome = state.value;
  if (!outcome)
    return (
      <p class="muted sign-output" data-testid="sign-signature" data-state="pending">
        Computing…
      </p>
    );
  const prehash = outcome.kind === 'signed' ? outcome.result.prehash : outcome.prehash;
  const warnings = outcome.kind === 'signed' ? outcome.result.warnings : outcome.warnings;
  const stale = state.status === 'pending';
  return (
    <section class={`sign-output${stale ? ' stale' : ''}`} data-testid="sign-output">
      <dl>
        <dt>String to sign</dt>
        <dd>
          <pre class="sign-text" data-testid="sign-prehash">
            <VisibleText text={prehash} />
          </pre>
        </dd>
        <dt>Signature</dt>
        <dd>
          {outcome.kind === 'signed' ? (
            <code
              class="sign-text"
              data-testid="sign-signature"
              data-state={stale ? 'pending' : 'ready'}
              data-encoding={outcome.result.encoding}
            >
              {outcome.result.signature}
            </code>
          ) : (
            <span class="muted" data-testid="sign-signature" data-state="no-secret">
              Enter the secret to sign.
            </span>
          )}
        </dd>
        {outcome.kind === 'signed' ? <Sent result={outcome.result} hide={hide} /> : null}
      </dl>
      {warnings.length > 0 ? (
        <ul class="sign-warnings" data-testid="sign-warnings">
          {warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
