// Panel UI: this machine's clock against the exchange's (its time endpoint, asked from the
// panel), and the verdict on the timestamps: the captured request's and the one being written.
import { type SigningRecipeId, serverTimeEndpoint } from '../../core/index.ts';
import { type ClockJudgement, describeSkew, type ServerClockReading } from './clock-check.ts';

export type ReadingState = ServerClockReading | 'pending' | undefined;

export interface ClockViewProps {
  recipe: SigningRecipeId;
  origin: string;
  onOrigin(origin: string): void;
  reading: ReadingState;
  onCheck(): void;
  /** The captured request's timestamp judged; undefined when there is none to judge. */
  captured: ClockJudgement | undefined;
  /** Why the captured request cannot be judged, when it cannot. */
  capturedMissing?: string;
  /** The form's timestamp against the exchange's clock now. */
  typed: ClockJudgement | undefined;
}

function Reading({ reading }: { reading: ReadingState }) {
  if (reading === undefined) return null;
  if (reading === 'pending') {
    return (
      <p data-testid="sign-clock-reading" data-state="pending">
        Asking the exchange…
      </p>
    );
  }
  if (!reading.ok) {
    return (
      <p class="sign-error" data-testid="sign-clock-reading" data-state="failed">
        Could not read the exchange's clock from {reading.url}: {reading.reason}.
      </p>
    );
  }
  return (
    <p data-testid="sign-clock-reading" data-state="ok" data-skew-ms={reading.skewMs}>
      {describeSkew(reading.skewMs)} ({reading.source}, round trip {reading.roundTripMs} ms).
    </p>
  );
}

function Judgement(props: { label: string; judgement: ClockJudgement; testId: string }) {
  const { verdict, message } = props.judgement.verdict;
  return (
    <div class="sign-clock-line">
      <span class="sign-clock-label">{props.label}</span>
      <p
        class={`sign-clock-verdict verdict-${verdict}`}
        data-testid={props.testId}
        data-verdict={verdict}
      >
        {message}.{' '}
        <span class="muted" data-testid={`${props.testId}-basis`}>
          (Read against {props.judgement.basis}.)
        </span>
      </p>
    </div>
  );
}

export function ClockView(props: ClockViewProps) {
  const endpoint = serverTimeEndpoint(props.recipe, props.origin);
  return (
    <section class="sign-section sign-clock" aria-label="Clock">
      <h3>Clock</h3>
      <div class="sign-clock-ask">
        <label class="sign-field">
          <span>Exchange</span>
          <input
            type="text"
            data-testid="sign-origin"
            spellcheck={false}
            placeholder="https://host of the exchange's API"
            value={props.origin}
            onInput={(event) => props.onOrigin((event.currentTarget as HTMLInputElement).value)}
          />
        </label>
        <button
          type="button"
          data-testid="sign-clock-check"
          onClick={props.onCheck}
          disabled={props.reading === 'pending'}
          title={`GET ${endpoint.path} on this address, from the panel, without cookies`}
        >
          Check clock
        </button>
      </div>
      <Reading reading={props.reading} />
      {props.captured ? (
        <Judgement label="Request sent" judgement={props.captured} testId="sign-clock-verdict" />
      ) : props.capturedMissing ? (
        <p class="muted" data-testid="sign-clock-verdict" data-verdict="none">
          {props.capturedMissing}
        </p>
      ) : null}
      {props.typed ? (
        <Judgement label="Timestamp above" judgement={props.typed} testId="sign-clock-typed" />
      ) : null}
    </section>
  );
}
