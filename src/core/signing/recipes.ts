// Every signing recipe by id: the one table the signer, the mistake finder, the clock judge and
// the CLI read.
import { binanceRecipe } from './binance-recipe.ts';
import { bybitRecipe } from './bybit-recipe.ts';
import { gatewayRecipe } from './gateway-recipe.ts';
import { okxRecipe, okxWsLoginRecipe } from './okx-recipes.ts';
import type { SigningRecipe } from './recipe.ts';
import type { SigningRecipeId } from './types.ts';
import { wooV1Recipe, wooV3Recipe } from './woo-recipes.ts';

export const SIGNING_RECIPES: Readonly<Record<SigningRecipeId, SigningRecipe>> = Object.freeze({
  gateway: gatewayRecipe,
  binance: binanceRecipe,
  okx: okxRecipe,
  'okx-ws-login': okxWsLoginRecipe,
  'woo-v1': wooV1Recipe,
  'woo-v3': wooV3Recipe,
  bybit: bybitRecipe,
});
