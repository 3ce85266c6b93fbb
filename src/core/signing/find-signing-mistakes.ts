// The mistake finder: recomputes a captured request's signature with the user's secret and,
// when it differs, names the usual mistake(s) that reproduce the signature actually sent.
// Bounded: a fixed list of prehash variants, each checked in both encodings from one HMAC, and
// a fixed list of mangled secrets over the recipe's own prehash: well under a hundred HMACs.
import { encodeDigest, hmacSigner, sameSignature } from './hmac.ts';
import { prehashVariants, type SigningMistakeId, secretVariants } from './mistake-variants.ts';
import { formatWarnings } from './recipe.ts';
import { SIGNING_RECIPES } from './recipes.ts';
import { partsOfSigned, type SignedRequest } from './signed-request.ts';
import type { SignatureEncoding, SigningRecipeId } from './types.ts';

export interface SigningMistake {
  /** The mistake's id, or two joined by "+" when it took two to reproduce the signature. */
  id: string;
  ids: SigningMistakeId[];
  /** One line for the user: "You signed the path without its query string". */
  explanation: string;
  /** The string that, signed, gives the signature sent: diff it against expected.prehash. */
  prehash: string;
  encoding: SignatureEncoding;
}

export interface SigningDiagnosis {
  recipe: SigningRecipeId;
  /** What the recipe signs for this request with the secret given. */
  expected: { prehash: string; signature: string; encoding: SignatureEncoding };
  /** The signature sent equals the expected one. */
  matches: boolean;
  /** The mistakes that reproduce the signature sent; empty when it matches, or when none does
   * (then the secret itself, or the key it belongs to, is the likely culprit). */
  mistakes: SigningMistake[];
  /** Things wrong even when the signature matches: the timestamp's format, the signature's size. */
  notes: string[];
}

const OTHER: Record<SignatureEncoding, SignatureEncoding> = { hex: 'base64', base64: 'hex' };
const ENCODING_MISTAKE: Record<SignatureEncoding, SigningMistakeId> = {
  hex: 'hex-instead-of-base64',
  base64: 'base64-instead-of-hex',
};

/** Binance takes microseconds as well as milliseconds. */
function alsoFine(recipeId: SigningRecipeId): 'epoch-us'[] {
  return recipeId === 'binance' ? ['epoch-us'] : [];
}

/** What the sent signature's size says about the algorithm, when it is not SHA-256's. */
function sizeNote(signature: string, title: string): string | undefined {
  const s = signature.trim();
  const hex = /^[0-9a-fA-F]+$/.test(s);
  const sizes: [boolean, number, string][] = [
    [hex, 64, ''],
    [!hex, 44, ''],
    [hex, 128, 'an HMAC-SHA512 in hex'],
    [!hex, 88, 'an HMAC-SHA512 in Base64'],
    [hex, 40, 'an HMAC-SHA1 in hex'],
    [!hex, 28, 'an HMAC-SHA1 in Base64'],
  ];
  const known = sizes.find(([kind, length]) => kind && s.length === length);
  if (known && known[2] === '') return undefined;
  const what = known ? known[2] : 'not an HMAC-SHA256 in hex (64) or Base64 (44)';
  return `The signature sent is ${s.length} characters, ${what}; ${title} signs with HMAC-SHA256`;
}

export async function findSigningMistakes(
  recipeId: SigningRecipeId,
  request: SignedRequest,
  secret: string,
): Promise<SigningDiagnosis> {
  const recipe = SIGNING_RECIPES[recipeId];
  const parts = partsOfSigned(recipeId, request);
  const prehash = recipe.compose(parts);
  const encoding = recipe.encoding;
  const signer = await hmacSigner(secret);
  const digest = await signer.digest(prehash);
  const expected = { prehash, signature: encodeDigest(digest, encoding), encoding };
  const notes = request.timestamp
    ? formatWarnings(recipe.title, request.timestamp, recipe.timestampFormat, alsoFine(recipeId))
    : [];
  const size = sizeNote(request.signature, recipe.title);
  if (size) notes.push(size);
  const sent = request.signature;
  if (sameSignature(sent, expected.signature, encoding)) {
    return { recipe: recipeId, expected, matches: true, mistakes: [], notes };
  }

  const mistakes: SigningMistake[] = [];
  const check = (bytes: Uint8Array, found: Omit<SigningMistake, 'id' | 'encoding'>) => {
    for (const used of [encoding, OTHER[encoding]]) {
      if (!sameSignature(sent, encodeDigest(bytes, used), used)) continue;
      const ids = used === encoding ? found.ids : [...found.ids, ENCODING_MISTAKE[used]];
      const explanation =
        used === encoding
          ? found.explanation
          : `${found.explanation}, and encoded the signature in ${used} instead of ${encoding}`;
      mistakes.push({ ...found, id: ids.join('+'), ids, explanation, encoding: used });
    }
  };

  const swapped = OTHER[encoding];
  if (sameSignature(sent, encodeDigest(digest, swapped), swapped)) {
    mistakes.push({
      id: ENCODING_MISTAKE[swapped],
      ids: [ENCODING_MISTAKE[swapped]],
      explanation: `You encoded the signature in ${swapped}; ${recipe.title} wants ${encoding}`,
      prehash,
      encoding: swapped,
    });
  }
  for (const variant of prehashVariants(recipe, parts, request.timestamp)) {
    check(await signer.digest(variant.prehash), {
      ids: [variant.id],
      explanation: variant.explanation,
      prehash: variant.prehash,
    });
  }
  for (const variant of secretVariants(secret)) {
    const mangled = await hmacSigner(variant.secret);
    check(await mangled.digest(prehash), {
      ids: [variant.id],
      explanation: variant.explanation,
      prehash,
    });
  }
  return { recipe: recipeId, expected, matches: false, mistakes, notes };
}
