// Pure (WebCrypto): what the pane shows for its form: the string to sign alone while there is no
// secret, the signature and what to send once there is one.
import { type SignResult, signingPrehash, signRequest } from '../../core/index.ts';
import { type Credentials, type SignForm, signInputOf } from './sign-form.ts';

export type SignOutcome =
  | { kind: 'prehash'; prehash: string; timestamp: string; warnings: string[] }
  | { kind: 'signed'; result: SignResult };

/** Rejects with the recipe's own words for input it cannot sign (a timestamp given twice...). */
export async function computeSignature(
  form: SignForm,
  credentials: Credentials,
  now: number,
): Promise<SignOutcome> {
  const built = signInputOf(form, credentials);
  if ('problem' in built) throw new Error(built.problem);
  if (credentials.secret === '') {
    return { kind: 'prehash', ...signingPrehash(form.recipe, built.input, { now }) };
  }
  return { kind: 'signed', result: await signRequest(form.recipe, built.input, { now }) };
}
