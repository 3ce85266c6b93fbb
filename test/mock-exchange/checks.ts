// Mock exchange (Node): request checks (credentials, timestamps, signatures) as a pluggable list
// per dialect, so signature verification can be added later as one more check.

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
