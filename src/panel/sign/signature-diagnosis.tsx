// Panel UI: the captured request's signature against the one the recipe computes with the
// user's secret: a match (the problem is elsewhere), the usual mistake that reproduces the
// signature sent (with the two strings to sign side by side), or none (the secret itself).
import {
  SIGNING_RECIPES,
  type SignedRequest,
  type SigningDiagnosis,
  type SigningRecipeId,
} from '../../core/index.ts';
import type { TaskState } from './use-debounced-task.ts';
import { PrehashDiff } from './visible-text-view.tsx';

export interface SignatureDiagnosisProps {
  recipe: SigningRecipeId;
  /** The captured request as the recipe reads it; undefined when it carries no signature. */
  signed: SignedRequest | undefined;
  truncated: boolean;
  secretGiven: boolean;
  state: TaskState<SigningDiagnosis | undefined>;
  /** The exchange's own recipe, when it is not this one and does not reproduce the signature:
   * a match here then says how it was signed, not that it was signed right. */
  exchangeRejects?: SigningRecipeId | undefined;
}

function Verdict({ verdict, children }: { verdict: string; children: preact.ComponentChildren }) {
  return (
    <div
      class={`sign-verdict verdict-${verdict}`}
      data-testid="sign-diagnosis"
      data-verdict={verdict}
    >
      {children}
    </div>
  );
}

function Result({
  diagnosis,
  signed,
  exchangeRejects,
}: {
  diagnosis: SigningDiagnosis;
  signed: SignedRequest;
  exchangeRejects: SigningRecipeId | undefined;
}) {
  const title = SIGNING_RECIPES[diagnosis.recipe].title;
  const signatures = (
    <dl class="sign-signatures">
      <dt>Sent</dt>
      <dd>
        <code data-testid="sign-sent-signature">{signed.signature}</code>
      </dd>
      <dt>Expected</dt>
      <dd>
        <code data-testid="sign-expected-signature">{diagnosis.expected.signature}</code>
      </dd>
    </dl>
  );
  if (diagnosis.matches && exchangeRejects) {
    return (
      <Verdict verdict="match-other-recipe">
        <p>
          <strong>The signature matches {title}'s recipe</strong>, but the exchange that rejected it
          checks signatures as {SIGNING_RECIPES[exchangeRejects].title} does, and that recipe gives
          another signature: see what differs below.
        </p>
        {signatures}
      </Verdict>
    );
  }
  if (diagnosis.matches) {
    return (
      <Verdict verdict="match">
        <p>
          <strong>The signature matches</strong>: the request was signed correctly, per {title},
          with this secret. The problem is elsewhere: the API key (is this secret the key's?), the
          timestamp (see the clock below) or the key's permissions.
        </p>
        {signatures}
      </Verdict>
    );
  }
  if (diagnosis.mistakes.length === 0) {
    return (
      <Verdict verdict="unexplained">
        <p>
          <strong>The signature differs</strong>, and none of the usual mistakes reproduces it.
          Wrong secret? It may belong to another key, or carry a typo. Or the request was changed
          after it was signed (a proxy, a body re-serialised on the way).
        </p>
        {signatures}
      </Verdict>
    );
  }
  return (
    <Verdict verdict="mistake">
      <p>
        <strong>The signature differs</strong>; this reproduces the one sent:
      </p>
      <ul class="sign-mistakes">
        {diagnosis.mistakes.map((mistake) => (
          <li key={mistake.id} data-testid="sign-mistake" data-mistake-id={mistake.id}>
            <code>{mistake.id}</code>: {mistake.explanation}.
          </li>
        ))}
      </ul>
      <PrehashDiff
        expected={diagnosis.expected.prehash}
        reproduced={(diagnosis.mistakes[0] as { prehash: string }).prehash}
      />
      {signatures}
    </Verdict>
  );
}

export function SignatureDiagnosis(props: SignatureDiagnosisProps) {
  const { recipe, signed, state } = props;
  const title = SIGNING_RECIPES[recipe].title;
  let body: preact.ComponentChildren;
  if (!signed) {
    body = (
      <Verdict verdict="unreadable">
        The request carries no signature where {title} puts it. Pick the recipe it was signed with.
      </Verdict>
    );
  } else if (props.truncated) {
    body = (
      <Verdict verdict="unreadable">
        The request's body was longer than the panel keeps: its signature cannot be re-checked.
      </Verdict>
    );
  } else if (!props.secretGiven) {
    body = (
      <Verdict verdict="need-secret">
        Enter the API secret above to compare the signature sent with the one {title} computes.
      </Verdict>
    );
  } else if (state.status === 'failed') {
    body = <Verdict verdict="failed">Cannot check: {state.error}</Verdict>;
  } else if (state.status === 'pending' || !state.value) {
    body = <Verdict verdict="pending">Comparing…</Verdict>;
  } else {
    body = (
      <Result diagnosis={state.value} signed={signed} exchangeRejects={props.exchangeRejects} />
    );
  }
  const notes = state.status === 'ready' && state.value ? state.value.notes : [];
  return (
    <section class="sign-section" aria-label="Signature check">
      <h3>The signature sent</h3>
      {body}
      {notes.length > 0 ? (
        <ul class="sign-notes" data-testid="sign-notes">
          {notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
