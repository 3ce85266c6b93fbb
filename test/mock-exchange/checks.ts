// Mock exchange (Node): request checks (credentials, timestamps, signatures) as a pluggable list
// per dialect, and the two verdicts every signing dialect shares, both taken from the signing
// core (src/core/signing) so the mock accepts exactly what the signing pane calls correct.
import {
  hmacSha256,
  judgeClock,
  parseTimestamp,
  partsOfSigned,
  type RawRequest,
  readSignedRequest,
  SIGNING_RECIPES,
  type SignedRequest,
  type SigningRecipeId,
} from '../../src/core/index.ts';

/**
 * One check of an incoming request: a rejection (in the dialect's own terms) or undefined to
 * let the request through. May be async: signature recipes use WebCrypto.
 */
export type RequestCheck<Request, Rejection> = (
  request: Request,
) => Rejection | undefined | Promise<Rejection | undefined>;

/** The first rejection of the checks, run in order; undefined when every check passes. */
export async function firstRejection<Request, Rejection>(
  checks: readonly RequestCheck<Request, Rejection>[],
  request: Request,
): Promise<Rejection | undefined> {
  for (const check of checks) {
    const rejection = await check(request);
    if (rejection !== undefined) return rejection;
  }
  return undefined;
}

export type TimestampVerdict = 'missing' | 'unreadable' | 'wrong-format' | 'expired' | 'accepted';

/** A request's timestamp against the mock's clock under the recipe's documented window
 * (judgeClock): gateway ±5000 ms, Binance recvWindow and 1000 ms ahead, OKX ±30 s, the OKX
 * login 30 s after its timestamp, WOO X under 300 s. */
export function judgeTimestamp(
  recipe: SigningRecipeId,
  timestamp: string | undefined,
  serverMs: number,
  recvWindow?: number,
): TimestampVerdict {
  if (timestamp === undefined || timestamp.trim() === '') return 'missing';
  const parsed = parseTimestamp(timestamp);
  if (!parsed) return 'unreadable';
  const fine =
    parsed.format === SIGNING_RECIPES[recipe].timestampFormat ||
    (recipe === 'binance' && parsed.format === 'epoch-us');
  if (!fine) return 'wrong-format';
  const verdict = judgeClock({
    recipe,
    timestamp,
    server: serverMs,
    ...(recvWindow === undefined ? {} : { recvWindow }),
  }).verdict;
  return verdict === 'accepted' ? 'accepted' : 'expired';
}

export type SignatureVerdict = 'missing' | 'valid' | 'invalid';

/** Whether the request carries the recipe's signature of itself under the secret: the request
 * is read as the signing pane reads a captured one (readSignedRequest), then re-signed. */
export async function verifySignature(
  recipe: SigningRecipeId,
  raw: RawRequest,
  secret: string,
): Promise<SignatureVerdict> {
  const signed = readSignedRequest(recipe, raw);
  if (!signed || signed.signature.trim() === '') return 'missing';
  return (await expectedSignatureOf(recipe, signed, secret)) === normalise(recipe, signed.signature)
    ? 'valid'
    : 'invalid';
}

function expectedSignatureOf(recipe: SigningRecipeId, signed: SignedRequest, secret: string) {
  const { compose, encoding } = SIGNING_RECIPES[recipe];
  return hmacSha256(secret, compose(partsOfSigned(recipe, signed)), encoding);
}

/** Hex signatures compare without case (Binance documents them so); Base64 exactly. */
function normalise(recipe: SigningRecipeId, signature: string): string {
  const trimmed = signature.trim();
  return SIGNING_RECIPES[recipe].encoding === 'hex' ? trimmed.toLowerCase() : trimmed;
}
