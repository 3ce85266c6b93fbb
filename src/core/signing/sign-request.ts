// Signs a request with one recipe: the prehash, the signature and what to send. The secret is
// used for this one call and kept nowhere.
import { hmacSha256 } from './hmac.ts';
import { SIGNING_RECIPES } from './recipes.ts';
import type { SignInput, SigningRecipeId, SignResult } from './types.ts';

export interface SignOptions {
  /** The clock for a timestamp the input leaves out (Unix ms); default Date.now(). */
  now?: number;
}

/** The exact string a recipe signs for this input, without signing it (no secret needed). */
export function signingPrehash(
  recipeId: SigningRecipeId,
  input: Omit<SignInput, 'secret'>,
  options: SignOptions = {},
): { prehash: string; timestamp: string; warnings: string[] } {
  const recipe = SIGNING_RECIPES[recipeId];
  const prepared = recipe.prepare({ ...input, secret: '' }, options.now ?? Date.now());
  return {
    prehash: recipe.compose(prepared.parts),
    timestamp: prepared.timestamp,
    warnings: prepared.warnings,
  };
}

/** Throws SigningInputError for input no recipe could sign (an empty secret, a timestamp or
 * query given twice, a signature parameter already there). */
export async function signRequest(
  recipeId: SigningRecipeId,
  input: SignInput,
  options: SignOptions = {},
): Promise<SignResult> {
  const recipe = SIGNING_RECIPES[recipeId];
  const prepared = recipe.prepare(input, options.now ?? Date.now());
  const prehash = recipe.compose(prepared.parts);
  const signature = await hmacSha256(input.secret, prehash, recipe.encoding);
  const delivery = prepared.deliver(signature);
  return {
    recipe: recipeId,
    prehash,
    signature,
    encoding: recipe.encoding,
    timestamp: prepared.timestamp,
    headers: delivery.headers,
    ...(delivery.params ? { params: delivery.params } : {}),
    ...(delivery.login ? { login: delivery.login } : {}),
    warnings: prepared.warnings,
  };
}
