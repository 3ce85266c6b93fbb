// Panel UI: the signing pane. Shows, checks and fixes request signing: the recipe, the request,
// the string to sign and the signature as you type; opened from an error row, whether the
// signature sent is the recipe's (and which usual mistake reproduces it if not); the clock.
// The secret is held in this component's state only (see secret-memory.ts for the rule).
import { useEffect, useMemo, useState } from 'preact/hooks';
import {
  findSigningMistakes,
  type RecipeTried,
  readSignedRequest,
  type SigningDiagnosis,
  type SigningRecipeId,
  tryRecipes,
} from '../../core/index.ts';
import { judgeCaptured, judgeNow, readServerClock } from './clock-check.ts';
import { ClockView, type ReadingState } from './clock-view.tsx';
import { computeSignature } from './compute-signature.ts';
import { RecipePicker } from './recipe-picker.tsx';
import { RecipesTried } from './recipes-tried-view.tsx';
import { RequestFields } from './request-fields.tsx';
import { SecretFields } from './secret-fields.tsx';
import {
  type CredentialFamily,
  credentialFamily,
  forget,
  recall,
  remember,
} from './secret-memory.ts';
import {
  clockKey,
  exchangeRecipe,
  freshDraft,
  type SignDraft,
  switchRecipe,
} from './sign-draft.ts';
import { type Credentials, type FormField, nowTimestamp, recipeUses } from './sign-form.ts';
import { SignOutput } from './sign-output.tsx';
import { SignatureDiagnosis } from './signature-diagnosis.tsx';
import type { SigningServices } from './signing-services.ts';
import { SourceNotice } from './source-notice.tsx';
import { useDebouncedTask } from './use-debounced-task.ts';
import './signing-pane.css';

export type DraftUpdate = (update: (draft: SignDraft) => SignDraft) => void;

export interface SigningPaneProps {
  draft: SignDraft;
  onDraft: DraftUpdate;
  services: SigningServices;
}

const NO_CREDENTIALS: Credentials = { secret: '', passphrase: '' };

/** The credentials typed for one family of recipes, and whether they are to be remembered. */
interface Held {
  family: CredentialFamily;
  credentials: Credentials;
  remember: boolean;
}

function heldFor(family: CredentialFamily): Held {
  const recalled = recall(family);
  return { family, credentials: recalled ?? NO_CREDENTIALS, remember: recalled !== undefined };
}

