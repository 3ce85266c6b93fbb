// Panel UI: the signing recipe, pre-selected from the captured request, and why it was picked.
import { SIGNING_RECIPE_IDS, SIGNING_RECIPES, type SigningRecipeId } from '../../core/index.ts';
import type { RecipePick } from './sign-draft.ts';

export function RecipePicker({
  pick,
  onPick,
}: {
  pick: RecipePick;
  onPick(recipe: SigningRecipeId): void;
}) {
  const recipe = SIGNING_RECIPES[pick.recipe];
  return (
    <div class="sign-recipe">
      <label class="sign-field">
        <span>Recipe</span>
        <select
          data-testid="sign-recipe"
          value={pick.recipe}
          onChange={(event) =>
            onPick((event.currentTarget as HTMLSelectElement).value as SigningRecipeId)
          }
        >
          {SIGNING_RECIPE_IDS.map((id) => (
            <option key={id} value={id}>
              {id} ({SIGNING_RECIPES[id].title})
            </option>
          ))}
        </select>
      </label>
      <p class="sign-reason" data-testid="sign-recipe-reason" data-by={pick.by}>
        {pick.reason}
      </p>
      <p class="muted sign-formula" data-testid="sign-formula">
        {recipe.formula}
      </p>
    </div>
  );
}
