// Pure: what the signing pane holds besides the secret: the editable request, how its recipe
// was picked and why, and the captured request it was opened from. Kept by the panel app so it
// survives switching tabs; the secret is not in it (see secret-memory.ts).
import { exchangeLabel } from '../../core/exchange-names.ts';
import {
  detectSigningRecipe,
  formatTimestamp,
  type HostMap,
  parseTimestamp,
  readSignedRequest,
  SIGNING_RECIPES,
  type SigningRecipeId,
} from '../../core/index.ts';
import type { CapturedLookup, CapturedRequest } from './captured-request.ts';
import type { ServerClockReading } from './clock-check.ts';
import { emptyForm, formFromSigned, type SignForm } from './sign-form.ts';
import type { SigningProblem } from './signing-problem.ts';

export interface RecipePick {
  recipe: SigningRecipeId;
  /** Shown under the picker: why this recipe, and what to do if it is the wrong one. */
  reason: string;
  by: 'detected' | 'user' | 'default';
}

export interface SignDraft {
  form: SignForm;
  pick: RecipePick;
  /** The captured request the pane was opened from, the evidence the diagnosis reads. */
  captured?: CapturedRequest;
  /** Why the row gave nothing to compare with. */
  capturedMissing?: string;
  problem?: SigningProblem;
  /** The last reading of the exchange's clock, for the address and recipe in `key`. */
  clock?: { key: string; reading: ServerClockReading };
}

/** Which reading of the exchange's clock belongs to the form: its address and time endpoint. */
export function clockKey(form: SignForm): string {
  return `${form.recipe} ${form.origin.trim()}`;
}

/** The recipe of the exchange an error was attributed to. */
const BY_EXCHANGE: Readonly<Record<string, SigningRecipeId>> = {
  gateway: 'gateway',
  binance: 'binance',
  'binance-usdm': 'binance',
  okx: 'okx',
  woo: 'woo-v1',
  bybit: 'bybit',
};

/** Recipes that read the same signature: the finding's exchange chooses among them. */
const FAMILY: Readonly<Record<SigningRecipeId, string>> = {
  gateway: 'binance-style',
  binance: 'binance-style',
  okx: 'okx',
  'okx-ws-login': 'okx',
  'woo-v1': 'woo',
  'woo-v3': 'woo',
  bybit: 'bybit',
};

/** The recipe of the exchange the finding names, when the request is signed its way; the
 * request's own evidence (an OKX login, WOO X's /v3/ path) picks within the family. */
export function exchangeRecipe(
  exchange: string | undefined,
  detected: SigningRecipeId | undefined,
): SigningRecipeId | undefined {
  const own = exchange ? BY_EXCHANGE[exchange] : undefined;
  if (!own) return undefined;
  if (!detected) return own;
  if (FAMILY[own] !== FAMILY[detected]) return undefined;
  // Within OKX's and WOO X's families the request tells which; the gateway and Binance read
  // the same signature, and only the exchange says which recipe it checks it with.
  return FAMILY[own] === 'binance-style' ? own : detected;
}

export function freshDraft(now: number, recipe: SigningRecipeId = 'gateway'): SignDraft {
  return {
    form: emptyForm(recipe, now),
    pick: { recipe, reason: 'Pick the recipe of the exchange you sign for.', by: 'default' },
  };
}

function pickFor(
  request: CapturedRequest,
  hosts: HostMap,
  problem: SigningProblem | undefined,
): RecipePick {
  const guess = request.recipe ?? detectSigningRecipe(request.raw, hosts);
  const finding = problem?.finding;
  const own = request.recipe ? undefined : exchangeRecipe(finding?.exchange, guess?.recipe);
  if (finding && own && own !== guess?.recipe) {
    const why = guess ? `; the request is signed its way (${guess.reason})` : '';
    return {
      recipe: own,
      reason: `Picked ${own}: the error is ${exchangeLabel(finding.exchange)}'s (${finding.code})${why}.`,
      by: 'detected',
    };
  }
  if (guess) {
    const hint =
      guess.recipe === 'binance' && !request.recipe && !own
        ? ' Change it if this is the gateway (or map this host to the gateway in the options).'
        : '';
    return {
      recipe: guess.recipe,
      reason: `Picked ${guess.recipe}: ${guess.reason}.${hint}`,
      by: 'detected',
    };
  }
  return {
    recipe: 'gateway',
    reason: 'Nothing in the request names a recipe: pick one.',
    by: 'default',
  };
}

/** Path and query of an absolute URL (or of a path with its query). */
function splitTarget(url: string): { path: string; query: string } {
  const noFragment = url.split('#')[0] as string;
  const afterHost = noFragment.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?]*/i, '');
  const mark = afterHost.indexOf('?');
  const path = mark < 0 ? afterHost : afterHost.slice(0, mark);
  return { path: path || '/', query: mark < 0 ? '' : afterHost.slice(mark + 1) };
}

/** The form for a captured request read by `recipe`, or its plain parts when the recipe finds
 * no signature in it. */
function formFor(recipe: SigningRecipeId, request: CapturedRequest, now: number): SignForm {
  const signed = readSignedRequest(recipe, request.raw);
  if (signed) return formFromSigned(recipe, signed, request.raw, request.origin);
  const { path, query } = splitTarget(request.raw.url);
  return {
    ...emptyForm(recipe, now),
    method: (request.raw.method ?? 'GET').toUpperCase(),
    path,
    query,
    body: request.raw.body ?? '',
    origin: request.origin,
  };
}

/** The draft for the pane opened from a row (by "Explain signing"). */
export function draftFromLookup(
  lookup: CapturedLookup,
  hosts: HostMap,
  now: number,
  previous: SignDraft | undefined,
): SignDraft {
  const problem = lookup.ok ? lookup.request.problem : lookup.problem;
  if (!lookup.ok) {
    const base = previous ?? freshDraft(now);
    const exchange = problem?.finding.exchange;
    const recipe = (exchange && BY_EXCHANGE[exchange]) || base.pick.recipe;
    return {
      form: recipe === base.form.recipe ? base.form : emptyForm(recipe, now),
      pick: { ...base.pick, recipe },
      capturedMissing: lookup.reason,
      ...(problem ? { problem } : {}),
    };
  }
  const pick = pickFor(lookup.request, hosts, problem);
  return {
    form: formFor(pick.recipe, lookup.request, now),
    pick,
    captured: lookup.request,
    ...(problem ? { problem } : {}),
  };
}

/** The user picked another recipe: re-read the captured request with it, or keep the typed
 * request and rewrite its timestamp in the new recipe's format (same instant). */
export function switchRecipe(draft: SignDraft, recipe: SigningRecipeId, now: number): SignDraft {
  const pick: RecipePick = { recipe, reason: `You picked ${recipe}.`, by: 'user' };
  if (draft.captured) {
    const form = formFor(recipe, draft.captured, now);
    return { ...draft, pick, form: { ...form, key: form.key || draft.form.key } };
  }
  const parsed = parseTimestamp(draft.form.timestamp);
  const timestamp = parsed
    ? formatTimestamp(parsed.ms, SIGNING_RECIPES[recipe].timestampFormat)
    : draft.form.timestamp;
  return { ...draft, pick, form: { ...draft.form, recipe, timestamp } };
}