export function SigningPane({ draft, onDraft, services }: SigningPaneProps) {
  const { form, captured } = draft;
  const family = credentialFamily(form.recipe);
  const [heldState, setHeld] = useState<Held>(() => heldFor(family));
  // Another exchange's recipe: its own remembered credentials, or none.
  const held = heldState.family === family ? heldState : heldFor(family);
  const [shown, setShown] = useState(false);
  const [asking, setAsking] = useState<string | undefined>(undefined);
  const { secret, passphrase } = held.credentials;

  useEffect(() => {
    if (heldState.family !== family) setHeld(heldFor(family));
  }, [family, heldState.family]);
  useEffect(() => {
    if (held.remember) remember(held.family, held.credentials);
    else forget(held.family);
  }, [held]);
  useEffect(() => {
    const clear = () => setHeld((before) => ({ ...before, credentials: NO_CREDENTIALS }));
    addEventListener('pagehide', clear);
    return () => removeEventListener('pagehide', clear);
  }, []);

  const signing = useDebouncedTask(
    () => computeSignature(form, held.credentials, services.now()),
    [form, secret, passphrase],
  );
  const signed = useMemo(
    () => (captured ? readSignedRequest(form.recipe, captured.raw) : undefined),
    [captured, form.recipe],
  );
  const diagnosis = useDebouncedTask<SigningDiagnosis | undefined>(
    async () =>
      signed && secret !== '' ? findSigningMistakes(form.recipe, signed, secret) : undefined,
    [signed, form.recipe, secret],
  );
  // Every recipe that fits the request, and the exchange's own against the one picked: which
  // reproduces the signature sent says how it was signed, the exchange's what it checks.
  const canRetry = captured !== undefined && !captured.truncated && secret !== '';
  const tried = useDebouncedTask<RecipeTried[] | undefined>(
    async () => (captured && canRetry ? tryRecipes(captured.raw, secret) : undefined),
    [captured, secret],
  );
  const own =
    captured?.recipe?.recipe ?? exchangeRecipe(draft.problem?.finding.exchange, form.recipe);
  const ownSigned = useMemo(
    () =>
      captured && own && own !== form.recipe ? readSignedRequest(own, captured.raw) : undefined,
    [captured, own, form.recipe],
  );
  const againstOwn = useDebouncedTask<SigningDiagnosis | undefined>(
    async () =>
      own && ownSigned && canRetry ? findSigningMistakes(own, ownSigned, secret) : undefined,
    [own, ownSigned, secret],
  );
  const ownRejects =
    tried.status === 'ready' && tried.value?.some((t) => t.recipe === own && !t.reproduces);

  const key = clockKey(form);
  function checkClock(): void {
    const asked = clockKey(form);
    setAsking(asked);
    void readServerClock(services.fetchText, form.origin, form.recipe, services.now).then(
      (reading) => {
        onDraft((d) => (clockKey(d.form) === asked ? { ...d, clock: { key: asked, reading } } : d));
        setAsking((now) => (now === asked ? undefined : now));
      },
    );
  }
  // Opened from a row: the clock is part of the explanation, read it once.
  // Once per captured request and recipe, not on every keystroke of the address.
  useEffect(() => {
    if (captured && form.origin !== '' && draft.clock?.key !== key) checkClock();
  }, [captured, form.recipe]);

  const stored = draft.clock?.key === key ? draft.clock.reading : undefined;
  const reading: ReadingState = stored ?? (asking === key ? 'pending' : undefined);
  const ok = reading !== 'pending' ? reading : undefined;
  const capturedClock =
    captured && signed && signed.timestamp !== ''
      ? judgeCaptured(
          {
            recipe: form.recipe,
            timestamp: signed.timestamp,
            ...(signed.recvWindow === undefined ? {} : { recvWindow: signed.recvWindow }),
          },
          captured,
          ok,
        )
      : undefined;
  let capturedMissing: string | undefined;
  if (captured && signed && !capturedClock) {
    capturedMissing =
      signed.timestamp === ''
        ? 'The captured request carries no timestamp.'
        : "The captured request's timestamp: no reading of the exchange's clock yet (check the clock).";
  }
  const typedTimestamp =
    signing.status !== 'failed' && signing.value
      ? signing.value.kind === 'signed'
        ? signing.value.result.timestamp
        : signing.value.timestamp
      : form.timestamp;
  const recvWindow = /^\d+$/.test(form.recvWindow.trim()) ? Number(form.recvWindow) : undefined;
  const typedClock = typedTimestamp
    ? judgeNow(
        {
          recipe: form.recipe,
          timestamp: typedTimestamp,
          ...(recvWindow !== undefined && recipeUses(form.recipe, 'recvWindow')
            ? { recvWindow }
            : {}),
        },
        ok,
        services.now(),
      )
    : undefined;

  const setField = (field: FormField, value: string) =>
    onDraft((d) => ({ ...d, form: { ...d.form, [field]: value } }));
  const setCredentials = (credentials: Credentials) => setHeld({ ...held, credentials });

  const output = <SignOutput state={signing} passphrase={passphrase} shown={shown} />;
  return (
    <section class="signing-pane" data-testid="signing-pane" data-recipe={form.recipe}>
      <header class="sign-header">
        <h2>Signing</h2>
        <button
          type="button"
          data-testid="sign-reset"
          onClick={() => onDraft((d) => freshDraft(services.now(), d.form.recipe))}
        >
          New request
        </button>
      </header>
      <SourceNotice draft={draft} />
      <RecipePicker
        pick={draft.pick}
        onPick={(recipe: SigningRecipeId) =>
          onDraft((d) => switchRecipe(d, recipe, services.now()))
        }
      />
      <div class={`sign-columns${captured ? ' from-capture' : ''}`}>
        <div class="sign-inputs">
          <SecretFields
            credentials={held.credentials}
            onCredentials={setCredentials}
            withPassphrase={recipeUses(form.recipe, 'passphrase')}
            shown={shown}
            onShown={setShown}
            remember={held.remember}
            onRemember={(value) => setHeld({ ...held, remember: value })}
          />
          <RequestFields
            form={form}
            onField={setField}
            onNow={() => setField('timestamp', nowTimestamp(form.recipe, services.now()))}
          />
        </div>
        <div class="sign-results">
          {/* Opened from a row, the verdicts come first; otherwise the signature does. */}
          {captured ? null : output}
          {captured ? (
            <SignatureDiagnosis
              recipe={form.recipe}
              signed={signed}
              truncated={captured.truncated === true}
              secretGiven={secret !== ''}
              state={diagnosis}
              exchangeRejects={ownRejects && own !== form.recipe ? own : undefined}
            />
          ) : null}
          {captured ? (
            <RecipesTried
              state={tried}
              picked={form.recipe}
              exchangeRecipe={own}
              againstExchange={
                ownRejects && againstOwn.status === 'ready' ? againstOwn.value : undefined
              }
            />
          ) : null}
          <ClockView
            recipe={form.recipe}
            origin={form.origin}
            onOrigin={(origin) => setField('origin', origin)}
            reading={reading}
            onCheck={checkClock}
            captured={capturedClock}
            {...(capturedMissing ? { capturedMissing } : {})}
            typed={typedClock}
          />
          {captured ? output : null}
        </div>
      </div>
    </section>
  );
}
