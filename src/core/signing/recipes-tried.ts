// Every recipe that fits a captured request, tried with the user's secret: which of them
// reproduces the signature sent. A request signed the way one exchange signs and sent to another
// (Binance's query-as-sent to the gateway, which sorts) shows here as "binance reproduces it,
// the gateway does not": the mistake finder then names the difference against the gateway.
import { encodeDigest, hmacSigner, sameSignature } from './hmac.ts';
import { SIGNING_RECIPES } from './recipes.ts';
import { partsOfSigned, type RawRequest, readSignedRequest } from './signed-request.ts';
import { SIGNING_RECIPE_IDS, type SigningRecipeId } from './types.ts';

export interface RecipeTried {
  recipe: SigningRecipeId;
  /** The recipe's own prehash, signed with the secret, is the signature the request sent. */
  reproduces: boolean;
}

/** Which recipe families a request can be read by: one signature, one place. Recipes of one
 * family read the same signature (the gateway's and Binance's `signature` parameter). */
export function recipesThatFit(raw: RawRequest): SigningRecipeId[] {
  return SIGNING_RECIPE_IDS.filter((recipe) => readSignedRequest(recipe, raw) !== undefined);
}

/** Tries each fitting recipe in SIGNING_RECIPE_IDS order; one HMAC key, one digest each. */
export async function tryRecipes(raw: RawRequest, secret: string): Promise<RecipeTried[]> {
  const signer = await hmacSigner(secret);
  const tried: RecipeTried[] = [];
  for (const recipe of recipesThatFit(raw)) {
    const signed = readSignedRequest(recipe, raw);
    if (!signed) continue;
    const { compose, encoding } = SIGNING_RECIPES[recipe];
    const digest = await signer.digest(compose(partsOfSigned(recipe, signed)));
    tried.push({
      recipe,
      reproduces: sameSignature(signed.signature, encodeDigest(digest, encoding), encoding),
    });
  }
  return tried;
}
