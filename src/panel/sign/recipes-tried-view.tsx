// Panel UI: every recipe that fits the captured request, tried with the user's secret: which
// reproduces the signature sent, and what that says next to the exchange's own recipe (a
// request signed Binance's way and rejected by the gateway, which sorts its parameters).
import {
  type RecipeTried,
  SIGNING_RECIPES,
  type SigningDiagnosis,
  type SigningRecipeId,
} from '../../core/index.ts';
import type { TaskState } from './use-debounced-task.ts';

export interface RecipesTriedProps {
  state: TaskState<RecipeTried[] | undefined>;
  /** The recipe the pane shows. */
  picked: SigningRecipeId;
  /** The recipe of the exchange the error was attributed to, when one is known. */
  exchangeRecipe: SigningRecipeId | undefined;
  /** The mistake finder against the exchange's recipe, when the picked one reproduces the
   * signature and the exchange's does not. */
  againstExchange: SigningDiagnosis | undefined;
}

const title = (recipe: SigningRecipeId) => SIGNING_RECIPES[recipe].title;

function summary(tried: RecipeTried[], picked: SigningRecipeId, own: SigningRecipeId | undefined) {
  const reproducing = tried.filter((t) => t.reproduces).map((t) => t.recipe);
  if (reproducing.length === 0) {
    return 'None reproduces the signature sent: the secret, or the request after it was signed, is the likely culprit.';
  }
  const first = reproducing[0] as SigningRecipeId;
  if (own && !reproducing.includes(own)) {
    return `It was signed as ${title(first)} signs (${first} reproduces it), not as ${title(own)} checks it: ${own === picked ? 'the difference is named above' : 'the difference is named below'}.`;
  }
  if (own && reproducing.includes(own)) {
    return `${title(own)}'s own recipe reproduces it: the signature is right; the problem is elsewhere.`;
  }
  return `${reproducing.join(', ')} ${reproducing.length === 1 ? 'reproduces' : 'reproduce'} it.`;
}

export function RecipesTried({
  state,
  picked,
  exchangeRecipe,
  againstExchange,
}: RecipesTriedProps) {
  if (state.status !== 'ready' || !state.value || state.value.length === 0) return null;
  const tried = state.value;
  const mistakes = againstExchange?.mistakes ?? [];
  return (
    <div class="sign-tried" data-testid="sign-recipes-tried">
      <p>
        Tried every recipe that fits this request:{' '}
        {tried.map((t, i) => (
          <span
            key={t.recipe}
            data-testid="sign-recipe-tried"
            data-recipe={t.recipe}
            data-reproduces={String(t.reproduces)}
          >
            {i > 0 ? '; ' : ''}
            <code>{t.recipe}</code>
            {t.recipe === exchangeRecipe ? " (the exchange's)" : ''}{' '}
            {t.reproduces ? 'reproduces the signature sent' : 'does not'}
          </span>
        ))}
        .
      </p>
      <p data-testid="sign-recipes-summary">{summary(tried, picked, exchangeRecipe)}</p>
      {againstExchange && exchangeRecipe ? (
        <ul class="sign-mistakes" data-testid="sign-against-exchange">
          {mistakes.length === 0 ? (
            <li>No usual mistake turns {title(exchangeRecipe)}'s string into the one signed.</li>
          ) : (
            mistakes.map((mistake) => (
              <li key={mistake.id} data-testid="sign-mistake" data-mistake-id={mistake.id}>
                Against {exchangeRecipe}: <code>{mistake.id}</code>: {mistake.explanation}.
              </li>
            ))
          )}
        </ul>
      ) : null}
    </div>
  );
}
