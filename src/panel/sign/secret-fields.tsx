// Panel UI: the secret and the OKX passphrase, masked unless the user asks to see them, and the
// "remember for this DevTools session" box. Values come from and go to the pane's state only.
import type { Credentials } from './sign-form.ts';

export interface SecretFieldsProps {
  credentials: Credentials;
  onCredentials(credentials: Credentials): void;
  withPassphrase: boolean;
  shown: boolean;
  onShown(shown: boolean): void;
  remember: boolean;
  onRemember(remember: boolean): void;
}

const value = (event: Event): string => (event.currentTarget as HTMLInputElement).value;

export function SecretFields(props: SecretFieldsProps) {
  const { credentials, onCredentials, shown } = props;
  // Preact types an input's attributes by its type: one literal is enough for both.
  const type = (shown ? 'text' : 'password') as 'password';
  return (
    <fieldset class="sign-secrets">
      <legend>Secret</legend>
      <label class="sign-field">
        <span>API secret</span>
        <input
          type={type}
          data-testid="sign-secret"
          autocomplete="off"
          spellcheck={false}
          placeholder="never stored, never sent"
          value={credentials.secret}
          onInput={(event) => onCredentials({ ...credentials, secret: value(event) })}
        />
      </label>
      {props.withPassphrase ? (
        <label class="sign-field">
          <span>Passphrase</span>
          <input
            type={type}
            data-testid="sign-passphrase"
            autocomplete="off"
            spellcheck={false}
            value={credentials.passphrase}
            onInput={(event) => onCredentials({ ...credentials, passphrase: value(event) })}
          />
        </label>
      ) : null}
      <div class="sign-secret-options">
        <button
          type="button"
          data-testid="sign-secret-show"
          aria-pressed={shown}
          onClick={() => props.onShown(!shown)}
        >
          {shown ? 'Hide' : 'Show'}
        </button>
        <label title="Kept in this panel's memory until DevTools closes; never written to storage">
          <input
            type="checkbox"
            data-testid="sign-remember"
            checked={props.remember}
            onChange={(event) =>
              props.onRemember((event.currentTarget as HTMLInputElement).checked)
            }
          />
          Remember for this DevTools session
        </label>
      </div>
      <p class="muted sign-secret-note">
        The secret stays in this pane: it is not stored, logged or sent anywhere. It is forgotten
        when you leave the Signing tab, unless you tick the box above, and always when DevTools
        closes.
      </p>
    </fieldset>
  );
}
