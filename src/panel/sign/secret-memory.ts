// Panel page only: where a signing secret may live once the signing pane closes.
//
// THE RULE. A secret (and an OKX passphrase) the user types into the signing pane lives in the
// pane's preact state and nowhere else: never in storage (local, sync or session), never in a
// log or the console, never in an export, never in a message to another context (no
// runtime.sendMessage, no port, no recent findings). Only when the user ticks "remember for
// this DevTools session" is it also kept here, in a module-level variable of the panel page:
// that page lives exactly as long as the DevTools session, so the secret dies with it.
// storage.session is not used on purpose: it outlives the panel (it lasts until the browser
// quits) and is readable by every extension context. forgetAll() runs on pagehide as well.
import type { SigningRecipeId } from '../../core/index.ts';
import type { Credentials } from './sign-form.ts';

/** Recipes that sign with the same credentials share what is remembered. */
export type CredentialFamily = 'binance-style' | 'okx' | 'woo' | 'bybit';

export function credentialFamily(recipe: SigningRecipeId): CredentialFamily {
  switch (recipe) {
    case 'gateway':
    case 'binance':
      return 'binance-style';
    case 'okx':
    case 'okx-ws-login':
      return 'okx';
    case 'woo-v1':
    case 'woo-v3':
      return 'woo';
    case 'bybit':
      return 'bybit';
  }
}

let remembered = new Map<CredentialFamily, Credentials>();

export function recall(family: CredentialFamily): Credentials | undefined {
  return remembered.get(family);
}

export function remember(family: CredentialFamily, credentials: Credentials): void {
  if (credentials.secret === '' && credentials.passphrase === '') remembered.delete(family);
  else remembered.set(family, { ...credentials });
}

export function forget(family: CredentialFamily): void {
  remembered.delete(family);
}

export function forgetAll(): void {
  remembered = new Map();
}

/** Forgets everything when the panel page goes away (DevTools closes, the panel reloads).
 * pagehide fires wherever unload would, and unload listeners are deprecated in Chromium. */
export function forgetOnPageHide(target: Pick<Window, 'addEventListener'>): void {
  target.addEventListener('pagehide', forgetAll);
}
